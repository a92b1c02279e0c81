package io.clientspace.acceptance;

import io.clientspace.acceptance.domain.DocumentAcceptanceRepository;
import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ContactErasureParticipant;
import io.clientspace.document.DocumentRecordKeeper;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Acceptances are a legal record. A document that was ever sent for acceptance is part of that record (pending,
 * expired or accepted with its evidence), so it can be archived but never deleted; and erasing a contact person keeps
 * the evidence of what they accepted (name typed, e-mail, address, time), which the preview says.
 */
@Component
class AcceptanceRecords implements DocumentRecordKeeper, ContactErasureParticipant {

    private final DocumentAcceptanceRepository acceptances;

    AcceptanceRecords(DocumentAcceptanceRepository acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    public boolean keepsRecordOf(UUID documentId) {
        return acceptances.existsByDocumentId(documentId);
    }

    @Override
    public Optional<ArchiveConsequence> whenErased(UUID contactId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return ArchiveConsequence.of("acceptance.erase.kept", acceptances.acceptedBy(email));
    }
}
