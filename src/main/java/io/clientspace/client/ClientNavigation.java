package io.clientspace.client;

import java.util.UUID;

/** Where clients are in the UI: the list and a client's workspace; every link to a client is made here. */
public final class ClientNavigation {

    /** The client list: {@code /clients}. */
    public static final String LIST = "clients";

    /** The route of a client's workspace; {@link #workspace} fills it in. */
    public static final String WORKSPACE_ROUTE = "clients/:kind/:id";

    private ClientNavigation() {
    }

    public static String workspace(ClientKind kind, UUID clientId) {
        return LIST + "/" + kind.urlSegment() + "/" + clientId;
    }

    /** A client's workspace opened on one tab, e.g. from a mail; the tab ids are in each module's navigation. */
    public static String workspace(ClientKind kind, UUID clientId, String tab) {
        return workspace(kind, clientId) + "?tab=" + tab;
    }
}
