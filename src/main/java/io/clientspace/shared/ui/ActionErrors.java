package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.ModuleOffException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.PlanLimitException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.i18n.LocaleSelection;
import com.vaadin.flow.server.VaadinRequest;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the user sees when an action fails in a way its view did not handle: a translated message that says what
 * happened, never a stack trace. The dialog or form the action came from stays open with what the user typed.
 * Unexpected errors are logged with a reference the user can quote. When the database (or another service the app
 * needs) is unreachable, for example while PostgreSQL restarts, the user reads that Clientspace is reconnecting, and
 * when the browser loses the app itself, Vaadin's reconnect indicator says so in the user's language
 * (docs/decisions/DD016-fault-drills.md).
 */
@Component
public class ActionErrors implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ActionErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
        event.getSource().addUIInitListener(e -> reconnectTexts(e.getUI()));
    }

    /** The texts of the indicator the browser shows while it has lost the app (a node restarting, the network). */
    static void reconnectTexts(UI ui) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Locale locale = request == null ? ui.getLocale()
                : LocaleSelection.resolve(request.getCookies(), request.getLocale());
        var dialog = ui.getReconnectDialogConfiguration();
        dialog.setDialogText(ui.getTranslation(locale, "error.connection.reconnecting"));
        dialog.setDialogTextGaveUp(ui.getTranslation(locale, "error.connection.gave-up"));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        String key = messageKeyFor(event.getThrowable());
        String reference = null;
        if (key.equals("error.action.failed")) {
            reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (reference {})", reference, event.getThrowable());
        } else if (key.equals(UNAVAILABLE)) {
            log.warn("An action failed because a service is unreachable: {}", event.getThrowable().toString());
        }
        if (ui == null) {
            return;
        }
        String text = ui.getTranslation(key, reference == null ? "" : reference);
        Throwable cause = rootCause(event.getThrowable());
        if (cause instanceof ModuleOffException off) {
            text = ui.getTranslation("module.off.refused", ui.getTranslation(off.module().nameKey()));
        } else if (cause instanceof PlanLimitException capped) {
            var problem = capped.problems().get(0);
            text = ui.getTranslation(problem.messageKey(), problem.args().toArray());
        }
        String shown = text;
        ui.access(() -> {
            Notification n = new Notification(shown, 8000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("action-error");
            n.open();
        });
    }

    /** The message for a service the app needs being unreachable: it is reconnecting, try again in a moment. */
    public static final String UNAVAILABLE = "error.action.unavailable";

    /**
     * The translation key of what the user reads when an action threw {@code thrown}, as Vaadin hands it over (wrapped
     * or not).
     */
    public static String messageKeyFor(Throwable thrown) {
        return unreachable(thrown) ? UNAVAILABLE : messageKey(rootCause(thrown));
    }

    /**
     * Whether anything in the chain says that a connection to the database or another service could not be made or
     * was cut: the pool found no connection, PostgreSQL shut down (SQLState 57P01-57P03), the link broke (class
     * 08), or the transaction could not even be rolled back because the pool had already closed its dead connection
     * (Spring then throws that instead of the original failure; PostgreSQL rolls back what a lost connection left
     * open). Such failures pass once the service is back; nothing the user did was wrong.
     */
    static boolean unreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** The translation key for the failure; package-visible for tests. */
    static String messageKey(Throwable cause) {
        if (cause instanceof StaleDataException) {
            return "error.action.stale";
        } else if (cause instanceof NotFoundException) {
            return "error.action.gone";
        } else if (cause instanceof NoAccessException || cause instanceof AccessDeniedException) {
            return "error.action.denied";
        } else if (cause instanceof ModuleOffException) {
            return "module.off.refused";
        } else if (cause instanceof PlanLimitException capped) {
            return capped.problems().get(0).messageKey();
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
