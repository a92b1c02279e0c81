package io.clientspace.checklist.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.checklist.RequiredDocuments;
import io.clientspace.checklist.RequirementState;
import io.clientspace.document.ui.DocumentExtension;
import io.clientspace.shared.WorkScope;
import java.util.Locale;
import java.util.Optional;

/**
 * The workspace's required documents on the Documents tab (issue 20): its key-documents line and counter read the
 * same list as the checklist. Where no template or item gives the workspace a list, the tab keeps its fixed contract,
 * invoice and act.
 */
@SpringComponent
class ChecklistDocumentExtension implements DocumentExtension {

    private final ChecklistService checklists;

    ChecklistDocumentExtension(ChecklistService checklists) {
        this.checklists = checklists;
    }

    @Override
    public Optional<RequiredLine> requiredDocuments(WorkScope scope) {
        RequiredDocuments required = checklists.requiredDocuments(scope);
        if (required.defaultTrio()) {
            return Optional.empty();
        }
        return Optional.of(new RequiredLine(required.lines().stream().map(l -> new RequiredChip(l.name(), l.type(),
                "documents.required-state." + l.state().name(), l.state().badgeTheme(),
                "required-" + l.state().name().toLowerCase(Locale.ROOT),
                l.state() == RequirementState.MISSING)).toList(), required.needingAction().size()));
    }
}
