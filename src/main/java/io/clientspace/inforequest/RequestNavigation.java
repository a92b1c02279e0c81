package io.clientspace.inforequest;

import java.util.UUID;

/** Where information requests are in the UI: their tab on the project workspace, and the customer's portal pages. */
public final class RequestNavigation {

    /** The Requests tab's id on the project workspace ({@code ?tab=requests}). */
    public static final String TAB = "requests";

    /** The portal's list of requests. */
    public static final String PORTAL_LIST = "portal/requests";

    /** The route of one request in the portal; {@link #portalPage} fills it in. */
    public static final String PORTAL_ROUTE = "portal/requests/:requestId";

    private RequestNavigation() {
    }

    public static String portalPage(UUID requestId) {
        return PORTAL_LIST + "/" + requestId;
    }
}
