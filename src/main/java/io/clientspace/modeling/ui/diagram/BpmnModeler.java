package io.clientspace.modeling.ui.diagram;

import java.util.Map;

/**
 * Edits a BPMN model in the browser: bpmn-js Modeler with the Camunda 7 properties panel beside the canvas
 * (camunda-bpmn-moddle, so camunda:* attributes survive and can be edited). {@link #getXml} reads the model back;
 * deploying it is the modeling module's business, through its gate. Built from
 * tools/frontend/src/cs-bpmn-modeler.js (docs/decisions/DD024); the bpmn.io watermark stays.
 */
public class BpmnModeler extends EditableDiagram {

    public BpmnModeler() {
        super("cs-bpmn-modeler", "diagram.error.bpmn");
        setHeight("640px");
    }

    /** Selects an element by id, so its properties show in the panel (as a click on it would). */
    public void select(String elementId) {
        diagram().callJsFunction("select", elementId);
    }

    @Override
    void labels(Map<String, String> labels) {
        labels.put("zoomIn", getTranslation("diagram.zoom.in"));
        labels.put("zoomOut", getTranslation("diagram.zoom.out"));
        labels.put("fit", getTranslation("diagram.zoom.fit"));
    }
}
