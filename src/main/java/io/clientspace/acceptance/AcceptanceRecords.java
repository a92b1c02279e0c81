package io.clientspace.acceptance;

import io.clientspace.acceptance.domain.DocumentAcceptanceRepository;
import io.clientspace.document.DocumentRecordKeeper;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A document that was ever sent for acceptance is part of that acceptance's record (pending, expired or accepted
 * with its evidence), so it can be archived but never deleted.
 */
@Component
class AcceptanceRecords implements DocumentRecordKeeper {

    private final DocumentAcceptanceRepository acceptances;

    AcceptanceRecords(DocumentAcceptanceRepository acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    public boolean keepsRecordOf(UUID documentId) {
        return acceptances.existsByDocumentId(documentId);
    }
}
