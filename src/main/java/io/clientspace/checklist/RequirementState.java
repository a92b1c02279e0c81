package io.clientspace.checklist;

/**
 * Where a workspace's required document stands, derived on every read (DD028): MISSING (nothing satisfies it),
 * REQUESTED (an information request item asks the client for it), PROVIDED (a document with a final version satisfies
 * it), EXPIRING (provided, its renewal is due within {@link ChecklistRules#EXPIRING_WITHIN}), EXPIRED (its renewal is
 * past due).
 */
public enum RequirementState {
    MISSING, REQUESTED, PROVIDED, EXPIRING, EXPIRED;

    /** Missing and expired items are what the tab's counter and the checklist flag count. */
    public boolean needsAction() {
        return this == MISSING || this == EXPIRED;
    }

    /** The Lumo badge theme that shows it. */
    public String badgeTheme() {
        return switch (this) {
            case MISSING -> "badge error";
            case REQUESTED -> "badge";
            case PROVIDED -> "badge success";
            case EXPIRING -> "badge contrast";
            case EXPIRED -> "badge error primary";
        };
    }
}
