/** The proposal-approval process: its contract constants, thin delegates and the approval task's mirror. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.proposal.process;
