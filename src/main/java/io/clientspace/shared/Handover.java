package io.clientspace.shared;

import java.util.Set;
import java.util.UUID;

/**
 * A departing colleague's work going to a successor: who leaves, who takes over, and the clients whose ownership
 * moves with it (the successor can open those once the handover ran, whatever they could open before).
 */
public record Handover(String from, String to, Set<UUID> clientsMoving) {

    public Handover {
        clientsMoving = Set.copyOf(clientsMoving);
    }
}
