/** The document acceptance process (document-acceptance.bpmn): its contract constants and thin delegates. */
package io.clientspace.acceptance.process;
