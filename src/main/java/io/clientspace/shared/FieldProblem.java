package io.clientspace.shared;

import java.util.List;

/**
 * One thing wrong with one field of a form. {@code messageKey} is a key in the translation bundles, so the UI shows
 * it in the user's language; {@code args} fill its placeholders.
 */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
