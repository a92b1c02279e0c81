/** The gate's checks: the code's contract, bpmnlint's structural rules, expression safety, timers and DMN tables. */
package io.clientspace.modeling.process;
