package io.clientspace.document;

/** Where documents are in the UI. */
public final class DocumentNavigation {

    /** The Documents tab's id on the client and project workspaces ({@code ?tab=documents}). */
    public static final String TAB = "documents";

    private DocumentNavigation() {
    }
}
