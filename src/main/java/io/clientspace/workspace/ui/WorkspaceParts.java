package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.client.AccessRequestResult;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Pieces the client and the project workspace share: closing a live subscription, access requests, ids from URLs. */
final class WorkspaceParts {

    private WorkspaceParts() {
    }

    static void close(AutoCloseable subscription) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a subscription only removes it from a map
            }
        }
    }

    /**
     * An "ask for access" button; the answer replaces it, so nobody asks twice by accident.
     *
     * @param answerKeyPrefix the answer's key is this prefix plus the result's name, with the owner's name as {0}
     */
    static Component requestAccess(Supplier<AccessRequestResult> request, String answerKeyPrefix, String ownerName) {
        Div box = new Div();
        box.addClassName("centered");
        Button ask = new Button(box.getTranslation("workspace.request-access"), VaadinIcon.ENVELOPE_O.create());
        ask.setId("request-access");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.addClickListener(e -> {
            Span answer = new Span(box.getTranslation(answerKeyPrefix + request.get().name(), ownerName));
            answer.setId("request-access-result");
            box.removeAll();
            box.add(answer);
        });
        box.add(ask);
        return box;
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
