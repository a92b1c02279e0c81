/** The information request process (information-request.bpmn): its contract constants and thin delegates. */
package io.clientspace.inforequest.process;
