package io.clientspace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A client as other modules' screens need it: its id and the name to show. The client module's {@code Client}
 * record is the whole of it.
 */
public record NamedClient(UUID id, String name) {

    public NamedClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
