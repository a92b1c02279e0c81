package io.clientspace.shared.ui;

import com.vaadin.flow.dom.DomEvent;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.Optional;

/** What a DOM listener was sent: the browser may send anything, so a value is read only when it is what was asked. */
public final class DomEvents {

    private DomEvents() {
    }

    /** The text the event data carries under {@code expression}; empty when it carries none, null or no text. */
    public static Optional<String> string(DomEvent event, String expression) {
        JsonValue value = event.getEventData().get(expression);
        return value != null && value.getType() == JsonType.STRING ? Optional.of(value.asString()) : Optional.empty();
    }
}
