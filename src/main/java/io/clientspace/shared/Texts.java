package io.clientspace.shared;

/** Small text helpers shared by the services' input handling. */
public final class Texts {
    private Texts() {
    }

    /** Trimmed text, or null when null or blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
