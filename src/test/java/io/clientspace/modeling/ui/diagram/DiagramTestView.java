package io.clientspace.modeling.ui.diagram;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Test sources only: puts one diagram component on a page, with a model from processes/, so that browser tests
 * (e2e/DiagramBrowserTests) drive them before the modeling module's pages use them. /test/diagrams?model=viewer,
 * broken, modeler, dmn-&lt;name&gt;. "Get XML" writes what the editor returns into #xml-out (hidden).
 */
@Route(value = "test/diagrams", layout = MainLayout.class)
@RolesAllowed(Roles.PROCESS_OWNER)
public class DiagramTestView extends VerticalLayout implements BeforeEnterObserver {

    /** Active instances shown on deal-stages in the viewer test. */
    public static final Map<String, Long> DEAL_COUNTS = Map.of("StageNew", 3L, "StageProposal", 12L,
            "StageNegotiation", 1L, "NoSuchActivity", 5L);
    public static final Map<String, Long> DEAL_INCIDENTS = Map.of("StageNegotiation", 1L);

    private final Span importState = new Span();
    private final Span dirtyState = new Span("clean");
    private final Pre xmlOut = new Pre();

    public DiagramTestView() {
        setSizeFull();
        importState.setId("import-state");
        dirtyState.setId("dirty-state");
        xmlOut.setId("xml-out");
        // hidden by style, not setVisible: Vaadin sends nothing of an invisible component, not even its id
        xmlOut.getStyle().set("display", "none");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // a query parameter, not a path parameter: the page is no staff route with an id to walk (route inventory)
        String which = event.getLocation().getQueryParameters().getSingleParameter("model").orElse("viewer");
        removeAll();
        switch (which) {
            case "viewer" -> {
                BpmnViewer viewer = viewer("deal-stages");
                viewer.setXml(model("deal-stages.bpmn"));
                viewer.setActivityCounts(DEAL_COUNTS);
                viewer.setIncidentCounts(DEAL_INCIDENTS);
            }
            case "broken" -> viewer("broken").setXml("<definitions xmlns=\"nothing\"><process id=\"x\"");
            case "modeler" -> editor(new BpmnModeler(), "deal-stages.bpmn");
            default -> {
                if (!which.startsWith("dmn-")) {
                    throw new IllegalArgumentException(which);
                }
                editor(new DmnEditor(), which.substring(4) + ".dmn");
            }
        }
    }

    private BpmnViewer viewer(String title) {
        BpmnViewer viewer = new BpmnViewer();
        viewer.setId("viewer");
        viewer.addImportListener(e -> importState.setText(e.succeeded() ? "shown" : "failed"));
        add(new H2(title), importState, viewer);
        return viewer;
    }

    private void editor(EditableDiagram editor, String file) {
        editor.setId("editor");
        editor.addImportListener(e -> importState.setText(e.succeeded() ? "shown" : "failed"));
        editor.addDirtyChangeListener(e -> dirtyState.setText(e.isDirty() ? "dirty" : "clean"));
        Button getXml = new Button("Get XML", e -> editor.getXml(xmlOut::setText,
                problem -> xmlOut.setText("ERROR " + problem)));
        getXml.setId("get-xml");
        Button clean = new Button("Mark clean", e -> {
            editor.markClean();
            dirtyState.setText("clean");
        });
        clean.setId("mark-clean");
        add(new HorizontalLayout(new H2(file), importState, dirtyState, getXml, clean), editor, xmlOut);
        setFlexGrow(1, editor);
        editor.setXml(model(file));
    }

    static String model(String file) {
        try (InputStream in = DiagramTestView.class.getResourceAsStream("/processes/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No model processes/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
