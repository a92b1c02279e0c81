package io.clientspace.extranet.process;

import io.clientspace.client.ClientService;
import io.clientspace.shared.IsoDurations;
import io.clientspace.shared.ProcessTaskChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the review task in "My tasks" (DD004): the task module's row follows the engine's user task (created,
 * assigned also in Camunda Tasklist, completed or deleted), inside the engine's transaction, through
 * {@link ProcessTaskChanged}, as the task module depends on this one. It is due when the
 * review would go to a manager.
 */
@Component(AccessReviewProcess.TASK_LISTENER)
class AccessReviewTaskListener implements TaskListener {

    private final ClientService clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessReviewTaskListener(ClientService clients, ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                UUID clientId = UUID.fromString(String.valueOf(task.getVariable(AccessReviewProcess.VAR_CLIENT_ID)));
                String name = clients.refForNotification(clientId).map(c -> c.name()).orElse(clientId.toString());
                LocalDate due = null;
                if (AccessReviewProcess.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
                    Object after = task.getVariable(AccessReviewProcess.VAR_ESCALATE_AFTER);
                    due = LocalDate.now(clock).plusDays(
                            IsoDurations.parse(String.valueOf(after)).toDays());
                }
                events.publishEvent(new ProcessTaskChanged(ProcessTaskChanged.Change.OPENED, task.getId(), clientId,
                        name, task.getTaskDefinitionKey(), task.getAssignee(), due));
            }
            case EVENTNAME_ASSIGNMENT -> events.publishEvent(new ProcessTaskChanged(ProcessTaskChanged.Change.ASSIGNED,
                    task.getId(), null, null, null, task.getAssignee(), null));
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> events.publishEvent(new ProcessTaskChanged(
                    ProcessTaskChanged.Change.CLOSED, task.getId(), null, null, null, null, null));
            default -> {
                // other events do not change what the lists show
            }
        }
    }
}
