package io.clientspace.extranet;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.extranet.process.AccessReviewProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Access recertification end to end on the real engine, database and Keycloak: the first sign-in starts the reviews,
 * the period's timer opens one for the owner (listed in My tasks), and the answer keeps or revokes access, goes on the
 * timeline, and meets a revocation made elsewhere without revoking twice.
 */
@ClientspaceIntegrationTest
class AccessReviewIntegrationTests {

    @Autowired
    AccessReviewService reviews;
    @Autowired
    ExternalAccessService access;
    @Autowired
    ClientService clients;
    @Autowired
    WorkTaskService tasks;
    @Autowired
    TimelineService timeline;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void theOwnerKeepsEveryoneAndTheReviewWaitsForTheNextPeriod() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        active(client, "Anna Aktiv");
        active(client, "Bernd Aktiv");
        active(client, "Carla Aktiv");
        assertThat(asManager(() -> reviews.openReview(client.id()))).as("nothing until the period is over").isEmpty();

        AccessReview review = due(client);

        assertThat(review.reviewerName()).isEqualTo("Maria Keller");
        assertThat(review.canAnswer()).isTrue();
        assertThat(review.items()).extracting(AccessReview.Item::displayName)
                .containsExactly("Anna Aktiv", "Bernd Aktiv", "Carla Aktiv");
        assertThat(review.items()).allSatisfy(i -> assertThat(i.lastSignInAt()).isNotNull());
        assertThat(asManager(() -> tasks.openForClient(client.id()))).filteredOn(WorkTask::isProcessStep)
                .singleElement().satisfies(t -> {
                    assertThat(t.processStep()).isEqualTo(AccessReviewProcess.REVIEW_TASK);
                    assertThat(t.assignee()).isEqualTo("manager");
                    assertThat(t.due()).isNotNull();
                });
        assertThat(asManager(() -> tasks.inbox(io.clientspace.task.Inbox.OPEN))).as("Maria's My tasks")
                .anyMatch(t -> t.clientId().equals(client.id())
                        && AccessReviewProcess.REVIEW_TASK.equals(t.processStep()));

        ReviewOutcome outcome = asManager(() -> reviews.answer(review.id(), all(review, ReviewDecision.KEEP)));

