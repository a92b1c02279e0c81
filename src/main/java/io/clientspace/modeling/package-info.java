/**
 * The process owners' area: the BPMN and DMN models, the gate every deploy passes, versions, firm settings,
 * migration of running instances and the audit of it all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modeling")
package io.clientspace.modeling;
