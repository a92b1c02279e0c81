/** Contracts, invoices and acts kept on a client. */
package io.clientspace.document;
