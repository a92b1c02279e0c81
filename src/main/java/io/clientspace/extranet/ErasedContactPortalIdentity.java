package io.clientspace.extranet;

import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ContactErased;
import io.clientspace.client.ContactErasureParticipant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Erasing a contact person deletes their portal identity: the portal contact with the same e-mail address. */
@Component
class ErasedContactPortalIdentity implements ContactErasureParticipant {

    private final ExternalAccessService access;

    ErasedContactPortalIdentity(ExternalAccessService access) {
        this.access = access;
    }

    @Override
    public Optional<ArchiveConsequence> whenErased(UUID contactId, String email) {
        return access.contactWithEmail(email).map(c -> new ArchiveConsequence("external.erase.consequence",
                java.util.List.of(c)));
    }

    @EventListener
    void on(ContactErased event) {
        access.eraseContact(event.email(), event.actor(), event.placeholder());
    }
}
