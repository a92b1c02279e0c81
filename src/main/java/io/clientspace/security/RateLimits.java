package io.clientspace.security;

import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets per account (or, before sign-in, per client address) for what may be done often (Bucket4j is not available here, and a bucket
 * is a few lines). Over the limit the action is refused with an {@link InvalidInputException}, which every form
 * shows as a message next to what the user did, never an error page. The buckets live in this node's memory: with
 * several nodes, an account gets each node's allowance, which sticky sessions keep close to one node's.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final int MAX_BUCKETS = 50_000;

    /** What is limited, each with its own bucket per account and the message a refusal shows. */
    public enum Action {
        PORTAL_COMMENT("rate-limit.exceeded"),
        PORTAL_UPLOAD("rate-limit.exceeded"),
        /** A client request raised in the portal, per portal account. */
        PORTAL_REQUEST("rate-limit.request"),
        /** A colleague's chat message, per username. */
        CHAT_MESSAGE("rate-limit.chat-message"),
        SIGN_IN("rate-limit.exceeded");

        private final String messageKey;

        Action(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final RateLimitProperties properties;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public RateLimits(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    RateLimits(RateLimitProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token of the account's bucket for the action.
     *
     * @param field the form field the refusal is shown at
     * @throws InvalidInputException with the action's message ("rate-limit.exceeded" unless it has its own) and the
     *                               minutes to wait, when the bucket is empty
     */
    public void take(Action action, String account, String field) {
        long minutes = tryTake(action, account);
        if (minutes > 0) {
            throw new InvalidInputException(List.of(FieldProblem.of(field, action.messageKey, minutes)));
        }
    }

    /**
     * Takes one token of the key's bucket for the action, if there is one.
     *
     * @return 0 when the action may go ahead, otherwise the whole minutes (at least 1) until it may
     */
    public long tryTake(Action action, String key) {
        RateLimitProperties.Limit limit = limit(action);
        if (buckets.size() > MAX_BUCKETS) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(action + ":" + key,
                k -> new Bucket(limit.capacity(), limit.per(), nanoTime.getAsLong()));
        long waitNanos = bucket.take(nanoTime.getAsLong());
        if (waitNanos <= 0) {
            return 0;
        }
        // whole minutes, rounded up (a millisecond of floating-point noise aside)
        long minutes = Math.max(1, (waitNanos - 1_000_000L + 59_999_999_999L) / 60_000_000_000L);
        log.info("Rate limit: {} refused for {} (retry in about {} min)", action, key, minutes);
        return minutes;
    }

    private RateLimitProperties.Limit limit(Action action) {
        return switch (action) {
            case PORTAL_COMMENT -> properties.portalComment();
            case PORTAL_UPLOAD -> properties.portalUpload();
            case PORTAL_REQUEST -> properties.portalRequest();
            case CHAT_MESSAGE -> properties.chatMessage();
            case SIGN_IN -> properties.signIn();
        };
    }

    /** A token bucket refilled continuously: capacity tokens over the period. */
    static final class Bucket {

        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long updated;

        Bucket(int capacity, Duration per, long now) {
            this.capacity = capacity;
            this.tokensPerNano = capacity / (double) per.toNanos();
            this.tokens = capacity;
            this.updated = now;
        }

        /** @return 0 when a token was taken, otherwise the nanoseconds until one is available */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
