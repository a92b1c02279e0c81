/** The customer portal's pages and its shell, and a manager's read-only view as the client. */
package io.clientspace.portal.ui;
