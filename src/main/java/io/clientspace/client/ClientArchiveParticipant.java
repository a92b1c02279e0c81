package io.clientspace.client;

import java.util.Optional;
import java.util.UUID;

/**
 * A module whose records change when a client is archived: it says what will happen, for the preview the user
 * confirms, and does it when {@link ClientArchived} is published, with a plain {@code @EventListener} so that the
 * archive and its consequences commit together or not at all (docs/decisions/DD013-in-transaction-listeners.md). The
 * client module knows no deal, task or portal account; those modules depend on it.
 */
public interface ClientArchiveParticipant {

    /**
     * What archiving the client will do to this module's records; empty when nothing. Called after the client module
     * checked that the current user may archive the client.
     */
    Optional<ArchiveConsequence> whenArchived(UUID clientId);

    /** Orders the preview's lines; lower first. */
    default int order() {
        return 100;
    }
}
