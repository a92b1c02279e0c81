package io.clientspace.checklist;

import io.clientspace.shared.live.ClientChanges;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Open workspaces of the client refresh their counters when its required documents change (DD013). */
@Component
class ChecklistChangeRelay {

    private final ClientChanges changes;

    ChecklistChangeRelay(ClientChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(ChecklistChanged event) {
        changes.publish(event.clientId());
    }
}
