package io.clientspace.client;

/**
 * What someone may want to do on a client or one of its projects, each with the least {@link AccessLevel} it takes.
 * The one permission answer ({@link ClientService#may}, {@code ProjectService.may}) compares the user's level with
 * this; the matrix is in the README.
 */
public enum ClientAction {
    /** Open the workspace and read its tabs. */
    READ(AccessLevel.VIEWER),
    /** Create deals; create and change tasks, files, documents, chat messages and mail; edit the client's details. */
    WORK(AccessLevel.EDITOR),
    /** Share with the client, invite portal contacts, send proposals and acceptances, archive the client. */
    SHARE(AccessLevel.MANAGER),
    /** Grant, change and remove workspace members; answer access requests. */
    MANAGE_MEMBERS(AccessLevel.MANAGER);

    private final AccessLevel least;

    ClientAction(AccessLevel least) {
        this.least = least;
    }

    /** The least level that may do this. */
    public AccessLevel least() {
        return least;
    }

    public boolean allowedAt(AccessLevel level) {
        return level.atLeast(least);
    }
}
