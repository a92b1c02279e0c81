package io.clientspace.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a sign-in lasts in the app, and how often it is checked against Keycloak (docs/decisions/DD017).
 *
 * @param absoluteLifetime a session ends this long after its sign-in, however active it is; keep it no longer than
 *                         the realms' SSO Session Max (10 h in the shipped realm files), or Keycloak signs the user
 *                         straight back in without a password
 * @param recheckEvery     a staff session's roles and enablement are read from Keycloak again after this long; with
 *                         the sweep below, a disabled or demoted colleague loses access within recheckEvery + sweepEvery
 * @param sweepEvery       how often every open session on this node is checked, also those that only talk over the
 *                         push connection (which no HTTP filter sees), and how soon a sign-out that reached another
 *                         node ends the sessions here
 */
@ConfigurationProperties("clientspace.sessions")
public record SessionProperties(Duration absoluteLifetime, Duration recheckEvery, Duration sweepEvery) {

    public SessionProperties {
        absoluteLifetime = absoluteLifetime == null ? Duration.ofHours(10) : absoluteLifetime;
        recheckEvery = recheckEvery == null ? Duration.ofMinutes(4) : recheckEvery;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        if (absoluteLifetime.isNegative() || absoluteLifetime.isZero() || recheckEvery.isNegative()
                || recheckEvery.isZero() || sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("clientspace.sessions durations must be positive");
        }
    }
}
