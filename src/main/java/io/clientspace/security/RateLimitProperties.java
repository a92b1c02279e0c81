package io.clientspace.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a portal account may do what costs the team attention or the server work. Each limit is a token
 * bucket: {@code capacity} actions at once, refilled evenly over {@code per}.
 *
 * @param portalComment a comment in a project's thread
 * @param portalUpload  a file uploaded to answer an information request (each is virus-scanned)
 * @param portalRequest a client request raised in the portal (each starts a process and reaches the team's queue)
 * @param chatMessage   a colleague's chat message, per username: generous, it only stops a runaway script or a stuck
 *                      key from flooding a channel and everyone's notifications
 * @param signIn        a request to the app's sign-in endpoints (the redirect to Keycloak and the code coming back),
 *                      per client address: before the sign-in there is no account yet. Wrong passwords are limited
 *                      per account by Keycloak's brute-force detection (realm files).
 */
@ConfigurationProperties("clientspace.rate-limits")
public record RateLimitProperties(Limit portalComment, Limit portalUpload, Limit portalRequest, Limit chatMessage,
                                  Limit signIn) {

    public RateLimitProperties {
        portalComment = portalComment == null ? new Limit(10, Duration.ofMinutes(10)) : portalComment;
        portalUpload = portalUpload == null ? new Limit(30, Duration.ofMinutes(10)) : portalUpload;
        portalRequest = portalRequest == null ? new Limit(10, Duration.ofMinutes(10)) : portalRequest;
        chatMessage = chatMessage == null ? new Limit(60, Duration.ofMinutes(10)) : chatMessage;
        // an office behind one address signs in together in the morning: two requests per person
        signIn = signIn == null ? new Limit(60, Duration.ofMinutes(10)) : signIn;
    }

    public record Limit(int capacity, Duration per) {

        public Limit {
            if (capacity < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a period");
            }
        }
    }
}
