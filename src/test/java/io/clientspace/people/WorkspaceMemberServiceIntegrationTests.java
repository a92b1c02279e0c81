package io.clientspace.people;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.AccessRequestResult;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.DevServices;
import io.clientspace.people.process.AccessRequestProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.Inbox;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Workspace members against the real database, engine and mail: "Ask for access" round trips (granted at each level,
 * declined with a message), expiry, and the bad input the issue names. Tom Becker (member) asks; Maria Keller
 * (manager) owns the clients.
 */
@ClientspaceIntegrationTest
class WorkspaceMemberServiceIntegrationTests {

    static final String TOM = "tom.becker@clientspace.example";

    @Autowired
    ClientService clients;
    @Autowired
    WorkspaceMemberService members;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    TimelineService timeline;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @ParameterizedTest
    @EnumSource(value = AccessLevel.class, names = {"VIEWER", "EDITOR", "MANAGER"})
    void anAccessRequestGrantedInOneClickLetsTheRequesterInAtThatLevel(AccessLevel level) throws Exception {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asMember(() -> clients.get(client.id()))).isInstanceOf(NoAccessException.class);

        assertThat(asMember(() -> clients.requestAccess(client.id()))).isEqualTo(AccessRequestResult.SENT);

        MemberAccessRequest request = awaitRequest(client);
        assertThat(request.requester()).isEqualTo("member");
        assertThat(request.requesterName()).isEqualTo("Tom Becker");
        assertThat(decision(client)).as("the owner's My tasks lists the decision").isPresent()
                .get().satisfies(t -> assertThat(t.assignee()).isEqualTo("manager"));
        assertThatThrownBy(() -> asMember(() -> members.members(client.id())))
                .as("who cannot open the client does not see its members").isInstanceOf(NoAccessException.class);

        asManager(() -> members.grantRequest(request.id(), level, null, "Welcome aboard"));

