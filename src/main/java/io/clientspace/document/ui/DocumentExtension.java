package io.clientspace.document.ui;

import com.vaadin.flow.component.Component;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentType;
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
 * document's status in the list, a section in the document dialog (the acceptance module), and the workspace's
 * required documents (the checklist module). Both depend on documents, so documents cannot call them
 * (docs/decisions/DD011-ui-owned-by-modules.md).
 */
public interface DocumentExtension {

    /** A small badge after a document's status: a translation key, Lumo badge themes and a class for tests. */
    record Badge(String labelKey, String themes, String className) {
    }

    /**
     * One required document on the line: its name and type, a translation key with the name as {0}, its themes and
     * a class for tests, and whether nothing satisfies it yet (the tab then says "not final" when a document that
     * would satisfy it is there without a final version).
     */
    record RequiredChip(String name, DocumentType type, String labelKey, String themes, String className,
                        boolean missing) {
    }

    /**
     * The workspace's own required documents (issue 20), in place of the fixed key documents: the chips of the
     * line and how many need someone (missing or expired), which the tab's counter shows.
     */
    record RequiredLine(List<RequiredChip> chips, long needingAction) {
    }

    /**
     * The workspace's required documents, loaded off the UI thread; empty keeps the fixed contract, invoice and act.
     * The checklist module is the one that knows them; it depends on documents, so documents ask it this way.
     */
    default Optional<RequiredLine> requiredDocuments(WorkScope scope) {
        return Optional.empty();
    }

    /**
     * The badges of the listed documents, loaded with the list off the UI thread, so in one query.
     *
     * @return a badge per document that has one; documents without are absent
     */
    default Map<UUID, Badge> badges(WorkScope scope, Collection<UUID> documentIds) {
        return Map.of();
    }

    /**
     * A section for the document dialog, below the versions; empty when the extension has nothing to show.
     *
     * @param onChange call after a change the documents list should show
     */
    default Optional<Component> dialogSection(ClientDocument document, List<DocumentVersion> versions, Clock clock,
                                              Runnable onChange) {
        return Optional.empty();
    }
}
