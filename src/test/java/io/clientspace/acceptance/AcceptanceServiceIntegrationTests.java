package io.clientspace.acceptance;

import io.clientspace.file.StorageProperties;
import java.io.ByteArrayInputStream;
import org.springframework.dao.DataAccessException;
import io.clientspace.document.DocumentType;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.security.access.AccessDeniedException;
import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.acceptance.process.DocumentAcceptanceProcess;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.DevServices;
import io.clientspace.devservices.TestClock;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentVersion;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptances against the real database, engine, storage and mail server: sent by a manager, accepted by the
 * customer with evidence, expired by the model's timer, and everything a customer, a colleague or a race could try
 * that must change nothing.
 */
@ClientspaceIntegrationTest
class AcceptanceServiceIntegrationTests {

    @Autowired
    AcceptanceService acceptances;
    @Autowired
    PortalTestData data;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    DocumentService documents;
    @Autowired
    ClientService clients;
    @Autowired
    TimelineService timeline;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.minio.MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    Clock clock;

    /** Who sends acceptances in these tests: the manager, Maria Keller. */
    static final String SENDER = "maria.keller@clientspace.example";

    PortalTestData.World a;
    PortalTestData.World b;
    DocumentVersion version;
    Instant inAWeek;

    @BeforeEach
    void twoCustomers() {
        a = data.world("alpha");
        b = data.world("bravo");
        version = asManager(() -> documents.versions(a.sharedDocument().id())).get(0);
        inAWeek = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
    }

    <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    /** The world's customer's portal scope, as the portal gets it for them when they sign in. */
    CustomerScope viewer(PortalTestData.World world) {
        return asCustomer(world.username(), world.client().id(), () -> portalAccess.current().orElseThrow());
    }

    CustomerScope viewerA() {
        return viewer(a);
    }

    String nameOfA() {
        return "Test Customer alpha";
    }

