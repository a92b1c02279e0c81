package io.clientspace.client;

import java.util.List;

/**
 * The client looks like one that already exists. Nothing was saved; the user may confirm and save again.
 */
public class DuplicateClientException extends RuntimeException {

    private final List<DuplicateHint> duplicates;

    public DuplicateClientException(List<DuplicateHint> duplicates) {
        super("Likely duplicate of " + duplicates.size() + " client(s)");
        this.duplicates = List.copyOf(duplicates);
    }

    public List<DuplicateHint> duplicates() {
        return duplicates;
    }
}
