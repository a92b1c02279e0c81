package io.clientspace.request;

/**
 * Where client requests are in the UI. The tab id is not "requests": that one is the information requests' tab on
 * the project workspace (the team asks the client); these are the client's requests to the team.
 */
public final class ClientRequestNavigation {

    /** The tab's id on the client and project workspaces ({@code ?tab=client-requests}). */
    public static final String TAB = "client-requests";

    private ClientRequestNavigation() {
    }
}
