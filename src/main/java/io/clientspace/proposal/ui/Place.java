package io.clientspace.proposal.ui;

import io.clientspace.project.ClientProject;
import io.clientspace.shared.NamedClient;
import io.clientspace.shared.WorkScope;
import java.util.List;
import java.util.UUID;

/**
 * Where the proposal dialogs were opened: the client, the workspace's scope (the client or one of its projects), and
 * the client's projects a proposal may be put in (empty in a project's workspace, where the project is fixed).
 */
record Place(NamedClient client, WorkScope scope, List<ClientProject> projects) {

    /** The project a new proposal goes to: the workspace's project; null on the client's workspace. */
    UUID fixedProject() {
        return scope.projectId();
    }

    String projectName(UUID projectId) {
        return projectId == null ? null : projects.stream().filter(p -> p.id().equals(projectId))
                .map(ClientProject::name).findFirst().orElse(null);
    }
}
