package io.clientspace.project;

import java.util.UUID;

/**
 * A project was created or changed, or its work group changed. {@code detail} is the new status for
 * STATUS_CHANGED, the member's username for MEMBER_ADDED and MEMBER_REMOVED, else null.
 */
public record ProjectChanged(UUID projectId, UUID clientId, String name, Change change, String detail,
                             String actor) {

    public enum Change { CREATED, UPDATED, STATUS_CHANGED, MEMBER_ADDED, MEMBER_REMOVED }
}
