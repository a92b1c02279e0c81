package io.clientspace.extranet;

import java.util.Map;
import java.util.UUID;

/**
 * The client's projects shared with the client, by id and name: what a contact's policy can narrow the portal to.
 * The project module answers; the extranet module knows no project.
 */
public interface SharedProjectNames {

    /** The client's shared projects in name order; for managers, who edit policies. */
    Map<UUID, String> sharedProjects(UUID clientId);
}
