package io.clientspace.document;

import java.util.UUID;

/**
 * A module that keeps a record about a document which must outlive it, such as an acceptance and its evidence. The
 * document module asks every keeper before it deletes a document: one that answers true makes the document
 * archive-only. Keepers depend on documents, never the other way round (docs/decisions/DD011-ui-owned-by-modules.md).
 */
public interface DocumentRecordKeeper {

    /**
     * Whether this module holds a record about the document. Called inside the deleting transaction, after the
     * document's row lock was taken, so a record written at the same moment waits for the decision.
     */
    boolean keepsRecordOf(UUID documentId);
}
