package io.clientspace.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events whose after-commit listener failed (a mail while the SMTP server is down, say) are offered to that
 * listener again; see {@link EventPublicationRetry}.
 *
 * @param retryInterval  how often one node looks for failed publications
 * @param retryAfter     a publication younger than this is left alone: its first attempt may still be running.
 *                       Keep it above the longest attempt (the mail timeouts times the recipients of one event)
 * @param attemptTimeout how long one retry round waits for the listeners it started before another round, on any
 *                       node, may start them again
 */
@ConfigurationProperties("clientspace.events")
public record EventRetryProperties(@DefaultValue("PT1M") Duration retryInterval,
                                   @DefaultValue("PT5M") Duration retryAfter,
                                   @DefaultValue("PT2M") Duration attemptTimeout) {
}
