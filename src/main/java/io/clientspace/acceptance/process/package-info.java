/** The document acceptance process (document-acceptance.bpmn): its contract constants and thin delegates. */
@org.springframework.modulith.NamedInterface("process")
package io.clientspace.acceptance.process;
