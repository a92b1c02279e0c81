/** The client list and the client form; the form is shared with the workspace, which edits clients in place. */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.client.ui;
