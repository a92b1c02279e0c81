/** The client request process (client-request.bpmn, client-request-triage.dmn): its contract constants and thin delegates. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.request.process;
