package io.clientspace.client;

import java.util.Locale;
import java.util.Optional;

/** A client is a company or a contact person. The URL segment is the lower-case name: /clients/company/{id}. */
public enum ClientKind {
    COMPANY, CONTACT;

    public String urlSegment() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a URL segment; empty for anything else. */
    public static Optional<ClientKind> fromUrlSegment(String segment) {
        for (ClientKind kind : values()) {
            if (kind.urlSegment().equals(segment)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
