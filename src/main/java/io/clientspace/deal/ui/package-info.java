/** The Deals tab and its dialogs: create a deal on a client and move it through its stages. */
package io.clientspace.deal.ui;
