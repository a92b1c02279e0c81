package io.clientspace.modeling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.clientspace.modeling.ModelDeployments;
import io.clientspace.modeling.ModelKind;
import io.clientspace.modeling.ModelRefusedException;
import io.clientspace.modeling.ModelSummary;
import io.clientspace.modeling.ModelVersion;
import io.clientspace.modeling.StaleModelException;
import io.clientspace.modeling.ui.diagram.BpmnModeler;
import io.clientspace.modeling.ui.diagram.DmnEditor;
import io.clientspace.modeling.ui.diagram.EditableDiagram;
import io.clientspace.security.Roles;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Edits the newest version of a model and deploys the result through the gate. The editor itself sits in
 * {@link #editorSlot}: bpmn-js's modeler with the Camunda 7 properties panel, or dmn-js for decision tables
 * (modeling/ui/diagram, DD024), with the XML as text on a second tab. Either way, {@link #deploy} sends the XML with the version it was opened
 * at, so a deploy by someone else in between is refused as stale.
 */
@Route(value = "processes/edit", layout = MainLayout.class)
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
class ModelEditorView extends VerticalLayout implements HasUrlParameter<String>, Titled {

    private final ModelDeployments models;
    private final ProblemList problems = new ProblemList("editor-problems");
    final Div editorSlot = new Div();
    private final TextArea xml = new TextArea();
    private final TextField note = new TextField();
    private String key;
    private ModelSummary model;
    /** Asks the editor on screen for its XML and hands it to the callback; the text area answers at once. */
    private Consumer<Consumer<String>> currentXml = callback -> callback.accept(xml.getValue());

    ModelEditorView(ModelDeployments models) {
        this.models = models;
        setId("model-editor-view");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        key = parameter;
        model = models.model(key).orElseThrow(() -> new NotFoundException("model " + key));
        removeAll();
        H2 title = new H2(getTranslation("modeling.editor.heading", model.name(), model.latestVersion()));
        editorSlot.setId("model-editor");
        editorSlot.addClassName("model-editor");
        editorSlot.setWidthFull();
        xml.setId("model-xml");
        xml.setWidthFull();
        xml.setHeight("28em");
        xml.addClassName("model-xml");
        xml.setValue(new String(models.xml(key, model.latestVersion()), StandardCharsets.UTF_8));
        editorSlot.add(xml);
        Component modes = diagramEditor();
        note.setLabel(getTranslation("modeling.model.note"));
        note.setId("editor-note");
        note.setWidth("30em");
        note.setMaxLength(2000);
        Button deploy = new Button(getTranslation("modeling.editor.deploy"), e -> currentXml.accept(this::deploy));
        deploy.setId("editor-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"),
                e -> UI.getCurrent().navigate(ModelView.class, key));
        cancel.setId("editor-cancel");
        Paragraph hint = new Paragraph(getTranslation("modeling.editor.hint"));
        hint.addClassName("muted");
        add(title, hint, modes, problems, editorSlot, note, new HorizontalLayout(deploy, cancel));
    }

    /**
     * The diagram editor (bpmn-js with the Camunda 7 properties panel, or dmn-js tables) in the slot, and the XML
     * text one tab away for those who want it. Switching carries the model across, only when it changed, so an
     * untouched model keeps its own formatting; deploy takes the model from whichever is showing.
     */
    private Component diagramEditor() {
        EditableDiagram editor = model.kind() == ModelKind.DMN ? new DmnEditor() : new BpmnModeler();
        editor.setId("model-diagram-editor");
        editor.setXml(xml.getValue());
        Tab diagramTab = new Tab(getTranslation("diagram.mode.diagram"));
        diagramTab.setId("editor-mode-diagram");
        Tab xmlTab = new Tab(getTranslation("diagram.mode.xml"));
        xmlTab.setId("editor-mode-xml");
        Tabs modes = new Tabs(diagramTab, xmlTab);
        String[] shownInDiagram = {xml.getValue()};
        xml.setVisible(false);
        editorSlot.add(editor);
        currentXml = callback -> editor.getXml(callback::accept,
                problem -> problems.message(getTranslation("diagram.xml.error", problem)));
        modes.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == xmlTab) {
                if (editor.isDirty()) {
                    editor.getXml(text -> {
                        xml.setValue(text);
                        shownInDiagram[0] = text;
                        editor.markClean();
                    }, problem -> problems.message(getTranslation("diagram.xml.error", problem)));
                }
                editor.setVisible(false);
                xml.setVisible(true);
                currentXml = callback -> callback.accept(xml.getValue());
            } else {
                if (!xml.getValue().equals(shownInDiagram[0])) {
                    editor.setXml(xml.getValue());
                    shownInDiagram[0] = xml.getValue();
                }
                xml.setVisible(false);
                editor.setVisible(true);
                currentXml = callback -> editor.getXml(callback::accept,
                        problem -> problems.message(getTranslation("diagram.xml.error", problem)));
            }
        });
        return modes;
    }

    /**
     * Replaces the text area by a diagram editor. {@code xmlOf} is asked for the edited XML when the user deploys.
     */
    void useEditor(com.vaadin.flow.component.Component editor, Consumer<Consumer<String>> xmlOf) {
        editorSlot.removeAll();
        editorSlot.add(editor);
        currentXml = xmlOf;
    }

    /** The XML of the newest version the page was opened at, for an editor to load. */
    String openedXml() {
        return new String(models.xml(key, model.latestVersion()), StandardCharsets.UTF_8);
    }

    void deploy(String edited) {
        try {
            ModelVersion v = models.deploy(key, model.latestVersion(), edited.getBytes(StandardCharsets.UTF_8),
                    note.getValue());
            Notification.show(getTranslation("modeling.model.deployed", v.version()));
            UI.getCurrent().navigate(ModelView.class, key);
        } catch (ModelRefusedException e) {
            problems.show(e.problems());
        } catch (StaleModelException e) {
            problems.message(getTranslation("modeling.model.stale", e.latestVersion()));
        }
    }

    @Override
    public String titleKey() {
        return "modeling.editor.title";
    }
}
