package io.clientspace.modeling;

import java.util.Locale;
import java.util.Optional;

/** What a model file holds: a BPMN process or a DMN decision, by its file name's extension. */
public enum ModelKind {
    BPMN(".bpmn"), DMN(".dmn");

    private final String extension;

    ModelKind(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The kind of {@code fileName}; empty for any other extension or null. */
    public static Optional<ModelKind> of(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (lower.endsWith(kind.extension) && lower.length() > kind.extension.length()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
