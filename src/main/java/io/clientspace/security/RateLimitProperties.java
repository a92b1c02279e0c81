package io.clientspace.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a portal account may do what costs the team attention or the server work. Each limit is a token
 * bucket: {@code capacity} actions at once, refilled evenly over {@code per}.
 *
 * @param portalComment a comment in a project's thread
 * @param portalUpload  a file uploaded to answer an information request (each is virus-scanned)
 */
@ConfigurationProperties("clientspace.rate-limits")
public record RateLimitProperties(Limit portalComment, Limit portalUpload) {

    public RateLimitProperties {
        portalComment = portalComment == null ? new Limit(10, Duration.ofMinutes(10)) : portalComment;
        portalUpload = portalUpload == null ? new Limit(30, Duration.ofMinutes(10)) : portalUpload;
    }

    public record Limit(int capacity, Duration per) {

        public Limit {
            if (capacity < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a period");
            }
        }
    }
}
