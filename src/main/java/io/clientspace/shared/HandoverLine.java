package io.clientspace.shared;

import java.util.UUID;

/**
 * One thing a handover moves, as its preview shows it: what kind ({@code kindKey}, a message key), its title, the
 * client it belongs to, and what happens to it.
 */
public record HandoverLine(String kindKey, UUID id, String title, String clientName, Outcome outcome) {

    public enum Outcome {
        /** goes to the successor */
        MOVES,
        /** the successor cannot open its place: it goes back to its queue, unassigned */
        UNASSIGNED,
        /** the successor cannot open its place and it cannot wait unassigned: the handover is refused */
        BLOCKED
    }
}
