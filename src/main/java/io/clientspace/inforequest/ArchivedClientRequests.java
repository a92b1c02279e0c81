package io.clientspace.inforequest;

import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ClientArchiveParticipant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The preview line for the client's open information requests, which archiving cancels. */
@Component
class ArchivedClientRequests implements ClientArchiveParticipant {

    private final InformationRequestService requests;

    ArchivedClientRequests(InformationRequestService requests) {
        this.requests = requests;
    }

    @Override
    public Optional<ArchiveConsequence> whenArchived(UUID clientId) {
        return ArchiveConsequence.of("inforequest.archive.consequence", requests.openForArchive(clientId));
    }

    @Override
    public int order() {
        return 30;
    }
}
