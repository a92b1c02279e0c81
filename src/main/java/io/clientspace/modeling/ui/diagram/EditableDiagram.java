package io.clientspace.modeling.ui.diagram;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.Objects;

/**
 * An editor of a model: the XML comes back from the browser on request, and the editor says when the model first
 * differs from what was opened or last {@link #markClean() saved}.
 */
public abstract class EditableDiagram extends XmlDiagram {

    private boolean dirty;

    EditableDiagram(String tag, String errorKey) {
        super(tag, errorKey);
        diagram().addEventListener("cs-dirty-change", e -> {
            dirty = e.getEventData().getBoolean("event.detail.dirty");
            fireEvent(new DirtyChangeEvent(this, dirty));
        }).addEventData("event.detail.dirty");
    }

    /**
     * Asks the browser for the model as it is now (formatted XML); {@code onXml} runs when it arrives. When the
     * browser cannot write it (no model open), nothing is called: use {@link #getXml(SerializableConsumer,
     * SerializableConsumer)} to hear why.
     */
    public void getXml(SerializableConsumer<String> onXml) {
        getXml(onXml, problem -> {
        });
    }

    /** @param onError gets the browser's reason when the model cannot be written */
    public void getXml(SerializableConsumer<String> onXml, SerializableConsumer<String> onError) {
        Objects.requireNonNull(onXml, "onXml");
        Objects.requireNonNull(onError, "onError");
        diagram().callJsFunction("saveXml").then(String.class, onXml, onError);
    }

    /** The model as it is now counts as saved (after a successful deploy, say): the next change makes it dirty. */
    public void markClean() {
        diagram().callJsFunction("markClean");
        dirty = false;
    }

    /** Whether the model has changed since it was opened or marked clean, as last reported by the browser. */
    public boolean isDirty() {
        return dirty;
    }

    public Registration addDirtyChangeListener(ComponentEventListener<DirtyChangeEvent> listener) {
        return addListener(DirtyChangeEvent.class, listener);
    }

    /** The model became dirty (first change) or clean again (opened anew, marked clean). */
    public static class DirtyChangeEvent extends ComponentEvent<EditableDiagram> {
        private final boolean dirty;

        DirtyChangeEvent(EditableDiagram source, boolean dirty) {
            super(source, true);
            this.dirty = dirty;
        }

        public boolean isDirty() {
            return dirty;
        }
    }
}