        assertThat(outcome.kept()).containsExactly("Anna Aktiv", "Bernd Aktiv", "Carla Aktiv");
        assertThat(outcome.revoked()).isEmpty();
        assertThat(asManager(() -> access.forClient(client.id()))).extracting(PortalAccount::status)
                .containsOnly("ACTIVE");
        assertThat(asManager(() -> reviews.openReview(client.id()))).isEmpty();
        assertThat(asManager(() -> tasks.openForClient(client.id()))).noneMatch(WorkTask::isProcessStep);
        assertThat(kinds(client)).contains("ACCESS_REVIEW_OPENED").containsOnlyOnce("ACCESS_REVIEW_OPENED")
                .filteredOn("ACCESS_REVIEW_KEEP"::equals).hasSize(3);
        assertThat(reviewTimer(client)).as("the next review waits").isNotNull();
    }

    @Test
    void revokingOneContactEndsTheirAccessAndKeepsTheOthers() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        PortalAccount keep = active(client, "Kai Bleibt");
        PortalAccount go = active(client, "Gina Geht");
        AccessReview review = due(client);

        ReviewOutcome outcome = asManager(() -> reviews.answer(review.id(),
                Map.of(keep.id(), ReviewDecision.KEEP, go.id(), ReviewDecision.REVOKE)));

        assertThat(outcome.revoked()).containsExactly("Gina Geht");
        assertThat(outcome.kept()).containsExactly("Kai Bleibt");
        assertThat(status(client, go.id())).isEqualTo("REVOKED");
        assertThat(status(client, keep.id())).isEqualTo("ACTIVE");
        assertThat(access.mayUsePortal(go.email(), client.id())).isFalse();
        assertThat(kinds(client)).contains("ACCESS_REVIEW_KEEP", "ACCESS_REVIEW_REVOKE")
                .containsOnlyOnce("EXTERNAL_REVOKED");
    }

    @Test
    void aDecisionOnAContactRevokedMeanwhileIsStaleAndRevokesNothingTwice() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        PortalAccount stays = active(client, "Sven Bleibt");
        PortalAccount gone = active(client, "Rita Schonweg");
        AccessReview review = due(client);
        asManager(() -> access.revoke(gone.id()));
        assertThat(asManager(() -> reviews.openReview(client.id())).orElseThrow().items())
                .filteredOn(AccessReview.Item::revokedMeanwhile).extracting(AccessReview.Item::displayName)
                .containsExactly("Rita Schonweg");

        ReviewOutcome outcome = asManager(() -> reviews.answer(review.id(),
                Map.of(stays.id(), ReviewDecision.KEEP, gone.id(), ReviewDecision.REVOKE)));

        assertThat(outcome.stale()).containsExactly("Rita Schonweg");
        assertThat(outcome.revoked()).isEmpty();
        assertThat(kinds(client)).containsOnlyOnce("EXTERNAL_REVOKED").contains("ACCESS_REVIEW_STALE");
        assertThatThrownBy(() -> asManager(() -> reviews.answer(review.id(),
                Map.of(stays.id(), ReviewDecision.REVOKE, gone.id(), ReviewDecision.REVOKE))))
                .as("answered already: nothing changes")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("review", "access-review.errors.answered", "Maria Keller")));
        assertThat(status(client, stays.id())).isEqualTo("ACTIVE");
    }

    @Test
    void aReviewWithoutADecisionForEveryoneIsRefusedAndStaysOpen() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        PortalAccount decided = active(client, "Dora Entschieden");
        active(client, "Ulf Offen");
        AccessReview review = due(client);

        assertThatThrownBy(() -> asManager(() -> reviews.answer(review.id(),
                Map.of(decided.id(), ReviewDecision.REVOKE))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("access-review.errors.undecided"));

        assertThat(asManager(() -> reviews.openReview(client.id()))).isPresent();
        assertThat(status(client, decided.id())).as("nothing half-saved").isEqualTo("ACTIVE");
    }

    @Test
    void aReviewTheOwnerLeavesUnansweredGoesToAManagerWhoAnswersIt() {
        Client client = asMember(() -> clients.create(ClientTestData.company("member"), false));
        PortalAccount contact = active(client, "Erik Eskaliert");
        AccessReview review = due(client);
        assertThat(review.reviewerName()).isEqualTo("Tom Becker");
        assertThat(asMember(() -> reviews.openReview(client.id())).orElseThrow().canAnswer())
                .as("the member owns the client: the review is theirs").isTrue();

        Job overdue = reviewTimer(client);
        management.executeJob(overdue.getId());

        AccessReview escalated = asMember(() -> reviews.openReview(client.id())).orElseThrow();
        assertThat(escalated.escalatedToName()).isNotNull();
        assertThat(escalated.canAnswer()).as("the owner's turn is over").isFalse();
        assertThatThrownBy(() -> asMember(() -> reviews.answer(review.id(),
                Map.of(contact.id(), ReviewDecision.KEEP)))).isInstanceOf(NoAccessException.class);
        assertThat(kinds(client)).contains("ACCESS_REVIEW_ESCALATED");
        assertThat(asManager(() -> tasks.openForClient(client.id()))).filteredOn(WorkTask::isProcessStep)
                .singleElement().satisfies(t -> {
                    assertThat(t.processStep()).isEqualTo(AccessReviewProcess.ESCALATED_TASK);
                    assertThat(t.assigneeName()).isEqualTo(escalated.escalatedToName());
                });

        ReviewOutcome outcome = asManager(() -> reviews.answer(review.id(),
                Map.of(contact.id(), ReviewDecision.REVOKE)));

        assertThat(outcome.revoked()).containsExactly("Erik Eskaliert");
        assertThat(status(client, contact.id())).isEqualTo("REVOKED");
    }

    @Test
    void aMemberWhoOwnsTheClientSeesItsAccessReadOnlyAndOthersNotAtAll() {
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        PortalAccount contact = asManager(() -> access.addContact(own.id(),
                new PortalContactDraft("Lea Lesbar", email("lea"), PortalRole.OTHER), false));

        assertThat(asMember(() -> access.canManage())).isFalse();
        assertThat(asMember(() -> access.forClient(own.id()))).extracting(PortalAccount::displayName)
                .containsExactly("Lea Lesbar");
        assertThat(asMember(() -> access.summary(own.id()))).isEqualTo(new AccessSummary(0, 0, 0, 1));
        assertThat(asMember(() -> access.whoCanManage())).contains("Maria Keller").doesNotContain("Tom Becker");
        assertThatThrownBy(() -> asMember(() -> access.invite(contact.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> access.revoke(contact.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> access.addContact(own.id(),
                new PortalContactDraft("Max Neu", email("max"), PortalRole.OTHER), false)))
                .isInstanceOf(NoAccessException.class);
        assertThat(status(own, contact.id())).isEqualTo("NOT_INVITED");

        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asMember(() -> access.forClient(managers.id())))
                .isInstanceOf(NoAccessException.class);
    }

    @Test
    void archivingTheClientCancelsItsOpenReviewAndTakesTheTaskOutOfMyTasks() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        active(client, "Arno Archiv");
        due(client);
        long version = asManager(() -> clients.get(client.id())).version();

        asManager(() -> clients.archive(client.id(), version, "client archived"));

        assertThat(asManager(() -> reviews.openReview(client.id()))).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(client.id().toString()).count()).isZero();
        assertThat(asManager(() -> tasks.inbox(io.clientspace.task.Inbox.OPEN)))
                .noneMatch(t -> t.clientId().equals(client.id()));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private PortalAccount active(Client client, String name) {
        String email = email(name.toLowerCase().replace(' ', '.'));
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft(name, email, PortalRole.APPROVER), true));
        access.recordSignIn(email);
        return invited;
    }

    private static String email(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The review period ends now: the timer fires as the job executor would. */
    private AccessReview due(Client client) {
        management.executeJob(reviewTimer(client).getId());
        return asManager(() -> reviews.openReview(client.id())).orElseThrow();
    }

    private Job reviewTimer(Client client) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(client.id().toString()).singleResult();
        assertThat(instance).as("the reviews of %s run", client.name()).isNotNull();
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private static Map<UUID, ReviewDecision> all(AccessReview review, ReviewDecision decision) {
        Map<UUID, ReviewDecision> decisions = new java.util.HashMap<>();
        review.items().forEach(i -> decisions.put(i.accountId(), decision));
        return decisions;
    }

    private String status(Client client, UUID accountId) {
        return asManager(() -> access.forClient(client.id())).stream().filter(a -> a.id().equals(accountId))
                .findFirst().orElseThrow().status();
    }

    private List<String> kinds(Client client) {
        return asManager(() -> timeline.forClient(client.id(), 0)).stream().map(TimelineEntry::kind).toList();
    }
}
