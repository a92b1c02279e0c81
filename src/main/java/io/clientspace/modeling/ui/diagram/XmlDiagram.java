package io.clientspace.modeling.ui.diagram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import io.clientspace.shared.ui.States;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the three diagram components share: a custom element from tools/frontend (a committed module under
 * /frontend-bundles/, loaded on first attach, so Vaadin keeps its pre-compiled bundle: DD019), the XML sent to it,
 * and the loading and error states, which the server shows in the user's language over the element.
 * <p>
 * Each {@link #setXml} gets a revision number; the element answers with it, so the answer to an older XML never
 * clears the state of a newer one. See docs/decisions/DD024-bpmn-and-dmn-in-the-browser.md.
 */
public abstract class XmlDiagram extends Composite<Div> implements HasSize {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String module;
    private final String errorKey;
    private final Element diagram;
    private final Div status = new Div();
    private int revision;
    private State state = State.EMPTY;
    private String problem;

    /** Where the diagram is: nothing set yet, importing, shown, or refused by the library. */
    public enum State {
        EMPTY, LOADING, SHOWN, FAILED
    }

    /**
     * @param tag the custom element's name, as tools/frontend/src/&lt;tag&gt;.js defines it
     * @param errorKey translation key of the error text, with {0} for the library's own words
     */
    XmlDiagram(String tag, String errorKey) {
        this.module = "/frontend-bundles/" + tag + ".js";
        this.errorKey = errorKey;
        this.diagram = new Element(tag);
        diagram.getStyle().set("position", "absolute").set("inset", "0");
        status.addClassName("cs-diagram-status");
        // below bpmn-js' watermark (z-index 100): its licence wants it never overlapped, even by our states
        status.getStyle().set("position", "absolute").set("inset", "0").set("z-index", "20")
                .set("display", "flex").set("align-items", "center").set("justify-content", "center")
                .set("background", "var(--lumo-base-color)");
        status.setVisible(false);
        diagram.addEventListener("cs-import-done", e -> imported(revisionOf(e.getEventData()), null))
                .addEventData("event.detail.revision");
        diagram.addEventListener("cs-import-failed", e -> imported(revisionOf(e.getEventData()),
                e.getEventData().getString("event.detail.message")))
                .addEventData("event.detail.revision").addEventData("event.detail.message");
    }

    @Override
    protected Div initContent() {
        Div root = new Div();
        root.addClassName("cs-diagram");
        root.getStyle().set("position", "relative").set("box-sizing", "border-box")
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden");
        root.setWidthFull();
        root.setHeight("520px");
        root.getElement().appendChild(diagram);
        root.add(status);
        return root;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // once per page (the UI remembers what it has loaded); Vaadin wants an absolute path, so the context path
        // goes in front. The module loads its own stylesheet next to itself.
        String context = Optional.ofNullable(VaadinRequest.getCurrent()).map(VaadinRequest::getContextPath)
                .orElse("");
        attachEvent.getUI().getPage().addJsModule(context + module);
        Map<String, String> labels = new LinkedHashMap<>();
        labels(labels);
        diagram.setProperty("labels", json(labels));
    }

    /** The texts the element draws itself (badges, buttons, tabs), in the user's language. */
    abstract void labels(Map<String, String> labels);

    /**
     * Shows a model; the previous one, with its unsaved changes, is replaced.
     *
     * @param xml BPMN or DMN XML, never null
     */
    public void setXml(String xml) {
        Objects.requireNonNull(xml, "xml");
        revision++;
        diagram.setProperty("revision", revision);
        diagram.setProperty("xml", xml);
        show(State.LOADING, null);
    }

    public State getState() {
        return state;
    }

    /** The library's words for why the last XML could not be opened, or empty. */
    public Optional<String> getProblem() {
        return Optional.ofNullable(problem);
    }

    /** Hears whether each XML opened or not. */
    public Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }

    /** The custom element itself, for subclasses that call its functions. */
    Element diagram() {
        return diagram;
    }

    private void imported(int answered, String failure) {
        if (answered != revision) {
            return;
        }
        show(failure == null ? State.SHOWN : State.FAILED, failure);
        fireEvent(new ImportEvent(this, failure));
    }

    private void show(State next, String failure) {
        state = next;
        problem = failure;
        status.removeAll();
        switch (next) {
            case LOADING -> status.add(States.loading(getTranslation("diagram.loading")));
            case FAILED -> status.add(States.error(getTranslation("diagram.error.title"),
                    getTranslation(errorKey, failure), null, null));
            default -> {
            }
        }
        status.setVisible(next == State.LOADING || next == State.FAILED);
        status.getElement().setAttribute("data-state", next.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static int revisionOf(elemental.json.JsonObject data) {
        return (int) data.getNumber("event.detail.revision");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    /** How one {@link #setXml} ended: opened, or refused with the library's reason. */
    public static class ImportEvent extends ComponentEvent<XmlDiagram> {
        private final String problem;

        ImportEvent(XmlDiagram source, String problem) {
            super(source, true);
            this.problem = problem;
        }

        public boolean succeeded() {
            return problem == null;
        }

        /** The library's words for the failure, or empty when the model opened. */
        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }
    }
}
