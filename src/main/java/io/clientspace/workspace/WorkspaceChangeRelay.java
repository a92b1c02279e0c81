package io.clientspace.workspace;

import io.clientspace.file.FileChanged;
import io.clientspace.inforequest.InformationRequestChanged;
import io.clientspace.client.ClientCreated;
import io.clientspace.deal.DealStageChanged;
import io.clientspace.deal.DealStepOpened;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.task.WorkTaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into "this client changed" notifications. They run inside the change's transaction:
 * PostgreSQL delivers a NOTIFY only when that transaction commits, and drops it on rollback. Every open workspace of
 * that client, on any node, then refreshes its counters.
 */
@Component
class WorkspaceChangeRelay {

    private final ClientChanges changes;

    WorkspaceChangeRelay(ClientChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(DealStageChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(DealStepOpened event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(WorkTaskChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(FileChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(InformationRequestChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(ClientCreated event) {
        changes.publish(event.clientId());
    }
}
