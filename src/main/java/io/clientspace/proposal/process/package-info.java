/** The proposal-approval process: its contract constants, thin delegates and the approval task's mirror. */
package io.clientspace.proposal.process;
