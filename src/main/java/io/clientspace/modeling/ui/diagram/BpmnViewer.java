package io.clientspace.modeling.ui.diagram;

import java.util.Map;
import java.util.TreeMap;

/**
 * A BPMN diagram, read only (bpmn-js NavigatedViewer: drag to pan, buttons to zoom and fit). Activities with active
 * instances carry a blue badge with their number; activities with incidents are outlined red with a red badge. A
 * wide model opens at a readable size from its start; "fit" shows all of it. The element and bpmn-js come from
 * tools/frontend/src/cs-bpmn-viewer.js (docs/decisions/DD024); the bpmn.io watermark stays, as its licence asks.
 */
public class BpmnViewer extends XmlDiagram {

    public BpmnViewer() {
        super("cs-bpmn-viewer", "diagram.error.bpmn");
    }

    /**
     * @param counts active instances per activity id (ids the model lacks are left out); null clears the badges
     */
    public void setActivityCounts(Map<String, Long> counts) {
        diagram().setProperty("counts", json(counts == null ? Map.of() : new TreeMap<>(counts)));
    }

    /** @param counts open incidents per activity id; null clears them */
    public void setIncidentCounts(Map<String, Long> counts) {
        diagram().setProperty("incidents", json(counts == null ? Map.of() : new TreeMap<>(counts)));
    }

    @Override
    void labels(Map<String, String> labels) {
        labels.put("active", getTranslation("diagram.badge.active"));
        labels.put("incidents", getTranslation("diagram.badge.incidents"));
        labels.put("zoomIn", getTranslation("diagram.zoom.in"));
        labels.put("zoomOut", getTranslation("diagram.zoom.out"));
        labels.put("fit", getTranslation("diagram.zoom.fit"));
    }
}
