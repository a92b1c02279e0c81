package io.clientspace.task;

import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.ClientArchiveParticipant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The preview line for the client's open ad-hoc tasks, which archiving cancels (WorkTaskService#on). */
@Component
class ArchivedClientTasks implements ClientArchiveParticipant {

    private final WorkTaskService tasks;

    ArchivedClientTasks(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<ArchiveConsequence> whenArchived(UUID clientId) {
        return ArchiveConsequence.of("task.archive.consequence", tasks.openForArchive(clientId));
    }

    @Override
    public int order() {
        return 20;
    }
}
