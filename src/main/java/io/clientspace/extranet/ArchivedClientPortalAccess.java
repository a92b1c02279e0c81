package io.clientspace.extranet;

import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ClientArchiveParticipant;
import io.clientspace.client.ClientArchived;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Archiving a client revokes its portal access, inside the archiving transaction (DD013). Unarchiving does not give
 * it back: access is invited again, contact by contact, on purpose.
 */
@Component
class ArchivedClientPortalAccess implements ClientArchiveParticipant {

    private final ExternalAccessService access;

    ArchivedClientPortalAccess(ExternalAccessService access) {
        this.access = access;
    }

    @Override
    public Optional<ArchiveConsequence> whenArchived(UUID clientId) {
        return ArchiveConsequence.of("external.archive.consequence", access.notRevoked(clientId));
    }

    @Override
    public int order() {
        return 40;
    }

    @EventListener
    void on(ClientArchived event) {
        access.revokeAllOf(event.clientId(), event.actor());
    }
}
