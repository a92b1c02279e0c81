package io.clientspace.shared.ui.tabs;

import io.clientspace.security.CurrentUser;
import io.clientspace.shared.NamedClient;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.AsyncLoader;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * What a workspace tab gets from the shell it sits in: which workspace (a client, or one of its projects), who is
 * looking, the clock, the loader, and two ways back to the shell.
 *
 * @param scope            the client, or the project of a client; never null
 * @param name             the client's or the project's name, for dialogs ("New deal for Nordlicht GmbH")
 * @param clientName       the client's name, also in a project's workspace
 * @param sharedWithClient whether the client's portal sees this workspace: always for a client, per project for
 *                         a project
 * @param user             the signed-in staff member
 * @param countersChanged  call after a change that may move another tab's counter (a task created from a deal)
 * @param shell            opens another tab of the same workspace
 */
public record TabContext(WorkScope scope, String name, String clientName, boolean sharedWithClient, CurrentUser user, Clock clock,
                         AsyncLoader loader, Runnable countersChanged, Shell shell) {

    public TabContext {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(countersChanged, "countersChanged");
        Objects.requireNonNull(shell, "shell");
    }

    public UUID clientId() {
        return scope.clientId();
    }

    /** The client whose workspace this is, or whose project. */
    public NamedClient client() {
        return new NamedClient(scope.clientId(), clientName);
    }

    /** The project's id; null in a client workspace. */
    public UUID projectId() {
        return scope.projectId();
    }

    public boolean isProject() {
        return scope.isProject();
    }

    /** The workspace shell as a tab sees it. */
    public interface Shell {

        /** Whether this workspace shows the tab with that id (the module may be off, or the user may not see it). */
        boolean has(String tabId);

        /**
         * Selects the tab with that id and hands it the argument (see {@link WorkspaceTab#openWith}); does nothing
         * when the workspace has no such tab.
         *
         * @param argument null to open the tab as it is
         */
        void open(String tabId, String argument);
    }
}
