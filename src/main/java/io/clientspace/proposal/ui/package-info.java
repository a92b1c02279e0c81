/** The Proposals tab and its dialogs: write, approve, send and follow proposals. */
package io.clientspace.proposal.ui;
