package io.clientspace.checklist;

/** Where required documents are in the UI: their workspace tab and the firm's catalogue page. */
public final class ChecklistNavigation {

    /** The Required documents tab's id on the client and project workspaces ({@code ?tab=required-documents}). */
    public static final String TAB = "required-documents";

    /** The catalogue of requirements and the checklist templates, for managers and admins. */
    public static final String CATALOGUE = "required-documents";

    private ChecklistNavigation() {
    }
}
