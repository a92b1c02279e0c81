package io.clientspace.project;

import io.clientspace.shared.WorkScope;
import io.clientspace.security.StaffMember;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client project as the workspace shows it. {@code description}, {@code start} and {@code end} may be null.
 * {@code clientPath} is null when the viewer may open the project but not the client. {@code canManage} says whether
 * the viewer may change the project and its members, and what of it is shared with the client.
 * {@code sharedWithClient} says whether the client's portal shows the project; {@code tasksVisibleToClient} whether it
 * shows the project's tasks too.
 */
public record ClientProject(UUID id, UUID clientId, String clientName, String clientPath, String name,
                            String description, ProjectStatus status, LocalDate start, LocalDate end, String owner,
                            String ownerName, List<StaffMember> members, boolean canManage, boolean sharedWithClient,
                            boolean tasksVisibleToClient, long version) {

    public String workspacePath() {
        return ProjectNavigation.workspace(id);
    }

    public WorkScope scope() {
        return WorkScope.project(clientId, id);
    }
}
