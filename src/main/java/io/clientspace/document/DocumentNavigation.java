package io.clientspace.document;

/** Where documents are in the UI: their tab on the workspaces, and the customer's list in the portal. */
public final class DocumentNavigation {

    /** The Documents tab's id on the client and project workspaces ({@code ?tab=documents}). */
    public static final String TAB = "documents";

    /** The portal's list of shared documents and files. */
    public static final String PORTAL_LIST = "portal/documents";

    private DocumentNavigation() {
    }
}
