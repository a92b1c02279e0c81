package io.clientspace.task;

import io.clientspace.client.ClientService;
import io.clientspace.deal.DealStepClosed;
import io.clientspace.deal.DealStepOpened;
import io.clientspace.security.StaffDirectory;
import io.clientspace.task.domain.WorkTaskEntity;
import io.clientspace.task.domain.WorkTaskRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks on clients. Process tasks are mirrored here in the engine's own transaction (synchronous listeners), so a
 * counter never disagrees with the engine and never needs to scan it.
 */
@Service
public class WorkTaskService {

    private final WorkTaskRepository tasks;
    private final ClientService clients;
    private final StaffDirectory staff;
    private final Clock clock;

    WorkTaskService(WorkTaskRepository tasks, ClientService clients, StaffDirectory staff, Clock clock) {
        this.tasks = tasks;
        this.clients = clients;
        this.staff = staff;
        this.clock = clock;
    }

    /** Open tasks on the client, soonest due first. */
    @Transactional(readOnly = true)
    public List<WorkTask> openForClient(UUID clientId) {
        clients.requireAccess(clientId);
        LocalDate today = LocalDate.now(clock);
        return tasks.openByClient(clientId).stream()
                .map(t -> new WorkTask(t.getId(), t.getClientId(), t.getTitle(), t.getProcessStep(), t.getAssignee(),
                        t.getAssignee() == null ? null : staff.displayName(t.getAssignee()), t.getDueDate(),
                        t.getDueDate() != null && t.getDueDate().isBefore(today)))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countOpenForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return tasks.countOpenByClient(clientId);
    }

    @EventListener
    void on(DealStepOpened event) {
        tasks.save(WorkTaskEntity.fromProcess(event.clientId(), event.dealId(), event.dealTitle(),
                event.engineTaskId(), event.processStep(), event.assignee(), event.due(), clock.instant()));
    }

    @EventListener
    void on(DealStepClosed event) {
        tasks.findByEngineTaskId(event.engineTaskId()).ifPresent(t -> t.complete(clock.instant()));
    }
}
