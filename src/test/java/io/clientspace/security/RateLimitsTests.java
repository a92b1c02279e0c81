package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets behind the portal's per-account limits, on a clock the test moves. */
class RateLimitsTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RateLimits limits = new RateLimits(new RateLimitProperties(
            new RateLimitProperties.Limit(3, Duration.ofMinutes(3)),
            new RateLimitProperties.Limit(1, Duration.ofMinutes(10)),
            new RateLimitProperties.Limit(1, Duration.ofMinutes(5)),
            new RateLimitProperties.Limit(2, Duration.ofMinutes(4)),
            new RateLimitProperties.Limit(2, Duration.ofMinutes(10))), now::get);

    @Test
    void aBurstUpToTheCapacityPassesThenTheAccountWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment");
        }
        assertThatThrownBy(() -> limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("comment", "rate-limit.exceeded", 1L)));

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment");
        assertThatThrownBy(() -> limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment"))
                .as("one token per minute comes back, not the whole burst").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void eachAccountAndEachActionHasItsOwnBucket() {
        limits.take(RateLimits.Action.PORTAL_UPLOAD, "anna", "file");
        assertThatThrownBy(() -> limits.take(RateLimits.Action.PORTAL_UPLOAD, "anna", "file"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("file", "rate-limit.exceeded", 10L)));
        limits.take(RateLimits.Action.PORTAL_UPLOAD, "ben", "file");
        limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment");
    }

    @Test
    void aRaisedRequestAndAChatMessageSayWhatWasDoneTooOften() {
        limits.take(RateLimits.Action.PORTAL_REQUEST, "anna", "request");
        assertThatThrownBy(() -> limits.take(RateLimits.Action.PORTAL_REQUEST, "anna", "request"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("request", "rate-limit.request", 5L)));
        limits.take(RateLimits.Action.CHAT_MESSAGE, "anna", "message");
        limits.take(RateLimits.Action.CHAT_MESSAGE, "anna", "message");
        assertThatThrownBy(() -> limits.take(RateLimits.Action.CHAT_MESSAGE, "anna", "message"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("message", "rate-limit.chat-message", 2L)));
        // neither used up the portal comments' bucket
        limits.take(RateLimits.Action.PORTAL_COMMENT, "anna", "comment");
    }
}
