package io.clientspace.client;

import java.util.Optional;
import java.util.UUID;

/**
 * A module that keeps something of a contact person: it says, for the erasure preview, what it will erase or keep
 * (a portal identity deleted; an acceptance's evidence kept as the legal record), and acts on {@link ContactErased}
 * with an in-transaction listener (DD013).
 */
public interface ContactErasureParticipant {

    /**
     * What erasing the contact will do to, or leave of, this module's records; empty when nothing. Called after the
     * client module checked that the current user may change the contact.
     *
     * @param email the contact's e-mail address; null when none
     */
    Optional<ArchiveConsequence> whenErased(UUID contactId, String email);
}
