package io.clientspace.modeling;

import java.util.List;

/**
 * One reason the gate refuses a model, about one element. The UI translates {@code key} with {@code args}
 * (translations*.properties, keys {@code modeling.problem.*}).
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

    /** The key and its arguments in one line, for logs and test failures. */
    @Override
    public String toString() {
        return (elementId == null ? "" : elementId + ": ") + key + args;
    }
}
