/** The access-request process (workspace-access-request.bpmn): its contract constants and its task mirror. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.people.process;
