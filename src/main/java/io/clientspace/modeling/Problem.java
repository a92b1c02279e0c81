package io.clientspace.modeling;

import io.clientspace.shared.i18n.Translations;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One reason the gate refuses a model, about one element. The UI translates {@code key} with {@code args}
 * (translations*.properties, keys {@code modeling.problem.*}, {@code modeling.contract.*}, ...); an argument that is
 * itself a {@code modeling.contract.kind.*} key or {@code modeling.contract.none} (an element kind such as "user task", or "(none)") is a word to show in
 * the reader's language too: use {@link #argsIn(Locale)} or {@link #text(Locale)}.
 *
 * @param elementId   the element's id, or null when the problem is about the whole file
 * @param elementName the element's name as the model labels it, or null when it has none
 * @param key         the message key, never null
 * @param args        the message's arguments, never null
 */
public record Problem(String elementId, String elementName, String key, List<String> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String elementId, String elementName, String key, String... args) {
        return new Problem(elementId, elementName, key, List.of(args));
    }

    /** The arguments as shown in {@code locale}: the words among them translated, the rest as they are. */
    public Object[] argsIn(Locale locale) {
        return argsIn(args, locale);
    }

    /** The sentence in {@code locale} (English when the language is not supported), e.g. for an API answer. */
    public String text(Locale locale) {
        return Translations.find(key, locale, argsIn(locale)).orElse(key + args);
    }

    /** The words among {@code args} ({@link #isWord}) in {@code locale}; the others unchanged. */
    public static Object[] argsIn(List<String> args, Locale locale) {
        return args.stream().map(a -> isWord(a) ? Translations.find(a, locale).orElse(a) : a).toArray();
    }

    /** Whether an argument is a word to translate (an element kind, "(none)") rather than text from the model. */
    public static boolean isWord(String arg) {
        return WORD.matcher(arg).matches();
    }

    private static final Pattern WORD = Pattern.compile("modeling\\.contract\\.(kind\\.[A-Za-z]+|none)");

    /** The key and its arguments in one line, for logs and test failures. */
    @Override
    public String toString() {
        return (elementId == null ? "" : elementId + ": ") + key + args;
    }
}
