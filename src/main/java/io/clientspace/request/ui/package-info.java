/** The client requests tab on the client and project workspaces, a request's page as a dialog, and logging one. */
package io.clientspace.request.ui;
