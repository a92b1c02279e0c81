package io.clientspace.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a name someone typed is the name we know them by, as accepting a proposal or a document asks: case,
 * accents, spacing and punctuation aside, so "lena  hoffmann" signs for "Lena Hoffmann", "Müller" for "Muller".
 */
public final class PersonNames {

    private PersonNames() {
    }

    /** @return false when either is null */
    public static boolean same(String typed, String known) {
        return typed != null && known != null && plain(typed).equals(plain(known));
    }

    private static String plain(String name) {
        String noAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
