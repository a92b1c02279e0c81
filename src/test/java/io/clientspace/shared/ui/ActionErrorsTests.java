package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.i18n.Translations;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which message a user gets when an action fails outside the form's own handling. */
class ActionErrorsTests {

    @Test
    void aFailureWrappedByVaadinIsNamedByItsCause() {
        var wrapped = new RuntimeException("listener failed", new StaleDataException("Deal"));
        assertThat(ActionErrors.messageKey(ActionErrors.rootCause(wrapped))).isEqualTo("error.action.stale");
        assertThat(ActionErrors.messageKey(ActionErrors.rootCause(
                new RuntimeException(new NotFoundException("Client"))))).isEqualTo("error.action.gone");
        assertThat(ActionErrors.messageKey(ActionErrors.rootCause(
                new RuntimeException(new NoAccessException("nope", "Maria Keller"))))).isEqualTo("error.action.denied");
        assertThat(ActionErrors.messageKey(ActionErrors.rootCause(new IllegalStateException("bug"))))
                .isEqualTo("error.action.failed");
    }

    @Test
    void aDatabaseThatIsUnreachableOrShuttingDownTellsTheUserItIsReconnecting() {
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(ActionErrors.messageKeyFor(new RuntimeException("engine", new RuntimeException("mybatis",
                shutdown)))).isEqualTo(ActionErrors.UNAVAILABLE);
        assertThat(ActionErrors.messageKeyFor(new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("pool timed out"))))
                .isEqualTo(ActionErrors.UNAVAILABLE);
        assertThat(ActionErrors.messageKeyFor(new SQLException("refused", "08001",
                new ConnectException("Connection refused")))).isEqualTo(ActionErrors.UNAVAILABLE);
        assertThat(ActionErrors.messageKeyFor(new RuntimeException("Unable to rollback against JDBC Connection",
                new TransactionException("Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed"))))).as("the pool closed the dead connection")
                .isEqualTo(ActionErrors.UNAVAILABLE);
        assertThat(ActionErrors.messageKeyFor(new SQLException("duplicate key", "23505")))
                .as("a constraint is no outage").isEqualTo("error.action.failed");
        assertThat(ActionErrors.messageKeyFor(new RuntimeException(new StaleDataException("Deal"))))
                .isEqualTo("error.action.stale");
    }

    @Test
    void theReconnectingTextsExistInEveryLanguage() {
        var translations = new Translations();
        for (Locale locale : translations.getProvidedLocales()) {
            for (String key : new String[] {ActionErrors.UNAVAILABLE, "error.connection.reconnecting",
                    "error.connection.gave-up"}) {
                assertThat(translations.getTranslation(key, locale)).as("%s in %s", key, locale)
                        .isNotBlank().doesNotContain(key);
            }
        }
    }

    @Test
    void anUnexpectedFailureGivesTheUserAReferenceToQuoteInTheirLanguage() {
        var translations = new Translations();
        for (Locale locale : translations.getProvidedLocales()) {
            assertThat(translations.getTranslation("error.action.failed", locale, "ab12cd34")).as("in %s", locale)
                    .contains("ab12cd34");
        }
    }
}
