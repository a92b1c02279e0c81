/** The access-request process (workspace-access-request.bpmn): its contract constants and its task mirror. */
package io.clientspace.people.process;
