package io.clientspace.acceptance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentVersion;
import io.clientspace.document.ui.DocumentExtension;
import io.clientspace.shared.WorkScope;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Acceptances on the documents screens: where a document's latest acceptance stands, as a badge in the list, and the
 * Acceptance section of the document dialog.
 */
@SpringComponent
class AcceptanceDocumentExtension implements DocumentExtension {

    private final AcceptanceService acceptances;

    AcceptanceDocumentExtension(AcceptanceService acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    public Map<UUID, Badge> badges(WorkScope scope, Collection<UUID> documentIds) {
        Map<UUID, Badge> badges = new HashMap<>();
        acceptances.latestStatuses(scope, documentIds).forEach((id, status) -> badges.put(id, new Badge(
                "documents.acceptance." + status.name(), switch (status) {
                    case PENDING -> "badge contrast small";
                    case ACCEPTED -> "badge success small";
                    case EXPIRED -> "badge error small";
                    case WITHDRAWN -> "badge small";
                }, "document-acceptance-badge")));
        return badges;
    }

    @Override
    public Optional<Component> dialogSection(ClientDocument document, List<DocumentVersion> versions, Clock clock,
                                             Runnable onChange) {
        return Optional.of(new AcceptanceSection(document, versions, acceptances, clock, onChange));
    }
}
