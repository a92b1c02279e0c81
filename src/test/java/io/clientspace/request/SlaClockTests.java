package io.clientspace.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.clientspace.shared.FieldProblem;
import org.junit.jupiter.api.Test;

/** The SLA clock's arithmetic (DD018) and the rules of a new request, without a database. */
class SlaClockTests {

    static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void waitingOnTheClientMovesTheTargetOnByExactlyTheWait() {
        Instant due = T.plus(Duration.ofHours(8));
        Instant asked = T.plus(Duration.ofHours(2));
        Instant answered = asked.plus(Duration.ofHours(30));

        assertThat(SlaClock.resumed(due, asked, answered)).isEqualTo(due.plus(Duration.ofHours(30)));
        assertThat(SlaClock.waited(asked, answered)).isEqualTo(30 * 3600);
        // nothing paused, or a clock that went backwards: the target stays
        assertThat(SlaClock.resumed(due, null, answered)).isEqualTo(due);
        assertThat(SlaClock.resumed(due, answered, asked)).isEqualTo(due);
        assertThat(SlaClock.waited(answered, asked)).isZero();
    }

    @Test
    void theStatusFollowsTheClockThatRuns() {
        Instant responseDue = T.plus(Duration.ofHours(1));
        Instant resolutionDue = T.plus(Duration.ofHours(8));
        // queued: the response target counts
        assertThat(SlaClock.status(RequestState.QUEUED, responseDue, null, resolutionDue, T))
                .as("exactly an hour left").isEqualTo(SlaStatus.ON_TRACK);
        assertThat(SlaClock.status(RequestState.QUEUED, responseDue, null, resolutionDue, T.plusSeconds(1)))
                .isEqualTo(SlaStatus.BREACHING_SOON);
        assertThat(SlaClock.status(RequestState.QUEUED, responseDue, null, resolutionDue, responseDue))
                .isEqualTo(SlaStatus.BREACHED);
        // taken: the resolution target counts
        assertThat(SlaClock.status(RequestState.IN_PROGRESS, responseDue, T, resolutionDue, responseDue))
                .isEqualTo(SlaStatus.ON_TRACK);
        assertThat(SlaClock.status(RequestState.IN_PROGRESS, responseDue, T, resolutionDue,
                resolutionDue.minusSeconds(3599))).isEqualTo(SlaStatus.BREACHING_SOON);
        assertThat(SlaClock.status(RequestState.IN_PROGRESS, responseDue, T, resolutionDue,
                resolutionDue.minusSeconds(3600))).isEqualTo(SlaStatus.ON_TRACK);
        // the client's turn, or done
        assertThat(SlaClock.status(RequestState.WAITING_CLIENT, responseDue, T, resolutionDue,
                resolutionDue.plusSeconds(1))).isEqualTo(SlaStatus.PAUSED);
        assertThat(SlaClock.status(RequestState.RESOLVED, responseDue, T, resolutionDue, T))
                .isEqualTo(SlaStatus.PAUSED);
        assertThat(SlaClock.status(RequestState.CLOSED, responseDue, T, resolutionDue, T)).isEqualTo(SlaStatus.NONE);
    }

    @Test
    void triageReadsWholeWordsOfTheSubject() {
        assertThat(ClientRequestService.subjectWords("Staging-site DOWN!!")).isEqualTo(" staging site down ");
        assertThat(ClientRequestService.subjectWords(null)).isEqualTo("  ");
    }

    @Test
    void eachBadInputHasItsOwnMessage() {
        LocalDate today = LocalDate.of(2026, 12, 3);
        List<String> categories = List.of("GENERAL", "BILLING");

        assertThat(ClientRequestService.check(new RequestDraft(null, " ", "x".repeat(10_001), null,
                today.minusDays(1), null), categories, today)).extracting(FieldProblem::messageKey).containsExactly(
                "clientrequest.error.category-required", "clientrequest.error.subject-required",
                "clientrequest.error.description-too-long", "clientrequest.error.needed-by-past");
        assertThat(ClientRequestService.check(new RequestDraft("GENERAL", "s".repeat(201), "x".repeat(10_000),
                UUID.randomUUID(), today, null), categories, today)).extracting(FieldProblem::messageKey)
                .containsExactly("validation.too-long");
        assertThat(ClientRequestService.check(new RequestDraft("BILLING", "Invoice address", null, null, null, null),
                categories, today)).isEmpty();
    }
}
