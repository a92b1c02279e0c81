/** Screens of external access: the portal contacts on a client, and the page a customer sees when access ended. */
package io.clientspace.extranet.ui;
