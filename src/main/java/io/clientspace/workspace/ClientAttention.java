package io.clientspace.workspace;

import io.clientspace.client.ClientRef;
import io.clientspace.deal.DealAttention;
import io.clientspace.document.KeyDocuments;
import io.clientspace.task.TaskAttention;

/** One of my clients and what needs attention on it. */
public record ClientAttention(ClientRef client, DealAttention deals, TaskAttention tasks, KeyDocuments keyDocuments) {

    public long missingKeyDocuments() {
        return keyDocuments.states().values().stream().filter(s -> s == KeyDocuments.State.MISSING).count();
    }

    public long total() {
        return deals.total() + tasks.total() + missingKeyDocuments();
    }
}
