package io.clientspace.modeling.ui.diagram;

import java.util.Map;

/**
 * Edits a DMN model in the browser with dmn-js, decision tables first: a process owner changes the rules of, say,
 * proposal-approval-rules.dmn cell by cell, as a table. Other decisions and the decision diagram are tabs above
 * it. camunda-dmn-moddle keeps camunda:* attributes. {@link #getXml} reads the model back. Built from
 * tools/frontend/src/cs-dmn-editor.js (docs/decisions/DD024).
 */
public class DmnEditor extends EditableDiagram {

    public DmnEditor() {
        super("cs-dmn-editor", "diagram.error.dmn");
    }

    @Override
    void labels(Map<String, String> labels) {
        labels.put("diagram", getTranslation("diagram.dmn.drd"));
    }
}
