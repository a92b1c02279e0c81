package io.clientspace.project;

import java.util.UUID;

/** Where projects are in the UI: the list, a project's workspace, and the Projects tab on a client. */
public final class ProjectNavigation {

    /** The Projects tab's id on the client workspace ({@code ?tab=projects}). */
    public static final String TAB = "projects";

    /** The list of projects the user may open. */
    public static final String LIST = "client-projects";

    /** The route of a project's workspace; {@link #workspace} fills it in. */
    public static final String WORKSPACE_ROUTE = "client-projects/:id";

    private ProjectNavigation() {
    }

    public static String workspace(UUID projectId) {
        return LIST + "/" + projectId;
    }
}
