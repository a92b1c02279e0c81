package io.clientspace.project;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.ClientAction;

/**
 * What the current user may do in one workspace, and whom to ask for more: the workspace's owner (the project's for
 * a project, else the client's). Tabs use it to say why an action is unavailable and who can do it (issue 20 §4);
 * the services check every action again.
 *
 * @param level   the current user's level in the workspace
 * @param askName the display name of the workspace's owner
 */
public record WorkspaceRights(AccessLevel level, String askName) {

    public boolean may(ClientAction action) {
        return action.allowedAt(level);
    }

    /** May create and change tasks, files, documents, chat messages and mail. */
    public boolean work() {
        return may(ClientAction.WORK);
    }

    /** May share with the client, invite contacts, send proposals and acceptances. */
    public boolean share() {
        return may(ClientAction.SHARE);
    }
}
