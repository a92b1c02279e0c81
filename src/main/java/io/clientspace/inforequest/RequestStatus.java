package io.clientspace.inforequest;

/** Where a request stands. Draft is the team's alone; the customer sees it from Sent on. */
public enum RequestStatus {
    DRAFT, SENT, IN_PROGRESS, COMPLETED, CANCELLED;

    /** Sent and not finished: the customer may answer and the team may review. */
    public boolean isOpen() {
        return this == SENT || this == IN_PROGRESS;
    }

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** The Lumo badge theme that shows it, the same in the workspace and the portal. */
    public String badgeTheme() {
        return switch (this) {
            case DRAFT -> "badge contrast";
            case SENT -> "badge";
            case IN_PROGRESS -> "badge primary";
            case COMPLETED -> "badge success";
            case CANCELLED -> "badge error";
        };
    }
}
