/** The information request process (information-request.bpmn): its contract constants and thin delegates. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.inforequest.process;
