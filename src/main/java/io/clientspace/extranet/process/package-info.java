/** The portal invitation process (extranet-invitation.bpmn): its contract constants and thin delegates. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.extranet.process;
