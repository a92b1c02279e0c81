package io.clientspace.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, so tests can move time. Its zone is the firm's: it decides when "today" starts for
 * due dates and which day a timestamp falls on. Servers and containers often run on UTC, so the zone is configured
 * ({@code TIME_ZONE}) rather than taken from the machine; without it, the machine's zone is used.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @ConfigurationProperties("clientspace.time")
    record TimeProperties(String zone) {
        ZoneId zoneId() {
            return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.trim());
        }
    }

    @Bean
    Clock clock(TimeProperties time) {
        return Clock.system(time.zoneId());
    }
}
