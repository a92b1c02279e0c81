package io.clientspace.document;

import java.util.Map;

/**
 * Whether the client has its key documents: for contract, invoice and act, MISSING (none), IN_PROGRESS (one exists
 * but none is ready with a final version) or FINAL.
 */
public record KeyDocuments(Map<DocumentType, State> states) {

    public enum State { MISSING, IN_PROGRESS, FINAL }

    public boolean complete() {
        return states.values().stream().allMatch(s -> s == State.FINAL);
    }
}
