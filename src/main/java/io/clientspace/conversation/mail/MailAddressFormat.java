package io.clientspace.conversation.mail;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How a workspace address is written and read back: {@code slug-xxxxxx@domain}, or the plus form
 * {@code local+slug-xxxxxx@domain}. The slug comes from the workspace's name and is only for people; the six
 * random characters (30 bits from an alphabet without look-alikes) make the address unguessable.
 */
public final class MailAddressFormat {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
    private static final int RANDOM_LENGTH = 6;
    private static final int SLUG_MAX = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String domain;
    private final String plusLocal;

    public MailAddressFormat(String domain, String plusLocal) {
        this.domain = domain.trim().toLowerCase(Locale.ROOT);
        this.plusLocal = plusLocal == null ? "" : plusLocal.trim().toLowerCase(Locale.ROOT);
    }

    /** A new token for a workspace called {@code name}: its slug, a dash and the random part. */
    public static String newToken(String name) {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String slug = slug(name);
        return (slug.isEmpty() ? "ws" : slug) + "-" + random;
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > SLUG_MAX) {
            ascii = ascii.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return ascii;
    }

    /** The domain of every workspace address. */
    public String domain() {
        return domain;
    }

    /** The address a token is reached at. */
    public String address(String token) {
        return (plusLocal.isEmpty() ? token : plusLocal + "+" + token) + "@" + domain;
    }

    /** The token an address names, when it is one of ours (any case); empty for any other address. */
    public Optional<String> tokenOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || !a.substring(at + 1).equals(domain)) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        if (!plusLocal.isEmpty()) {
            if (!local.startsWith(plusLocal + "+")) {
                return Optional.empty();
            }
            local = local.substring(plusLocal.length() + 1);
        }
        return local.matches("[a-z0-9-]{1,80}") ? Optional.of(local) : Optional.empty();
    }
}
