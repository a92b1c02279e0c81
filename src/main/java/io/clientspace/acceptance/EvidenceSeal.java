package io.clientspace.acceptance;

import java.util.Collections;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals acceptance evidence with an HMAC-SHA256 keyed from configuration, and checks a seal. What is signed is a
 * fixed list of fields ({@link #FIELDS}), each written as {@code name:length:value} on its own line, so that no
 * value can be shifted into its neighbour. The same fields sit in the exported JSON, so an export verifies on its own.
 * See docs/decisions/DD010-evidence-and-uploads.md.
 */
@Component
class EvidenceSeal {

    static final String ALGORITHM = "HMAC-SHA256";

    /** The signed fields in their order, each with its place in the exported JSON (a JSON pointer). */
    static final Map<String, String> FIELDS = fields();

    private final SecretKeySpec key;

    EvidenceSeal(EvidenceProperties properties) {
        String secret = properties.hmacKey();
        if (secret == null || secret.isBlank() || secret.length() < 32) {
            throw new IllegalStateException("Set EVIDENCE_HMAC_KEY (clientspace.evidence.hmac-key) to a secret of at"
                    + " least 32 characters: it seals acceptance evidence, and evidence sealed with it verifies only"
                    + " as long as it stays the same");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The seal of these field values (by the names of {@link #FIELDS}; a missing or null value is empty). */
    String sign(Map<String, String> values) {
        StringBuilder canonical = new StringBuilder("clientspace-acceptance-evidence-v1\n");
        for (String field : FIELDS.keySet()) {
            String value = values.get(field);
            String v = value == null ? "" : value;
            canonical.append(field).append(':').append(v.length()).append(':').append(v).append('\n');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the seal belongs to these values; compared in constant time. */
    boolean matches(Map<String, String> values, String seal) {
        if (seal == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(values).getBytes(StandardCharsets.US_ASCII),
                seal.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** An instant as it is signed and exported: the database keeps microseconds. */
    static String instant(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        for (List<String> pair : List.of(
                List.of("acceptanceId", "/acceptanceId"),
                List.of("clientId", "/client/id"),
                List.of("documentId", "/document/id"),
                List.of("documentTitle", "/document/title"),
                List.of("versionNumber", "/document/version"),
                List.of("fileName", "/document/fileName"),
                List.of("sha256", "/document/sha256"),
                List.of("sentByUsername", "/sent/byUsername"),
                List.of("sentAt", "/sent/at"),
                List.of("deadline", "/sent/deadline"),
                List.of("typedName", "/accepted/typedName"),
                List.of("acceptedAt", "/accepted/at"),
                List.of("portalAccountId", "/accepted/portalAccountId"),
                List.of("username", "/accepted/username"),
                List.of("email", "/accepted/email"),
                List.of("ipAddress", "/accepted/ipAddress"),
                List.of("userAgent", "/accepted/userAgent"))) {
            f.put(pair.get(0), pair.get(1));
        }
        return Collections.unmodifiableMap(f);
    }
}
