package io.clientspace.inforequest;

/**
 * Where one item stands. OPEN and RETURNED wait on the customer (an answer they typed or uploaded is kept on the item
 * until they submit it); ANSWERED waits on the team; ACCEPTED is done.
 */
public enum ItemState {
    OPEN, ANSWERED, RETURNED, ACCEPTED;

    public boolean waitsOnCustomer() {
        return this == OPEN || this == RETURNED;
    }

    /** The Lumo badge theme that shows it, the same in the workspace and the portal. */
    public String badgeTheme() {
        return switch (this) {
            case OPEN -> "badge";
            case ANSWERED -> "badge contrast";
            case RETURNED -> "badge error";
            case ACCEPTED -> "badge success";
        };
    }
}
