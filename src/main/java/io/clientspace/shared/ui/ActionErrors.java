package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the user sees when an action fails in a way its view did not handle: a translated message that says what
 * happened, never a stack trace. The dialog or form the action came from stays open with what the user typed.
 * Unexpected errors are logged with a reference the user can quote.
 */
@Component
public class ActionErrors implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ActionErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        Throwable cause = rootCause(event.getThrowable());
        String key = messageKey(cause);
        String reference = null;
        if (key.equals("error.action.failed")) {
            reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (reference {})", reference, event.getThrowable());
        }
        if (ui == null) {
            return;
        }
        String text = ui.getTranslation(key, reference == null ? "" : reference);
        ui.access(() -> {
            Notification n = new Notification(text, 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("action-error");
            n.open();
        });
    }

    /** The translation key for the failure; package-visible for tests. */
    static String messageKey(Throwable cause) {
        if (cause instanceof StaleDataException) {
            return "error.action.stale";
        } else if (cause instanceof NotFoundException) {
            return "error.action.gone";
        } else if (cause instanceof NoAccessException || cause instanceof AccessDeniedException) {
            return "error.action.denied";
        }
        return "error.action.failed";
    }

    static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof StaleDataException || current instanceof NotFoundException
                        || current instanceof AccessDeniedException)) {
            current = current.getCause();
        }
        return current;
    }
}
