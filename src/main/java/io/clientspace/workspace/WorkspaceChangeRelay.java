package io.clientspace.workspace;

import io.clientspace.inforequest.InformationRequestChanged;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.task.WorkTaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "This client changed" notifications for the changes that write no row of their own that says so. Every event the
 * timeline records unconditionally (deal stages and edits, files, documents, portal access, projects, sharing, a new
 * client, {@code ActivityRecorded}) needs nothing here: the timeline entry's insert sends the NOTIFY through a
 * trigger, as does a new row in our task table (a deal's stage task); see V66 and
 * docs/decisions/DD023-notify-from-triggers.md. These listeners run inside the change's transaction: PostgreSQL
 * delivers a NOTIFY only when that transaction commits, and drops it on rollback, and {@link ClientChanges} sends at
 * most one per client per transaction. Every open workspace of that client, on any node, then refreshes its counters
 * (docs/decisions/DD013-in-transaction-listeners.md).
 */
@Component
class WorkspaceChangeRelay {

    private final ClientChanges changes;

    WorkspaceChangeRelay(ClientChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(WorkTaskChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(InformationRequestChanged event) {
        changes.publish(event.clientId());
    }

}
