package io.clientspace.acceptance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How acceptance evidence is sealed.
 *
 * @param hmacKey the secret that keys each evidence record's HMAC-SHA256 (EVIDENCE_HMAC_KEY), at least 32
 *                characters; there is no default outside the dev services, and the app does not start without it.
 *                Keep it as long as evidence sealed with it must verify.
 */
@ConfigurationProperties("clientspace.evidence")
public record EvidenceProperties(String hmacKey) {
}
