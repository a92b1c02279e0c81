package io.clientspace.acceptance;

import java.util.UUID;

/** Where acceptances are in the UI: the customer's portal pages (staff see them in the document dialog). */
public final class AcceptanceNavigation {

    /** The portal's list of acceptances. */
    public static final String PORTAL_LIST = "portal/acceptances";

    /** The route of one acceptance in the portal; {@link #portalPage} fills it in. */
    public static final String PORTAL_ROUTE = "portal/acceptances/:acceptanceId";

    private AcceptanceNavigation() {
    }

    public static String portalPage(UUID acceptanceId) {
        return PORTAL_LIST + "/" + acceptanceId;
    }
}
