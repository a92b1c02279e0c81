/**
 * BPMN and DMN in the browser for the process owners' area: {@link io.clientspace.modeling.ui.diagram.BpmnViewer}
 * (a read-only diagram with active-instance and incident badges), {@link io.clientspace.modeling.ui.diagram.BpmnModeler}
 * (bpmn-js with the Camunda 7 properties panel) and {@link io.clientspace.modeling.ui.diagram.DmnEditor} (dmn-js,
 * decision tables first). They show and edit XML only; deploying goes through the modeling module's gate.
 * How they are built and loaded: docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
 */
package io.clientspace.modeling.ui.diagram;
