package io.clientspace.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.ClientKind;
import io.clientspace.document.DocumentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of required documents, with a fixed "now". */
class ChecklistRulesTests {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aTemplateMatchesByKindAndTagIgnoringCase() {
        assertThat(ChecklistRules.matches(null, null, ClientKind.COMPANY, List.of())).isTrue();
        assertThat(ChecklistRules.matches(ClientKind.CONTACT, null, ClientKind.COMPANY, List.of())).isFalse();
        assertThat(ChecklistRules.matches(ClientKind.COMPANY, null, ClientKind.COMPANY, List.of())).isTrue();
        assertThat(ChecklistRules.matches(null, "Tax client", ClientKind.COMPANY, List.of("vip", " tax CLIENT ")))
                .isTrue();
        assertThat(ChecklistRules.matches(null, "tax client", ClientKind.COMPANY, List.of("tax"))).isFalse();
        assertThat(ChecklistRules.matches(null, "tax client", ClientKind.COMPANY, null)).isFalse();
        assertThat(ChecklistRules.matches(ClientKind.CONTACT, "tax client", ClientKind.COMPANY,
                List.of("tax client"))).isFalse();
    }

    @Test
    void aRenewalIsAPositiveIsoPeriodOrDuration() {
        assertThat(ChecklistRules.renewal(" p1y ")).contains("P1Y");
        assertThat(ChecklistRules.renewal("P90D")).contains("P90D");
        assertThat(ChecklistRules.renewal("PT720H")).contains("PT720H");
        assertThat(ChecklistRules.renewal("  ")).isEmpty();
        assertThat(ChecklistRules.renewal(null)).isEmpty();
        assertThatThrownBy(() -> ChecklistRules.renewal("yearly")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ChecklistRules.renewal("P0D")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ChecklistRules.renewal("P-1M")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ChecklistRules.renewal("-PT1H")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void renewByCountsMonthsInTheFirmsZone() {
        Instant provided = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(ChecklistRules.renewBy(provided, "P1M", BERLIN)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(ChecklistRules.renewBy(provided, "PT24H", BERLIN)).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(ChecklistRules.renewBy(provided, null, BERLIN)).isNull();
        assertThat(ChecklistRules.renewBy(null, "P1Y", BERLIN)).isNull();
    }

    @Test
    void theStateFollowsProvidedRenewalAndRequest() {
        assertThat(ChecklistRules.state(false, null, false, NOW)).isEqualTo(RequirementState.MISSING);
        assertThat(ChecklistRules.state(false, null, true, NOW)).isEqualTo(RequirementState.REQUESTED);
        assertThat(ChecklistRules.state(true, null, false, NOW)).isEqualTo(RequirementState.PROVIDED);
        Instant in31Days = NOW.plus(Duration.ofDays(31));
        assertThat(ChecklistRules.state(true, in31Days, false, NOW)).isEqualTo(RequirementState.PROVIDED);
        assertThat(ChecklistRules.state(true, NOW.plus(ChecklistRules.EXPIRING_WITHIN), false, NOW))
                .isEqualTo(RequirementState.EXPIRING);
        assertThat(ChecklistRules.state(true, NOW.plusSeconds(1), false, NOW)).isEqualTo(RequirementState.EXPIRING);
        assertThat(ChecklistRules.state(true, NOW, false, NOW)).isEqualTo(RequirementState.EXPIRED);
        // the renewal asked for: requested, not expired
        assertThat(ChecklistRules.state(true, NOW.minusSeconds(1), true, NOW)).isEqualTo(RequirementState.REQUESTED);
        // an expiring one asked for early still shows when it runs out
        assertThat(ChecklistRules.state(true, NOW.plusSeconds(1), true, NOW)).isEqualTo(RequirementState.EXPIRING);
        assertThat(RequirementState.MISSING.needsAction()).isTrue();
        assertThat(RequirementState.EXPIRED.needsAction()).isTrue();
        assertThat(RequirementState.EXPIRING.needsAction()).isFalse();
        assertThat(RequirementState.REQUESTED.needsAction()).isFalse();
    }

    @Test
    void draftsSayWhatIsWrong() {
        assertThat(ChecklistRules.check(new RequirementDraft(" ", null, "soon", null)))
                .extracting(p -> p.field()).containsExactly("name", "type", "providedBy", "renewEvery");
        assertThat(ChecklistRules.check(new RequirementDraft("x".repeat(201), DocumentType.OTHER, null,
                ProvidedBy.FIRM))).extracting(p -> p.messageKey()).containsExactly("validation.too-long");
        assertThat(ChecklistRules.check(new RequirementDraft("POA", DocumentType.OTHER, "P1Y", ProvidedBy.CLIENT)))
                .isEmpty();
        assertThat(ChecklistRules.check(new TemplateDraft("", null, "t".repeat(51), List.of())))
                .extracting(p -> p.messageKey()).containsExactly("checklist.error.name-required",
                        "validation.too-long", "checklist.error.template-empty");
    }
}
