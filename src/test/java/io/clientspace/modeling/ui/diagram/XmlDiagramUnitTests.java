package io.clientspace.modeling.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.clientspace.modeling.ui.diagram.XmlDiagram.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.clientspace.support.CurrentUi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server side of the diagram components without a browser: the element's answers are fired as the DOM events
 * it sends. Browser behaviour is covered by e2e/DiagramBrowserTests.
 */
@ExtendWith(CurrentUi.class)
class XmlDiagramUnitTests {

    @Test
    void anAnswerToAnOlderXmlDoesNotDecideTheStateOfTheNewerOne() {
        BpmnViewer viewer = new BpmnViewer();
        List<Boolean> imports = new ArrayList<>();
        viewer.addImportListener(e -> imports.add(e.succeeded()));
        assertThat(viewer.getState()).isEqualTo(State.EMPTY);

        viewer.setXml("<first/>");
        viewer.setXml("<second/>");
        assertThat(viewer.diagram().getProperty("revision", 0)).isEqualTo(2);
        assertThat(viewer.diagram().getProperty("xml")).isEqualTo("<second/>");
        assertThat(viewer.getState()).isEqualTo(State.LOADING);

        answer(viewer, "cs-import-failed", 1, "unparsable content <first> detected");
        assertThat(viewer.getState()).as("the failure of the first XML is stale").isEqualTo(State.LOADING);
        assertThat(imports).isEmpty();

        answer(viewer, "cs-import-done", 2, null);
        assertThat(viewer.getState()).isEqualTo(State.SHOWN);
        assertThat(viewer.getProblem()).isEmpty();
        assertThat(imports).containsExactly(true);
    }

    @Test
    void aFailedImportKeepsTheLibrarysReason() {
        DmnEditor editor = new DmnEditor();
        List<String> problems = new ArrayList<>();
        editor.addImportListener(e -> problems.add(e.problem().orElse("none")));
        editor.setXml("<definitions");

        answer(editor, "cs-import-failed", 1, "unparsable content <definitions> detected");
        assertThat(editor.getState()).isEqualTo(State.FAILED);
        assertThat(editor.getProblem()).contains("unparsable content <definitions> detected");
        assertThat(problems).containsExactly("unparsable content <definitions> detected");
    }

    @Test
    void theDirtyFlagFollowsTheEditor() {
        BpmnModeler modeler = new BpmnModeler();
        List<Boolean> changes = new ArrayList<>();
        modeler.addDirtyChangeListener(e -> changes.add(e.isDirty()));
        assertThat(modeler.isDirty()).isFalse();

        JsonObject data = Json.createObject();
        data.put("event.detail.dirty", true);
        fire(modeler, "cs-dirty-change", data);
        assertThat(modeler.isDirty()).isTrue();

        modeler.markClean();
        assertThat(modeler.isDirty()).isFalse();
        assertThat(changes).containsExactly(true);
    }

    @Test
    void countsGoToTheElementAsJsonAndNullClearsThem() {
        BpmnViewer viewer = new BpmnViewer();
        viewer.setActivityCounts(Map.of("StageProposal", 12L, "StageNew", 3L));
        assertThat(viewer.diagram().getProperty("counts")).isEqualTo("{\"StageNew\":3,\"StageProposal\":12}");
        viewer.setActivityCounts(null);
        assertThat(viewer.diagram().getProperty("counts")).isEqualTo("{}");
        viewer.setIncidentCounts(Map.of("StageNegotiation", 1L));
        assertThat(viewer.diagram().getProperty("incidents")).isEqualTo("{\"StageNegotiation\":1}");
        assertThatNullPointerException().isThrownBy(() -> viewer.setXml(null));
    }

    private static void answer(XmlDiagram diagram, String type, int revision, String message) {
        JsonObject data = Json.createObject();
        data.put("event.detail.revision", revision);
        if (message != null) {
            data.put("event.detail.message", message);
        }
        fire(diagram, type, data);
    }

    private static void fire(XmlDiagram diagram, String type, JsonObject data) {
        diagram.diagram().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(diagram.diagram(), type, data));
    }
}
