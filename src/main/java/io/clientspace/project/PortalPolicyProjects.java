package io.clientspace.project;

import io.clientspace.extranet.SharedProjectNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names the client's shared projects for the portal contacts' policy form (docs/decisions/DD035). */
@Component
class PortalPolicyProjects implements SharedProjectNames {

    private final ProjectService projects;

    PortalPolicyProjects(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public Map<UUID, String> sharedProjects(UUID clientId) {
        Map<UUID, String> result = new LinkedHashMap<>();
        projects.sharedWithCustomer(clientId).forEach(p -> result.put(p.id(), p.name()));
        return result;
    }
}
