package io.clientspace.client;

import java.util.List;

/**
 * What archiving the client will do, for the dialog the user confirms: each module's consequences in order. An empty
 * list means the client has no open work; the client itself and every record stay readable under "Archived" either way.
 */
public record ClientArchivePreview(Client client, List<ArchiveConsequence> consequences) {

    public ClientArchivePreview {
        consequences = List.copyOf(consequences);
    }
}