        assertThat(asMember(() -> clients.get(client.id())).id()).isEqualTo(client.id());
        assertThat(asMember(() -> clients.levelOf(client.id()))).isEqualTo(level);
        assertThat(asManager(() -> members.members(client.id())).members())
                .extracting(WorkspaceMember::username, WorkspaceMember::level)
                .contains(org.assertj.core.groups.Tuple.tuple("member", level));
        assertThat(asManager(() -> members.members(client.id())).requests()).isEmpty();
        assertThat(decision(client)).as("the decision left My tasks").isEmpty();
        assertThat(asMember(() -> clients.requestAccess(client.id()))).isEqualTo(AccessRequestResult.HAS_ACCESS);
        Optional<MimeMessage> mail = DevServices.mail().awaitMessage(TOM, "You can now open " + client.name(),
                Duration.ofSeconds(30));
        assertThat(mail).as("the requester is told").isPresent();
        assertThat(body(mail.get())).contains("Maria Keller").contains("Welcome aboard")
                .contains("/" + client.workspacePath());
        assertThatThrownBy(() -> asManager(() -> members.grantRequest(request.id(), level, null, null)))
                .as("answered once").isInstanceOf(io.clientspace.shared.NotFoundException.class);
    }

    @Test
    void aDeclinedRequestKeepsTheRequesterOutAndTellsThemWhy() throws Exception {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asMember(() -> clients.requestAccess(client.id()));
        MemberAccessRequest request = awaitRequest(client);

        asManager(() -> members.declineRequest(request.id(), "Ask Jonas, he runs this account"));

        assertThatThrownBy(() -> asMember(() -> clients.get(client.id()))).isInstanceOf(NoAccessException.class);
        assertThat(decision(client)).isEmpty();
        Optional<MimeMessage> mail = DevServices.mail().awaitMessage(TOM,
                "Your access request for " + client.name() + " was declined", Duration.ofSeconds(30));
        assertThat(mail).isPresent();
        assertThat(body(mail.get())).contains("Ask Jonas, he runs this account");
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("ACCESS_REQUEST_DECLINED");
    }

    @Test
    void accessEndsAfterItsLastDayAndTheRemovalIsOnTheTimeline() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        LocalDate today = LocalDate.now(clock);
        WorkspaceMember granted = asManager(() -> members.grant(client.id(), "member", AccessLevel.EDITOR, today));
        assertThat(granted.endsOn()).isEqualTo(today);
        assertThat(asMember(() -> clients.get(client.id())).id()).as("the last day still counts").isEqualTo(client.id());

        jdbc.update("update workspace_member set ends_on = ends_on - 1 where client_id = ?", client.id());
        assertThatThrownBy(() -> asMember(() -> clients.get(client.id())))
                .as("an ended grant counts for nothing, even before the job runs").isInstanceOf(NoAccessException.class);

        assertThat(members.removeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(asManager(() -> members.members(client.id())).members()).extracting(WorkspaceMember::username)
                .containsExactly("manager");
        assertThat(asManager(() -> timeline.forClient(client.id(), 0)))
                .filteredOn(e -> e.kind().equals("MEMBER_EXPIRED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.subjectTitle()).isEqualTo("Tom Becker");
                    assertThat(e.detail()).isEqualTo(today.minusDays(1).toString());
                });
    }

    @Test
    void anEndDateInThePastIsRefusedAndTheLevelCanBeChangedAndRemoved() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER,
                LocalDate.now(clock).minusDays(1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("endsOn", "members.error.end-in-past")));
        assertThatThrownBy(() -> asManager(() -> members.grant(client.id(), "jonas", AccessLevel.VIEWER, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("members.error.sees-all"));

        WorkspaceMember m = asManager(() -> members.grant(client.id(), "member", AccessLevel.VIEWER, null));
        assertThatThrownBy(() -> asManager(() -> members.grant(client.id(), "member", AccessLevel.EDITOR, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("members.error.already"));
        WorkspaceMember changed = asManager(() -> members.change(client.id(), "member", AccessLevel.EDITOR, null,
                m.version()));
        assertThat(changed.level()).isEqualTo(AccessLevel.EDITOR);
        assertThatThrownBy(() -> asManager(() -> members.change(client.id(), "member", AccessLevel.VIEWER, null,
                m.version()))).as("a stale version").isInstanceOf(io.clientspace.shared.StaleDataException.class);
        assertThatThrownBy(() -> asMember(() -> members.remove(client.id(), "member", changed.version())))
                .as("an editor does not manage members").isInstanceOf(NoAccessException.class);

        asManager(() -> members.remove(client.id(), "member", changed.version()));
        assertThatThrownBy(() -> asMember(() -> clients.get(client.id()))).isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("MEMBER_ADDED_VIEWER", "MEMBER_CHANGED_EDITOR", "MEMBER_REMOVED");
    }

    @Test
    void theLastManagerOfAClientCannotBeRemovedOrLowered() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asManager(() -> members.remove(client.id(), "manager", 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("members.error.remove-owner"));
        WorkspaceMember m = asManager(() -> members.grant(client.id(), "member", AccessLevel.MANAGER, null));
        // the owner left the firm: the member is the client's one manager now
        jdbc.update("update client set owner = 'left-the-firm' where id = ?", client.id());

        assertThatThrownBy(() -> asManager(() -> members.remove(client.id(), "member", m.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("username", "members.error.last-manager", "Tom Becker")));
        assertThatThrownBy(() -> asMember(() -> members.change(client.id(), "member", AccessLevel.EDITOR, null,
                m.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("members.error.last-manager"));
        assertThat(asMember(() -> clients.levelOf(client.id()))).isEqualTo(AccessLevel.MANAGER);
    }

    private MemberAccessRequest awaitRequest(Client client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<MemberAccessRequest> open = asManager(() -> members.members(client.id())).requests();
            if (!open.isEmpty()) {
                return open.get(0);
            }
            assertThat(System.nanoTime()).as("the request reached the Members tab within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private Optional<WorkTask> decision(Client client) {
        return asManager(() -> tasks.inbox(Inbox.OPEN)).stream()
                .filter(t -> client.id().equals(t.clientId())
                        && AccessRequestProcess.DECIDE_TASK.equals(t.processStep()))
                .findFirst();
    }

    private static String body(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String s ? s : new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
