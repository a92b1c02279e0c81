package io.clientspace.extranet;

import java.util.UUID;

/** Where external access is in the UI: its tab, the page a customer whose access ended sees, and "view as client". */
public final class ExtranetNavigation {

    /** The External access tab's id on the client workspace ({@code ?tab=external}). */
    public static final String TAB = "external";

    /** The portal's start page, where invitation mails lead (the portal names it too; it depends on us). */
    public static final String PORTAL_HOME = "portal";

    /** The page a signed-in customer without active access sees. */
    public static final String ACCESS_ENDED = "access-ended";

    /** The route of a manager's read-only "view as client"; {@link #viewAs} fills it in. */
    public static final String VIEW_AS_ROUTE = "clients/view-as/:accountId";

    private ExtranetNavigation() {
    }

    public static String viewAs(UUID accountId) {
        return "clients/view-as/" + accountId;
    }
}
