package io.clientspace.task;

import java.util.UUID;

/**
 * A project task as the client's portal shows it: title, who works on it (display name, never the username) and
 * where it stands. No description, due date, priority, comments or booked time. {@code assigneeName} may be null.
 */
public record CustomerTask(UUID id, String title, String assigneeName, Status status) {

    /**
     * OPEN nobody has taken it yet; IN_PROGRESS someone has; DONE someone completed it; CANCELLED it ended in the
     * process engine without anyone completing it (for example cancelled in Cockpit).
     */
    public enum Status { OPEN, IN_PROGRESS, DONE, CANCELLED }
}
