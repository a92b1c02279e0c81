package io.clientspace.client;

/**
 * How far a staff member may go on one client (docs: README "Workspace members and access levels"). Firm-wide
 * admins and managers, and the client's owner, are {@link #MANAGER} of every client they may see; a colleague the
 * client's managers let in holds the level they granted. Ordered from least to most.
 */
public enum AccessLevel {
    /** Cannot open the client. */
    NONE,
    /** Reads everything of the client. */
    VIEWER,
    /** Also works on tasks, files, documents, chat and mail. */
    EDITOR,
    /** Also shares with the client, invites contacts, sends proposals and acceptances, and manages members. */
    MANAGER;

    public boolean atLeast(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    /** The higher of the two. */
    public AccessLevel max(AccessLevel other) {
        return atLeast(other) ? this : other;
    }
}
