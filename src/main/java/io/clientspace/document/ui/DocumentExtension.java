package io.clientspace.document.ui;

import com.vaadin.flow.component.Component;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentVersion;
import io.clientspace.shared.WorkScope;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What another module adds to the documents screens without the document module knowing it: a badge next to a
 * document's status in the list, and a section in the document dialog. The acceptance module is the one today; it
 * depends on documents, so documents cannot call it (docs/decisions/DD011-ui-owned-by-modules.md).
 */
public interface DocumentExtension {

    /** A small badge after a document's status: a translation key, Lumo badge themes and a class for tests. */
    record Badge(String labelKey, String themes, String className) {
    }

    /**
     * The badges of the listed documents, loaded with the list off the UI thread, so in one query.
     *
     * @return a badge per document that has one; documents without are absent
     */
    Map<UUID, Badge> badges(WorkScope scope, Collection<UUID> documentIds);

    /**
     * A section for the document dialog, below the versions; empty when the extension has nothing to show.
     *
     * @param onChange call after a change the documents list should show
     */
    Optional<Component> dialogSection(ClientDocument document, List<DocumentVersion> versions, Clock clock,
                                      Runnable onChange);
}
