package io.clientspace.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * App-wide settings.
 *
 * @param baseUrl  the app's public address, for links in e-mails (APP_BASE_URL); never null once bound
 * @param mailFrom the sender of every e-mail (MAIL_FROM); never null once bound
 */
@ConfigurationProperties("clientspace")
public record ClientspaceProperties(String baseUrl, String mailFrom) {
}
