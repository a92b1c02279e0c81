/** The documents tab, its dialogs, and the extension point other modules add badges and sections through. */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.document.ui;
