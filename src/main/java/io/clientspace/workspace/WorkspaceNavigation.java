package io.clientspace.workspace;

/** Where the workspace's own pages are: the list of clients that need attention. */
public final class WorkspaceNavigation {

    /** "Needs attention": the checklist across the clients one owns. */
    public static final String ATTENTION = "attention";

    private WorkspaceNavigation() {
    }
}