    @Test
    void theCustomerIsMailedAndAcceptsWithEvidenceOfWhoWhenWhereAndWhichBytes() throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(version.id(), inAWeek));
        assertThat(sent.status()).isEqualTo(AcceptanceStatus.PENDING);
        assertThat(sent.sha256()).isEqualTo(version.sha256());
        assertThat(waiting(sent.id())).isTrue();

        List<MimeMessage> mails = DevServices.mail().awaitMessages(a.username() + "@example.org", 1, Duration.ofSeconds(20));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(a.sharedDocument().title());
        assertThat(body(mails.get(0))).contains("/portal/acceptances/" + sent.id());

        List<CustomerAcceptance> seen = asA(() -> acceptances.forCustomer(viewerA()));
        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(AcceptanceStatus.PENDING);
            assertThat(c.expiresAt()).isEqualTo(inAWeek);
        });
        assertThat(asA(() -> acceptances.customerLink(viewerA(), sent.id(), true)))
                .contains("response-content-disposition=inline");

        // a name that is not the contact's is refused and changes nothing
        assertProblem(() -> asA(() -> acceptances.accept(viewerA(), sent.id(), "Somebody Else",
                "203.0.113.7", "Test browser")), "acceptance.error.name-mismatch");
        assertProblem(() -> asA(() -> acceptances.accept(viewerA(), sent.id(), "  ",
                "203.0.113.7", "Test browser")), "acceptance.error.name-required");
        assertThat(statusOf(sent.id())).isEqualTo("PENDING");

        // case and spacing aside, the contact's own name accepts it
        Instant acceptedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AcceptOutcome outcome;
        try (TestClock.Unpin at = TestClock.pin(acceptedAt)) {
            outcome = asA(() -> acceptances.accept(viewerA(), sent.id(),
                    "  test customer   ALPHA ", "203.0.113.7", "Test browser"));
        }
        assertThat(outcome.alreadyAccepted()).isFalse();
        assertThat(outcome.acceptance().status()).isEqualTo(AcceptanceStatus.ACCEPTED);
        assertThat(waiting(sent.id())).isFalse();

        AcceptanceEvidence evidence = asManager(() -> acceptances.evidence(sent.id()));
        assertThat(evidence.typedName()).isEqualTo("test customer   ALPHA");
        assertThat(evidence.accountId()).isEqualTo(a.accountId());
        assertThat(evidence.username()).isEqualTo(a.username());
        assertThat(evidence.ipAddress()).isEqualTo("203.0.113.7");
        assertThat(evidence.sha256()).isEqualTo(version.sha256());
        assertThat(evidence.acceptedAt()).as("the clock's time when it was accepted").isEqualTo(acceptedAt);
        String export = new String(asManager(() -> acceptances.evidenceExport(sent.id())), StandardCharsets.UTF_8);
        assertThat(export).contains(version.sha256(), "203.0.113.7", a.accountId().toString(), "test customer");

        assertThat(kinds()).contains("ACCEPTANCE_SENT", "ACCEPTANCE_ACCEPTED");
        // an accepted version is not sent again; a new version would be
        assertProblem(() -> asManager(() -> acceptances.send(version.id(), inAWeek)),
                "acceptance.error.version-accepted");
        // the sender hears of it
        assertThat(DevServices.mail().awaitMessage("maria.keller@clientspace.example", "Accepted by the client: "
                + a.sharedDocument().title(), Duration.ofSeconds(20))).isPresent();
    }

    @Test
    void withoutAPortalContactNothingCanBeSent() {
        Client lonely = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        var doc = asManager(() -> documents.create(lonely.id(), "Lonely contract", DocumentType.CONTRACT,
                "lonely.pdf", pdf()));
        UUID versionId = asManager(() -> documents.versions(doc.id())).get(0).id();
        assertThat(asManager(() -> acceptances.hasRecipients(lonely.id()))).isFalse();

        assertProblem(() -> asManager(() -> acceptances.send(versionId, inAWeek)), "acceptance.error.no-contacts");
        assertThat(asManager(() -> acceptances.forDocument(doc.id()))).isEmpty();
    }

    @Test
    void aDeadlineMustBeGivenAtLeastAnHourAheadAndWithinAYear() {
        assertProblem(() -> asManager(() -> acceptances.send(version.id(), null)), "acceptance.error.deadline-required");
        assertProblem(() -> asManager(() -> acceptances.send(version.id(), clock.instant().plusSeconds(600))),
                "acceptance.error.deadline-too-soon");
        assertProblem(() -> asManager(() -> acceptances.send(version.id(), clock.instant().plus(Duration.ofDays(400)))),
                "acceptance.error.deadline-too-far");
        assertThat(asManager(() -> acceptances.forDocument(a.sharedDocument().id()))).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DocumentAcceptanceProcess.PROCESS_ID)
                .variableValueEquals(DocumentAcceptanceProcess.VAR_EXPIRES_AT, null).count()).isZero();
    }

    @Test
    void aMemberMaySeeButNotSendAndOneDocumentWaitsForOneAcceptanceAtATime() {
        assertThatThrownBy(() -> asMember(() -> acceptances.send(version.id(), inAWeek)))
                .isInstanceOfAny(NoAccessException.class, NotFoundException.class);
        asManager(() -> acceptances.send(version.id(), inAWeek));
        assertProblem(() -> asManager(() -> acceptances.send(version.id(), inAWeek)),
                "acceptance.error.already-pending");
        assertThat(asManager(() -> acceptances.forDocument(a.sharedDocument().id()))).hasSize(1);
    }

    @Test
    void anotherCustomersAcceptanceIsNotFoundWhateverTheyTry() {
        UUID versionOfB = asManager(() -> documents.versions(b.sharedDocument().id())).get(0).id();
        Acceptance ofB = asManager(() -> acceptances.send(versionOfB, inAWeek));

        assertThat(asA(() -> acceptances.forCustomer(viewerA()))).isEmpty();
        assertThatThrownBy(() -> asA(() -> acceptances.forCustomer(viewerA(), ofB.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> acceptances.customerLink(viewerA(), ofB.id(), false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> acceptances.accept(viewerA(), ofB.id(),
                nameOfA(), "203.0.113.7", null))).isInstanceOf(NotFoundException.class);
        // nor may A ask with B's scope
        CustomerScope viewerB = viewer(b);
        assertThatThrownBy(() -> asA(() -> acceptances.forCustomer(viewerB)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(statusOf(ofB.id())).isEqualTo("PENDING");
    }

    @Test
    void afterTheDeadlineNothingCanBeAcceptedAndReSendingStartsAFreshAcceptance() {
        Acceptance sent = asManager(() -> acceptances.send(version.id(), inAWeek));
        assertProblem(() -> asManager(() -> acceptances.resend(sent.id(), inAWeek)),
                "acceptance.error.resend-not-expired");

        management.executeJob(expiryTimer(sent.id()).getId());

        assertThat(statusOf(sent.id())).isEqualTo("EXPIRED");
        assertThat(waiting(sent.id())).isFalse();
        assertProblem(() -> asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(),
                "203.0.113.7", null)), "acceptance.error.expired");
        assertThat(statusOf(sent.id())).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> asManager(() -> acceptances.evidence(sent.id()))).isInstanceOf(NotFoundException.class);
        assertThat(kinds()).contains("ACCEPTANCE_EXPIRED");

        Acceptance again = asManager(() -> acceptances.resend(sent.id(), inAWeek.plus(Duration.ofDays(1))));
        assertThat(again.id()).isNotEqualTo(sent.id());
        assertThat(again.status()).isEqualTo(AcceptanceStatus.PENDING);
        assertThat(waiting(again.id())).isTrue();
        assertThat(asA(() -> acceptances.forCustomer(viewerA()))).extracting(CustomerAcceptance::status)
                .containsExactly(AcceptanceStatus.PENDING, AcceptanceStatus.EXPIRED);
    }

    /**
     * The model's reminder timer reminds the contacts and the colleague who sent it, once: a second call (the skip
     * condition "reminded already") sends nothing, as a marker mail sent afterwards shows.
     */
    @Test
    void theReminderGoesToTheContactsAndTheSenderOnce() throws Exception {
        DocumentVersion fresh = freshVersion("Reminded");
        Acceptance sent = asManager(() -> acceptances.send(fresh.id(), inAWeek));
        Job reminder = management.createJobQuery().processInstanceId(instanceOf(sent.id())).timers()
                .activityId(DocumentAcceptanceProcess.REMINDER_TIMER).singleResult();
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(inAWeek.minus(Duration.ofHours(48)));

        management.executeJob(reminder.getId());

        var mail = DevServices.mail();
        String title = sent.documentTitle();
        assertThat(mail.awaitMessage(contactOfA(), reminderSubject(title), Duration.ofSeconds(20)))
                .as("the contact's reminder").isPresent();
        assertThat(mail.awaitMessage(SENDER, "Not accepted yet: " + title, Duration.ofSeconds(20)))
                .as("the sender's reminder").isPresent();
        assertThat(management.createJobQuery().processInstanceId(instanceOf(sent.id()))
                .activityId(DocumentAcceptanceProcess.REMINDER_TIMER).count()).as("no second reminder timer").isZero();
        assertThat(acceptances.remind(sent.id(), Duration.ofHours(48))).as("reminded already").isFalse();

        asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(), "203.0.113.7", null));
        assertThat(mail.awaitMessage(SENDER, "Accepted by the client: " + title, Duration.ofSeconds(20)))
                .as("the marker mail, sent after the second call").isPresent();
        assertThat(subjectsTo(contactOfA())).filteredOn(reminderSubject(title)::equals).hasSize(1);
        assertThat(subjectsTo(SENDER)).filteredOn(("Not accepted yet: " + title)::equals).hasSize(1);
        assertThat(asManager(() -> acceptances.forDocument(fresh.documentId()))).singleElement()
                .satisfies(x -> assertThat(x.remindedAt()).isNotNull());
        assertThat(activity(fresh.documentId(), "ACCEPTANCE_REMINDED")).isEqualTo(1);
    }

    /** Skip condition: sent inside the reminder window, its first mail already named the deadline. */
    @Test
    void noReminderForAnAcceptanceSentInsideTheReminderWindow() throws Exception {
        DocumentVersion fresh = freshVersion("Short notice");
        Instant tomorrow = clock.instant().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS);
        Acceptance sent = asManager(() -> acceptances.send(fresh.id(), tomorrow));

        assertThat(acceptances.remind(sent.id(), Duration.ofHours(48))).isFalse();

        assertNoReminder(sent);
    }

    /** Skip condition: no longer pending, here accepted before the reminder was due. */
    @Test
    void noReminderForAnAcceptanceThatIsNoLongerPending() throws Exception {
        DocumentVersion fresh = freshVersion("Quick answer");
        Acceptance sent = asManager(() -> acceptances.send(fresh.id(), inAWeek));
        asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(), "203.0.113.7", null));

        assertThat(acceptances.remind(sent.id(), Duration.ofHours(48))).isFalse();

        assertNoReminder(sent);
    }

    /** Skip condition: reminded already; the first reminder went out, a second call sends nothing. */
    @Test
    void noSecondReminderForAnAcceptanceRemindedAlready() throws Exception {
        DocumentVersion fresh = freshVersion("Reminded twice");
        Acceptance sent = asManager(() -> acceptances.send(fresh.id(), inAWeek));
        assertThat(acceptances.remind(sent.id(), Duration.ofHours(48))).isTrue();
        assertThat(DevServices.mail().awaitMessage(contactOfA(), reminderSubject(sent.documentTitle()),
                Duration.ofSeconds(20))).isPresent();

        assertThat(acceptances.remind(sent.id(), Duration.ofHours(48))).isFalse();

        sendMarker();
        assertThat(subjectsTo(contactOfA())).filteredOn(reminderSubject(sent.documentTitle())::equals).hasSize(1);
        assertThat(activity(fresh.documentId(), "ACCEPTANCE_REMINDED")).isEqualTo(1);
    }

    /** Nothing was reminded: no timeline entry, no remindedAt, and no mail up to a marker mail sent afterwards. */
    private void assertNoReminder(Acceptance sent) throws Exception {
        sendMarker();
        assertThat(subjectsTo(contactOfA())).noneMatch(reminderSubject(sent.documentTitle())::equals);
        assertThat(subjectsTo(SENDER)).noneMatch(("Not accepted yet: " + sent.documentTitle())::equals);
        assertThat(activity(sent.documentId(), "ACCEPTANCE_REMINDED")).isZero();
        assertThat(jdbc.queryForObject("select reminded_at is null from document_acceptance where id = ?",
                Boolean.class, sent.id())).isTrue();
    }

    /**
     * A mail to A's contact and one to the sender, through the same after-commit pipeline, started after whatever
     * the test checks; once both arrived, a mail that pipeline had been asked to send before would be there too.
     */
    private void sendMarker() throws Exception {
        Acceptance marker = asManager(() -> acceptances.send(freshVersion("Marker").id(), inAWeek));
        assertThat(DevServices.mail().awaitMessage(contactOfA(), "Please review and accept: " + marker.documentTitle(),
                Duration.ofSeconds(20))).as("the marker mail").isPresent();
        asA(() -> acceptances.accept(viewerA(), marker.id(), nameOfA(), "203.0.113.7", null));
        assertThat(DevServices.mail().awaitMessage(SENDER, "Accepted by the client: " + marker.documentTitle(),
                Duration.ofSeconds(20))).as("the sender's marker mail").isPresent();
    }

    private String contactOfA() {
        return a.username() + "@example.org";
    }

    private static String reminderSubject(String title) {
        return "Reminder: " + title + " is waiting for your acceptance";
    }

    private static List<String> subjectsTo(String address) {
        return DevServices.mail().received().stream().filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(AcceptanceServiceIntegrationTests::subject).toList();
    }

    /**
     * Two accepts of one acceptance pass one barrier together, twenty times, each on a fresh document: one accepts,
     * the other finds it accepted; one timeline entry; the process has ended.
     */
    @Test
    void twoAcceptsAtOnceGiveOneAcceptance() throws Exception {
        Race.repeat(this::twoAccepts);
    }

    @Test
    void withoutTheRowLockTwoAcceptsBreak() {
        assertThat(Race.brokenWithoutGates(this::twoAccepts)).as("a round that broke").isPositive();
    }

    void twoAccepts(int round) throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(freshVersion("Twice " + round).id(), inAWeek));
        CustomerScope viewer = viewerA();
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> acceptances.accept(viewer, sent.id(), nameOfA(), "198.51.100.1", null)),
                () -> asA(() -> acceptances.accept(viewer, sent.id(), nameOfA(), "198.51.100.2", null)));

        assertThat(results).as("neither call fails").noneMatch(Race.Result::failed);
        assertThat(results.stream().map(r -> ((AcceptOutcome) r.value()).alreadyAccepted()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(statusOf(sent.id())).isEqualTo("ACCEPTED");
        assertThat(activity(sent.documentId(), "ACCEPTANCE_ACCEPTED")).isEqualTo(1);
        assertThat(waiting(sent.id())).isFalse();
    }

    /**
     * The customer's accept and the deadline's timer job pass one barrier together, twenty times, each on a fresh
     * document. Either the accept wins (the timer's job then fails in the engine and changed nothing) or the timer
     * wins (the accept is refused as expired). The timer's exceptions are asserted, never swallowed.
     */
    @Test
    void anAcceptRacingTheDeadlineEndsInOneConsistentState() throws Exception {
        Race.repeat(this::acceptAgainstTheDeadline);
    }

    @Test
    void withoutTheRowLockAnAcceptAndTheDeadlineBreak() {
        assertThat(Race.brokenWithoutGates(this::acceptAgainstTheDeadline)).as("a round that broke").isPositive();
    }

    void acceptAgainstTheDeadline(int round) throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(freshVersion("Deadline " + round).id(), inAWeek));
        String timer = expiryTimer(sent.id()).getId();
        CustomerScope viewer = viewerA();
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> acceptances.accept(viewer, sent.id(), nameOfA(), "198.51.100.3", null)),
                () -> {
                    management.executeJob(timer);
                    return "the timer ran";
                });
        Race.Result accept = results.get(0);
        Race.Result expiry = results.get(1);

        String status = statusOf(sent.id());
        assertThat(waiting(sent.id())).isFalse();
        if ("ACCEPTED".equals(status)) {
            assertThat(accept.value()).as("the accept %s", accept).isInstanceOf(AcceptOutcome.class);
            assertThat(((AcceptOutcome) accept.value()).alreadyAccepted()).isFalse();
            assertThat(expiry.failed()).as("the timer's job after the accept won: %s", expiry).isTrue();
            Race.assertTimerLostInTheEngine(expiry.error());
            assertThat(activity(sent.documentId(), "ACCEPTANCE_ACCEPTED")).isEqualTo(1);
            assertThat(activity(sent.documentId(), "ACCEPTANCE_EXPIRED")).isZero();
            assertThat(management.createJobQuery().jobId(timer).count()).isZero();
        } else {
            assertThat(status).isEqualTo("EXPIRED");
            assertThat(expiry.failed()).as("the timer's job %s", expiry).isFalse();
            assertThat(accept.error()).as("the accept %s", accept).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                            .containsExactly("acceptance.error.expired"));
            assertThat(activity(sent.documentId(), "ACCEPTANCE_EXPIRED")).isEqualTo(1);
            assertThat(activity(sent.documentId(), "ACCEPTANCE_ACCEPTED")).isZero();
            assertThat(jdbc.queryForObject("select accepted_at is null from document_acceptance where id = ?",
                    Boolean.class, sent.id())).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------- taking it back (issue 17)

    @Test
    void aWithdrawnAcceptanceCanNoLongerBeAcceptedTheContactsAreMailedAndItCanBeSentAgain() throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(version.id(), inAWeek));
        assertProblem(() -> asManager(() -> acceptances.withdraw(sent.id(), " ")),
                "acceptance.error.withdraw-reason-required");
        assertThatThrownBy(() -> asMember(() -> acceptances.withdraw(sent.id(), "Not mine to take back")))
                .isInstanceOfAny(NoAccessException.class, NotFoundException.class);
        assertThat(statusOf(sent.id())).isEqualTo("PENDING");

        Acceptance withdrawn = asManager(() -> acceptances.withdraw(sent.id(), "Wrong version attached"));

        assertThat(withdrawn.status()).isEqualTo(AcceptanceStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawReason()).isEqualTo("Wrong version attached");
        assertThat(withdrawn.withdrawnByName()).isEqualTo("Maria Keller");
        assertThat(waiting(sent.id())).as("the process ended").isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(sent.id().toString()).count())
                .isZero();
        CustomerAcceptance seen = asA(() -> acceptances.forCustomer(viewerA(), sent.id()));
        assertThat(seen.status()).isEqualTo(AcceptanceStatus.WITHDRAWN);
        assertThat(seen.withdrawReason()).isEqualTo("Wrong version attached");
        assertProblem(() -> asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(), "203.0.113.7", null)),
                "acceptance.error.withdrawn");
        assertThat(statusOf(sent.id())).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select accepted_at is null from document_acceptance where id = ?",
                Boolean.class, sent.id())).isTrue();
        assertThat(kinds()).contains("ACCEPTANCE_WITHDRAWN");
        assertThat(activity(sent.documentId(), "ACCEPTANCE_WITHDRAWN")).isEqualTo(1);
        var mail = DevServices.mail().awaitMessage(a.username() + "@example.org",
                "Withdrawn: " + a.sharedDocument().title(), Duration.ofSeconds(20));
        assertThat(mail).as("the withdrawal mail to the portal contact").isPresent();
        assertThat(body(mail.get())).contains("Wrong version attached", "Maria Keller",
                "/portal/acceptances/" + sent.id());
        assertThat(asManager(() -> acceptances.withdraw(sent.id(), "Twice"))).as("withdrawing twice changes nothing")
                .extracting(Acceptance::withdrawReason).isEqualTo("Wrong version attached");

        Acceptance again = asManager(() -> acceptances.resend(sent.id(), inAWeek));
        assertThat(again.status()).isEqualTo(AcceptanceStatus.PENDING);
        assertThat(waiting(again.id())).isTrue();
    }

    @Test
    void anAcceptedOrExpiredAcceptanceCannotBeWithdrawn() {
        UUID accepted = acceptedByA();
        assertProblem(() -> asManager(() -> acceptances.withdraw(accepted, "Too late")),
                "acceptance.error.withdraw-accepted");
        assertThat(statusOf(accepted)).isEqualTo("ACCEPTED");

        UUID versionOfB = asManager(() -> documents.versions(b.sharedDocument().id())).get(0).id();
        Acceptance ofB = asManager(() -> acceptances.send(versionOfB, inAWeek));
        management.executeJob(expiryTimer(ofB.id()).getId());
        assertProblem(() -> asManager(() -> acceptances.withdraw(ofB.id(), "Too late")),
                "acceptance.error.withdraw-expired");
        assertThat(statusOf(ofB.id())).isEqualTo("EXPIRED");
    }

    /**
     * The team's withdrawal and a contact's accept pass one barrier together, twenty times, each on a fresh
     * document: exactly one stands. Either the accept wins (the withdrawal is refused as accepted already) or the
     * withdrawal wins (the accept is refused as withdrawn); no evidence is written for a withdrawn one.
     */
    @Test
    void aWithdrawalRacingAnAcceptGivesExactlyOneOutcome() throws Exception {
        Race.repeat(this::withdrawAgainstAccept);
    }

    @Test
    void withoutTheRowLockAWithdrawalAndAnAcceptBreak() {
        assertThat(Race.brokenWithoutGates(this::withdrawAgainstAccept)).as("a round that broke").isPositive();
    }

    void withdrawAgainstAccept(int round) throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(freshVersion("Withdrawn " + round).id(), inAWeek));
        CustomerScope viewer = viewerA();
        List<Race.Result> results = Race.atOnce(
                () -> asA(() -> acceptances.accept(viewer, sent.id(), nameOfA(), "198.51.100.4", null)),
                () -> asManager(() -> acceptances.withdraw(sent.id(), "Raced " + round)));
        Race.Result accept = results.get(0);
        Race.Result withdraw = results.get(1);

        String status = statusOf(sent.id());
        assertThat(waiting(sent.id())).as("the process ended either way").isFalse();
        if ("ACCEPTED".equals(status)) {
            assertThat(accept.value()).as("the accept %s", accept).isInstanceOf(AcceptOutcome.class);
            assertThat(((AcceptOutcome) accept.value()).alreadyAccepted()).isFalse();
            assertThat(withdraw.error()).as("the withdrawal after the accept won: %s", withdraw)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::messageKey).containsExactly("acceptance.error.withdraw-accepted"));
            assertThat(activity(sent.documentId(), "ACCEPTANCE_WITHDRAWN")).isZero();
            assertThat(activity(sent.documentId(), "ACCEPTANCE_ACCEPTED")).isEqualTo(1);
        } else {
            assertThat(status).isEqualTo("WITHDRAWN");
            assertThat(withdraw.failed()).as("the withdrawal %s", withdraw).isFalse();
            assertThat(accept.error()).as("the accept %s", accept).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                            .containsExactly("acceptance.error.withdrawn"));
            assertThat(activity(sent.documentId(), "ACCEPTANCE_ACCEPTED")).isZero();
            assertThat(activity(sent.documentId(), "ACCEPTANCE_WITHDRAWN")).isEqualTo(1);
            assertThat(jdbc.queryForObject("select accepted_at is null and evidence_hmac is null"
                    + " from document_acceptance where id = ?", Boolean.class, sent.id())).isTrue();
        }
    }

    /** The evidence sheet is a PDF whose text carries the accepted bytes' SHA-256, who accepted, and the seal. */
    @Test
    void theEvidenceSheetIsAPdfWithTheHashTheNameAndTheSeal() throws Exception {
        UUID id = acceptedByA();
        String seal = jdbc.queryForObject("select evidence_hmac from document_acceptance where id = ?", String.class,
                id);

        byte[] pdf = asManager(() -> acceptances.evidencePdf(id));

        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text.replaceAll("\\s+", "")).as("hashes may wrap across lines")
                .contains(version.sha256(), seal);
        assertThat(text).contains("Evidence of acceptance: " + a.sharedDocument().title(), nameOfA(),
                "203.0.113.7", "Intact: the evidence matches its seal");
        Acceptance pending = asManager(() -> acceptances.send(asManager(() -> documents.versions(
                b.sharedDocument().id())).get(0).id(), inAWeek));
        assertThatThrownBy(() -> asManager(() -> acceptances.evidencePdf(pending.id())))
                .as("nothing accepted, no evidence").isInstanceOf(NotFoundException.class);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** A new shared document in A's project, with its first version: one document waits for one acceptance. */
    private DocumentVersion freshVersion(String title) {
        return asManager(() -> {
            var doc = documents.create(a.project().scope(), title + " " + UUID.randomUUID(),
                    io.clientspace.document.DocumentType.CONTRACT, "raced.pdf", pdf());
            documents.setShared(doc.id(), true);
            return documents.versions(doc.id()).get(0);
        });
    }

    private long activity(UUID subject, String kind) {
        return jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ? and kind = ?", Long.class,
                subject, kind);
    }

    // ------------------------------------------------------------------------------------- evidence that holds up

    @Test
    void theExportedEvidenceCarriesItsSignatureAndAnyChangeToItShows() throws Exception {
        UUID id = acceptedByA();
        byte[] export = asManager(() -> acceptances.evidenceExport(id));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(export);
        assertThat(tree.at("/signature/algorithm").asText()).isEqualTo("HMAC-SHA256");
        assertThat(tree.at("/signature/value").asText()).hasSize(64);
        assertThat(asManager(() -> acceptances.verifyExport(export))).isEqualTo(EvidenceCheck.VALID);
        assertThat(asManager(() -> acceptances.verifyStored(id))).isEqualTo(EvidenceCheck.VALID);

        for (String[] change : new String[][] {{"accepted", "ipAddress", "198.51.100.99"},
                {"accepted", "typedName", "Somebody Else"}, {"document", "sha256", "0".repeat(64)},
                {"accepted", "at", "2020-01-01T00:00:00Z"}}) {
            var forged = tree.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) forged.get(change[0])).put(change[1], change[2]);
            byte[] bytes = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(forged);
            assertThat(asManager(() -> acceptances.verifyExport(bytes))).as("changed " + change[1])
                    .isEqualTo(EvidenceCheck.TAMPERED);
        }
        var resigned = tree.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) resigned.get("signature")).put("value", "ab".repeat(32));
        byte[] resignedBytes = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(resigned);
        assertThat(asManager(() -> acceptances.verifyExport(resignedBytes))).isEqualTo(EvidenceCheck.TAMPERED);
        assertThat(asManager(() -> acceptances.verifyExport("not json".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(EvidenceCheck.UNREADABLE);
        // the human-readable parts outside the signed fields may be reformatted without breaking the signature
        var reformatted = tree.deepCopy();
        reformatted.put("exportedAt", "later");
        byte[] reformattedBytes = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(reformatted);
        assertThat(asManager(() -> acceptances.verifyExport(reformattedBytes))).isEqualTo(EvidenceCheck.VALID);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAcceptedEvidence() {
        UUID id = acceptedByA();
        assertThatThrownBy(() -> jdbc.update("update document_acceptance set accepted_ip = '198.51.100.99' where id = ?",
                id)).as("even a statement straight on the database")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.update("update document_acceptance set status = 'EXPIRED', expired_at = now()"
                + " where id = ?", id)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from document_acceptance where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be deleted");
        assertThat(jdbc.queryForObject("select accepted_ip from document_acceptance where id = ?", String.class, id))
                .isEqualTo("203.0.113.7");
        // a pending one is not evidence yet: its bookkeeping still moves
        Acceptance pending = asManager(() -> acceptances.send(asManager(() -> documents.versions(
                b.sharedDocument().id())).get(0).id(), inAWeek));
        assertThat(jdbc.update("update document_acceptance set reminded_at = now() where id = ?", pending.id()))
                .isOne();
    }

    @Test
    void bytesChangedInStorageAreNeitherSentNorAccepted() throws Exception {
        Acceptance sent = asManager(() -> acceptances.send(version.id(), inAWeek));
        overwriteStoredBytes(version.id(), "forged content".getBytes(StandardCharsets.UTF_8));

        assertProblem(() -> asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(),
                "203.0.113.7", "Test browser")), "acceptance.error.document-changed");
        assertThat(statusOf(sent.id())).isEqualTo("PENDING");

        DocumentVersion other = asManager(() -> documents.versions(b.sharedDocument().id())).get(0);
        overwriteStoredBytes(other.id(), "also forged".getBytes(StandardCharsets.UTF_8));
        assertProblem(() -> asManager(() -> acceptances.send(other.id(), inAWeek)),
                "acceptance.error.document-changed");
        assertThat(jdbc.queryForObject("select count(*) from document_acceptance where version_id = ?", Long.class,
                other.id())).isZero();
    }

    private UUID acceptedByA() {
        Acceptance sent = asManager(() -> acceptances.send(version.id(), inAWeek));
        asA(() -> acceptances.accept(viewerA(), sent.id(), nameOfA(), "203.0.113.7",
                "Test browser"));
        return sent.id();
    }

    private void overwriteStoredBytes(UUID versionId, byte[] bytes) throws Exception {
        String key = jdbc.queryForObject("select object_key from document_version where id = ?", String.class,
                versionId);
        minio.putObject(io.minio.PutObjectArgs.builder().bucket(storage.bucket()).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private Job expiryTimer(UUID acceptanceId) {
        return management.createJobQuery().processInstanceId(instanceOf(acceptanceId)).timers()
                .activityId(DocumentAcceptanceProcess.EXPIRED_TIMER).singleResult();
    }

    private String instanceOf(UUID acceptanceId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DocumentAcceptanceProcess.PROCESS_ID)
                .processInstanceBusinessKey(acceptanceId.toString()).singleResult().getId();
    }

    private boolean waiting(UUID acceptanceId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DocumentAcceptanceProcess.PROCESS_ID)
                .processInstanceBusinessKey(acceptanceId.toString()).count() > 0;
    }

    private String statusOf(UUID acceptanceId) {
        return jdbc.queryForObject("select status from document_acceptance where id = ?", String.class, acceptanceId);
    }

    private List<String> kinds() {
        return asManager(() -> timeline.forClient(a.client().id(), 0)).stream().map(TimelineEntry::kind).toList();
    }

    private static void assertProblem(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).contains(key));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String s ? s : new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Path pdf() {
        try {
            Path file = Files.createTempFile("acceptance-test", ".pdf");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
