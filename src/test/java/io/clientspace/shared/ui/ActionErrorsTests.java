package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.i18n.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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
    void anUnexpectedFailureGivesTheUserAReferenceToQuoteInTheirLanguage() {
        var translations = new Translations();
        for (Locale locale : translations.getProvidedLocales()) {
            assertThat(translations.getTranslation("error.action.failed", locale, "ab12cd34")).as("in %s", locale)
                    .contains("ab12cd34");
        }
    }
}
