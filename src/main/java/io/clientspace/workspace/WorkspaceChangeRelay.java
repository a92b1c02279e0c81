package io.clientspace.workspace;

import io.clientspace.shared.ActivityRecorded;
import io.clientspace.project.SharingChanged;
import io.clientspace.project.ProjectChanged;
import io.clientspace.extranet.PortalAccessChanged;
import io.clientspace.document.DocumentChanged;
import io.clientspace.deal.DealStalled;
import io.clientspace.file.FileChanged;
import io.clientspace.inforequest.InformationRequestChanged;
import io.clientspace.client.ClientCreated;
import io.clientspace.deal.DealEdited;
import io.clientspace.deal.DealStageChanged;
import io.clientspace.deal.DealStepOpened;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.task.WorkTaskChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one path from the modules' events to "this client changed" notifications. They run inside the change's
 * transaction: PostgreSQL delivers a NOTIFY only when that transaction commits, and drops it on rollback, and
 * {@link ClientChanges} sends at most one per client per transaction. Every open workspace of that client, on any
 * node, then refreshes its counters (docs/decisions/DD013-in-transaction-listeners.md).
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
    void on(DealEdited event) {
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

    @EventListener
    void on(DealStalled event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(DocumentChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(PortalAccessChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(ProjectChanged event) {
        changes.publish(event.clientId());
    }

    @EventListener
    void on(SharingChanged event) {
        changes.publish(event.clientId());
    }

    /** Proposals, acceptances, comments and whatever else a module records on the timeline. */
    @EventListener
    void on(ActivityRecorded event) {
        changes.publish(event.clientId());
    }
}
