package io.clientspace.project;

import java.util.UUID;

/** Where projects are in the UI: the list, a project's workspace, the Projects tab, and the portal's project page. */
public final class ProjectNavigation {

    /** The Projects tab's id on the client workspace ({@code ?tab=projects}). */
    public static final String TAB = "projects";

    /** The list of projects the user may open. */
    public static final String LIST = "client-projects";

    /** The route of a project's workspace; {@link #workspace} fills it in. */
    public static final String WORKSPACE_ROUTE = "client-projects/:id";

    /** The route of a shared project in the portal; {@link #portalPage} fills it in. */
    public static final String PORTAL_ROUTE = "portal/projects/:projectId";

    private ProjectNavigation() {
    }

    public static String workspace(UUID projectId) {
        return LIST + "/" + projectId;
    }

    public static String portalPage(UUID projectId) {
        return "portal/projects/" + projectId;
    }
}
