package io.clientspace.people.process;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ProcessTaskChanged;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the decision in "My tasks" (DD004): the task module's row follows the engine's user task, inside the
 * engine's transaction, through {@link ProcessTaskChanged}. Its title names who asks and for which client.
 */
@Component(AccessRequestProcess.TASK_LISTENER)
class AccessRequestTaskListener implements TaskListener {

    private final ClientService clients;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;

    AccessRequestTaskListener(ClientService clients, StaffDirectory staff, ApplicationEventPublisher events) {
        this.clients = clients;
        this.staff = staff;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                UUID clientId = UUID.fromString(String.valueOf(task.getVariable(AccessRequestProcess.VAR_CLIENT_ID)));
                String requester = String.valueOf(task.getVariable(AccessRequestProcess.VAR_REQUESTER));
                String client = clients.refForNotification(clientId).map(ClientRef::name).orElse(clientId.toString());
                events.publishEvent(new ProcessTaskChanged(ProcessTaskChanged.Change.OPENED, task.getId(), clientId,
                        staff.displayName(requester) + " → " + client, task.getTaskDefinitionKey(), task.getAssignee(),
                        null));
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
