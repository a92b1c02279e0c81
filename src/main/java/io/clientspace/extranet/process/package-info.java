/** The portal invitation process (extranet-invitation.bpmn): its contract constants and thin delegates. */
package io.clientspace.extranet.process;
