package io.clientspace.request;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ProjectService;
import io.clientspace.request.process.ClientRequestProcess;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.Inbox;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request's work step in "My tasks" (DD031), against the real engine and task table: it appears for whoever
 * works on the request and links to its page, leaves while the client has the turn, comes back with the answer, and
 * follows a hand-on.
 */
@ClientspaceIntegrationTest
class ClientRequestMyTasksIntegrationTests {

    @Autowired
    ClientRequestService requests;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    PortalTestData data;
    @Autowired
    ProjectService projects;

    PortalTestData.World a;

    @BeforeEach
    void aClientWithASharedProjectAndAnActiveContact() {
        a = data.world("creqt" + UUID.randomUUID().toString().substring(0, 6));
        asManager(() -> projects.addMember(a.project().id(), "member"));
    }

    @Test
    void theWorkStepFollowsTheTurnAndAHandOn() {
        ClientRequest raised = asA(() -> requests.raiseForCustomer(scopeA(), new RequestDraft("TECHNICAL",
                "Export fails " + a.marker(), null, a.project().id(), null, null)));
        // queued: nobody's step yet
        assertThat(mine(Actors.MEMBER, raised)).isEmpty();

        ClientRequest taken = asMember(() -> requests.take(raised.id()));
        assertThat(mine(Actors.MEMBER, raised)).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo(raised.number() + " Export fails " + a.marker());
            assertThat(t.processStep()).isEqualTo(ClientRequestProcess.WORK_TASK);
            assertThat(t.link()).isEqualTo(ClientRequestNavigation.staffPage(raised.id()));
            assertThat(t.projectId()).as("in the request's place").isEqualTo(a.project().id());
            assertThat(t.assignee()).isEqualTo("member");
        });

        // it is handed on on the request's page, not in My tasks: the task service refuses that
        UUID taskId = mine(Actors.MEMBER, raised).get(0).id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asMember(() -> tasks.assign(taskId, "member",
                "manager"))).isInstanceOfSatisfying(io.clientspace.shared.InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(io.clientspace.shared.FieldProblem::messageKey)
                        .containsExactly("task.error.assigned-elsewhere"));

        // the client has the turn: off the list; the answer brings it back
        ClientRequest asked = asMember(() -> requests.askClient(raised.id(), "Which file?", taken.version()));
        assertThat(mine(Actors.MEMBER, raised)).isEmpty();
        ClientRequest answered = asA(() -> requests.answerForCustomer(scopeA(), raised.id(), "The report",
                asked.version()));
        assertThat(mine(Actors.MEMBER, raised)).hasSize(1);

        // handed on: it is the manager's now, and no longer the member's
        ClientRequest handedOn = asMember(() -> requests.assign(raised.id(), "manager",
                asMember(() -> requests.get(raised.id())).version()));
        assertThat(handedOn.assignee()).isEqualTo("manager");
        assertThat(mine(Actors.MEMBER, raised)).isEmpty();
        assertThat(mine(Actors.MANAGER, raised)).singleElement()
                .satisfies(t -> assertThat(t.link()).isEqualTo(ClientRequestNavigation.staffPage(raised.id())));

        // resolved: off every list
        asManager(() -> requests.resolve(raised.id(), "Fixed", handedOn.version()));
        assertThat(mine(Actors.MANAGER, raised)).isEmpty();
        assertThat(answered.state()).isEqualTo(RequestState.IN_PROGRESS);
    }

    @Test
    void cancellingTheRequestTakesTheStepOffMyTasks() {
        ClientRequest raised = asA(() -> requests.raiseForCustomer(scopeA(), new RequestDraft("TECHNICAL",
                "Login page is slow " + a.marker(), null, a.project().id(), null, null)));
        ClientRequest taken = asMember(() -> requests.take(raised.id()));
        assertThat(mine(Actors.MEMBER, raised)).hasSize(1);

        asA(() -> requests.cancelForCustomer(scopeA(), raised.id(), taken.version()));

        assertThat(mine(Actors.MEMBER, raised)).isEmpty();
    }

    enum Actors { MEMBER, MANAGER }

    /** The open tasks in the person's "My tasks" that are about this request. */
    private List<WorkTask> mine(Actors who, ClientRequest r) {
        Supplier<List<WorkTask>> open = () -> tasks.inbox(Inbox.OPEN);
        List<WorkTask> list = who == Actors.MEMBER ? asMember(open) : asManager(open);
        return list.stream().filter(t -> t.title().startsWith(r.number() + " ")).toList();
    }

    private <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    private CustomerScope scopeA() {
        return asA(() -> portalAccess.current().orElseThrow());
    }
}
