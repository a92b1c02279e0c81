package io.clientspace.project;

/** Where a project stands. Completed and cancelled projects stay readable; their work stays where it was. */
public enum ProjectStatus {
    PLANNED, ACTIVE, ON_HOLD, COMPLETED, CANCELLED
}
