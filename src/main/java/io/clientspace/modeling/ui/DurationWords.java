package io.clientspace.modeling.ui;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 duration in words of the user's language: P1W2D → "1 week 2 days", PT48H → "48 Stunden". */
final class DurationWords {

    static final Pattern PARTS = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    static final String[] UNITS = {"year", "month", "week", "day", "hour", "minute", "second"};

    private DurationWords() {
    }

    /** The words, or null when {@code iso} is no duration this can read. */
    static String of(Component c, String iso, Locale locale) {
        if (iso == null) {
            return null;
        }
        Matcher m = PARTS.matcher(iso.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < UNITS.length; i++) {
            String n = m.group(i + 1);
            if (n != null && Long.parseLong(n) > 0) {
                long count = Long.parseLong(n);
                words.add(count + " " + c.getTranslation("modeling.unit." + UNITS[i] + "." + form(count, locale)));
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** one / few / many: Russian needs all three, English and German say "one" and "many". */
    static String form(long n, Locale locale) {
        if (locale != null && "ru".equals(locale.getLanguage())) {
            long mod10 = n % 10;
            long mod100 = n % 100;
            if (mod10 == 1 && mod100 != 11) {
                return "one";
            }
            if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
                return "few";
            }
            return "many";
        }
        return n == 1 ? "one" : "many";
    }
}
