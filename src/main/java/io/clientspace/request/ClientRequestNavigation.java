package io.clientspace.request;

import java.util.UUID;

/**
 * Where client requests are in the UI. The tab id is not "requests": that one is the information requests' tab on
 * the project workspace (the team asks the client); these are the client's requests to the team.
 */
public final class ClientRequestNavigation {

    /** The tab's id on the client and project workspaces ({@code ?tab=client-requests}). */
    public static final String TAB = "client-requests";

    /** The tab's filter for open requests whose SLA is breached ({@code client-requests:breached}), the checklist's. */
    public static final String FILTER_BREACHED = "breached";

    /** The portal's list of the customer's own requests ("portal/requests" is the information requests' list). */
    public static final String PORTAL_LIST = "portal/client-requests";

    /** The route of one request in the portal; {@link #portalPage} fills it in. */
    public static final String PORTAL_ROUTE = "portal/client-requests/:requestId";

    private ClientRequestNavigation() {
    }

    /** The staff queue's route; {@code ?request=<id>} opens one request's page on it. */
    public static final String QUEUE = "requests";

    /** One request's page for staff: the queue with the request open (My tasks links here, DD031). */
    public static String staffPage(UUID requestId) {
        return QUEUE + "?request=" + requestId;
    }

    public static String portalPage(UUID requestId) {
        return PORTAL_LIST + "/" + requestId;
    }
}
