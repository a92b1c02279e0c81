package io.clientspace.inforequest;

import io.clientspace.devservices.ClamdService;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.devservices.DevServices;
import io.clientspace.file.StorageProperties;
import io.clientspace.inforequest.process.InformationRequestProcess;
import io.clientspace.portal.PortalRequests;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.Race;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Information requests against the real database, storage, engine and mail server: numbering, the rules of a draft,
 * sending, the customer's answers and uploads, the team's review, completion and cancellation, and what happens when
 * actions come late, twice, at once, from another customer, or fail halfway.
 */
@ClientspaceIntegrationTest
class InformationRequestServiceIntegrationTests {

    @Autowired
    InformationRequestService requests;
    @Autowired
    PortalRequests portalRequests;
    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
    @Autowired
    ProjectService projects;
    @Autowired
    TimelineService timeline;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path dir;

    PortalTestData.World a;
    ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeEach
    void aClientWithASharedProjectAndAnActiveContact() {
        a = data.world("req" + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    // --------------------------------------------------------------------------------------------- the draft

    /**
     * Four drafts pass one barrier together, twenty times: every round gives four distinct numbers of the year with no
     * gap, and the next one comes after them. {@link #withoutTheCounterGateNumbersCollide} shows the round breaks
     * without the per-year counter's upsert.
     */
    @Test
    void numbersAreSequentialPerYearEvenWhenManyAreCreatedAtOnce() throws Exception {
        Race.repeat(this::fourDraftsAtOnce);
    }

    @Test
    void withoutTheCounterGateNumbersCollide() {
        assertThat(Race.brokenWithoutGates(this::fourDraftsAtOnce)).as("a round that broke").isPositive();
    }

    void fourDraftsAtOnce(int round) throws Exception {
        List<java.util.concurrent.Callable<InformationRequest>> drafts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drafts.add(() -> asManager(() -> requests.createDraft(a.project().id(), draft("Batch " + round))));
        }
        List<Race.Result> results = Race.atOnce(drafts);
        assertThat(results).as("every draft is saved").noneMatch(Race.Result::failed);
        List<String> numbers = results.stream().map(r -> ((InformationRequest) r.value()).number()).toList();
        int year = LocalDate.now().getYear();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("R-" + year + "-\\d{4}"));
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                .sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(3);
        InformationRequest next = asManager(() -> requests.createDraft(a.project().id(), draft("Next")));
        assertThat(Integer.parseInt(next.number().substring(next.number().lastIndexOf('-') + 1)))
                .isGreaterThan(sequence.get(sequence.size() - 1));
    }

    @Test
    void aDraftNeedsATitleAndItemsThatSayWhatIsNeeded() {
        assertThatThrownBy(() -> asManager(() -> requests.createDraft(a.project().id(),
                new RequestDraft(" ", List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("title", "items"));
        assertThatThrownBy(() -> asManager(() -> requests.createDraft(a.project().id(), new RequestDraft("Logo",
                List.of(new RequestItemDraft(ItemKind.FILE, "Your logo", null),
                        new RequestItemDraft(ItemKind.QUESTION, "  ", null))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("item-1"));
        assertThat(asManager(() -> requests.inProject(a.project().id()))).isEmpty();

        InformationRequest d = asManager(() -> requests.createDraft(a.project().id(), draft("Brand assets")));
        assertThat(d.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(d.items()).extracting(RequestItem::kind).containsExactly(ItemKind.QUESTION, ItemKind.FILE);
        assertThat(d.items()).allSatisfy(i -> assertThat(i.state()).isEqualTo(ItemState.OPEN));
        InformationRequest edited = asManager(() -> requests.updateDraft(d.id(), new RequestDraft("Brand assets v2",
                List.of(new RequestItemDraft(ItemKind.QUESTION, "Brand colours?", null))), d.version()));
        assertThat(edited.title()).isEqualTo("Brand assets v2");
        assertThat(edited.items()).singleElement().extracting(RequestItem::prompt).isEqualTo("Brand colours?");
        // a draft is the team's: the customer does not see it
        assertThat(asA(() -> portalRequests.list(viewerA()))).isEmpty();
        assertThatThrownBy(() -> asA(() -> portalRequests.get(viewerA(), d.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void sendingNeedsASharedProjectAndAContactWhoCanReceiveIt() {
        InformationRequest d = asManager(() -> requests.createDraft(a.project().id(), draft("Brand assets")));
        jdbc.update("update portal_account set status = 'REVOKED' where id = ?", a.accountId());
        asManager(() -> projects.setSharing(a.project().id(), false, false));

        assertThat(asManager(() -> requests.sendBlockers(a.project().id())))
                .containsExactly(SendBlocker.NOT_SHARED, SendBlocker.NO_CONTACTS);
        assertThatThrownBy(() -> asManager(() -> requests.send(d.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("inforequest.blockers.NOT_SHARED",
                                "inforequest.blockers.NO_CONTACTS"));
        assertThat(asManager(() -> requests.get(d.id())).status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(runningProcesses(d.id())).isZero();

        // an invited contact is enough: the invitation brings them to the portal
        jdbc.update("update portal_account set status = 'INVITED' where id = ?", a.accountId());
        asManager(() -> projects.setSharing(a.project().id(), true, false));
        assertThat(asManager(() -> requests.sendBlockers(a.project().id()))).isEmpty();
        assertThat(asManager(() -> requests.send(d.id())).status()).isEqualTo(RequestStatus.SENT);
        // a double click sends nothing twice
        assertThat(asManager(() -> requests.send(d.id())).status()).isEqualTo(RequestStatus.SENT);
        assertThat(runningProcesses(d.id())).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ the round trip

    @Test
    void theCustomerAnswersAndUploadsTheTeamReturnsAndAcceptsAndTheRequestCompletes() throws Exception {
        InformationRequest sent = sentRequest("Brand assets");
        RequestItem question = sent.items().get(0);
        RequestItem file = sent.items().get(1);
        String email = a.username() + "@example.org";
        assertThat(DevServices.mail().awaitMessage(email, "Information request " + sent.number() + ": Brand assets",
                Duration.ofSeconds(20))).hasValueSatisfying(m -> assertThat(body(m))
                .contains("/portal/requests/" + sent.id()));

        // the portal shows it under Open, in its project, nothing accepted yet
        InformationRequest seen = asA(() -> portalRequests.list(viewerA())).get(0);
        assertThat(seen.projectName()).isEqualTo(a.project().name());
        assertThat(seen.accepted()).isZero();
        assertThat(seen.total()).isEqualTo(2);

        RequestItem uploaded = asA(() -> portalRequests.upload(viewerA(), sent.id(), file.id(), "logo.pdf",
                pdf("logo")));
        assertThat(uploaded.fileName()).isEqualTo("logo.pdf");
        assertThat(uploaded.state()).isEqualTo(ItemState.OPEN);
        assertThat(objects(sent.id())).hasSize(1);
        // a second upload replaces the first, and its object goes
        asA(() -> portalRequests.upload(viewerA(), sent.id(), file.id(), "logo-final.pdf", pdf("logo final")));
        assertThat(objects(sent.id())).hasSize(1);

        assertThat(asA(() -> portalRequests.submit(viewerA(), sent.id(), answers(question, "Blue and white",
                file, null)))).isEqualTo(Outcome.DONE);
        InformationRequest submitted = asManager(() -> requests.get(sent.id()));
        assertThat(submitted.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(submitted.items()).extracting(RequestItem::state).containsExactly(ItemState.ANSWERED,
                ItemState.ANSWERED);
        assertThat(submitted.items().get(0).answerText()).isEqualTo("Blue and white");
        assertThat(submitted.items().get(1).fileName()).isEqualTo("logo-final.pdf");
        assertThat(asManager(() -> requests.downloadLink(file.id()))).contains(sent.id().toString());

        assertThatThrownBy(() -> asManager(() -> requests.returnToCustomer(question.id(), " ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(asManager(() -> requests.returnToCustomer(question.id(), "Which blue? The hex code, please.")))
                .isEqualTo(Outcome.DONE);
        assertThat(asManager(() -> requests.accept(file.id()))).isEqualTo(Outcome.DONE);
        assertThat(DevServices.mail().awaitMessage(email, "Please look again: information request " + sent.number(),
                Duration.ofSeconds(20))).hasValueSatisfying(m -> assertThat(body(m))
                .contains("Which blue? The hex code, please."));

        InformationRequest returned = asA(() -> portalRequests.get(viewerA(), sent.id()));
        assertThat(returned.items().get(0).state()).isEqualTo(ItemState.RETURNED);
        assertThat(returned.items().get(0).reviewComment()).isEqualTo("Which blue? The hex code, please.");
        assertThat(returned.accepted()).isEqualTo(1);
        // the returned answer does not count again unchanged
        assertThatThrownBy(() -> asA(() -> portalRequests.submit(viewerA(), sent.id(),
                answers(question, "Blue and white"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("inforequest.error.returned-unchanged"));

        assertThat(asA(() -> portalRequests.submit(viewerA(), sent.id(), answers(question, "#1E3A8A and white"))))
                .isEqualTo(Outcome.DONE);
        assertThat(asManager(() -> requests.accept(question.id()))).isEqualTo(Outcome.DONE);

        InformationRequest done = asManager(() -> requests.get(sent.id()));
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.closedAt()).isNotNull();
        assertThat(runningProcesses(sent.id())).isZero();
        assertThat(asA(() -> portalRequests.list(viewerA()))).singleElement()
                .satisfies(r -> assertThat(r.progress()).isEqualTo(1.0));
        assertThat(kinds()).contains("REQUEST_CREATED", "REQUEST_SENT", "REQUEST_SUBMITTED", "REQUEST_ITEM_RETURNED",
                "REQUEST_ITEM_ACCEPTED", "REQUEST_COMPLETED");
    }

    @Test
    void aQuietCustomerIsRemindedWhenTheTimerFires() throws Exception {
        InformationRequest sent = sentRequest("Reminder check");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(sent.id().toString())
                .singleResult().getId();
        var timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(new Date(System.currentTimeMillis()
                + Duration.ofDays(2).toMillis()));

        management.executeJob(timer.getId());

        assertThat(DevServices.mail().awaitMessage(a.username() + "@example.org",
                "Reminder: information request " + sent.number() + ": Reminder check", Duration.ofSeconds(20)))
                .hasValueSatisfying(m -> assertThat(body(m)).contains("2 item(s)"));
        assertThat(kinds()).contains("REQUEST_REMINDED");
        assertThat(management.createJobQuery().processInstanceId(instance).timers().count()).isEqualTo(1);
    }

    // --------------------------------------------------------------------------------- late, twice, elsewhere

    @Test
    void actionsOnACancelledOrCompletedRequestSayWhyAndChangeNothing() throws Exception {
        InformationRequest sent = sentRequest("To be cancelled");
        RequestItem question = sent.items().get(0);
        RequestItem file = sent.items().get(1);
        assertThat(asManager(() -> requests.cancel(sent.id()))).isEqualTo(Outcome.DONE);
        assertThat(asManager(() -> requests.cancel(sent.id()))).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(runningProcesses(sent.id())).isZero();

        assertClosed(() -> asA(() -> portalRequests.submit(viewerA(), sent.id(), answers(question, "Late"))),
                "inforequest.error.cancelled");
        assertClosed(() -> asA(() -> portalRequests.upload(viewerA(), sent.id(), file.id(), "late.pdf",
                pdf("late"))), "inforequest.error.cancelled");
        assertClosed(() -> asManager(() -> requests.accept(question.id())), "inforequest.error.cancelled");
        assertClosed(() -> asManager(() -> requests.send(sent.id())), "inforequest.error.cancelled");
        InformationRequest after = asManager(() -> requests.get(sent.id()));
        assertThat(after.items()).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(ItemState.OPEN);
            assertThat(i.hasAnswer()).isFalse();
        });
        assertThat(objects(sent.id())).isEmpty();
        // the customer still sees it, under Completed, as cancelled
        assertThat(asA(() -> portalRequests.list(viewerA()))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.CANCELLED));

        InformationRequest other = completedRequest();
        assertClosed(() -> asA(() -> portalRequests.submit(viewerA(), other.id(),
                answers(other.items().get(0), "Again"))), "inforequest.error.completed");
        assertClosed(() -> asManager(() -> requests.cancel(other.id())), "inforequest.error.completed");
        assertClosed(() -> asManager(() -> requests.returnToCustomer(other.items().get(0).id(), "No")),
                "inforequest.error.completed");
    }

    @Test
    void anotherCustomersRequestIsNotFoundForEveryCall() {
        InformationRequest sent = sentRequest("Only for alpha");
        PortalTestData.World b = data.world("other" + UUID.randomUUID().toString().substring(0, 6));
        CustomerScope viewerB = asCustomer(b.username(), b.client().id(), () -> portal.current().orElseThrow());
        Supplier<?>[] calls = new Supplier<?>[] {
                () -> portalRequests.get(viewerB, sent.id()),
                () -> portalRequests.submit(viewerB, sent.id(), answers(sent.items().get(0), "Not mine")),
                () -> portalRequests.upload(viewerB, sent.id(), sent.items().get(1).id(), "x.pdf", pdf("x")),
                () -> portalRequests.get(viewerB, UUID.randomUUID())};
        for (Supplier<?> call : calls) {
            assertThatThrownBy(() -> asCustomer(b.username(), b.client().id(), call))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(asCustomer(b.username(), b.client().id(), () -> portalRequests.list(viewerB))).isEmpty();
        assertThat(objects(sent.id())).isEmpty();
        assertThat(asManager(() -> requests.get(sent.id())).items()).allSatisfy(i -> assertThat(i.hasAnswer()).isFalse());

        // unsharing the project hides its requests too
        asManager(() -> projects.setSharing(a.project().id(), false, false));
        assertThat(asA(() -> portalRequests.list(viewerA()))).isEmpty();
        assertThatThrownBy(() -> asA(() -> portalRequests.get(viewerA(), sent.id())))
                .isInstanceOf(NotFoundException.class);
    }

    /**
     * Two tabs submit the same answers through one barrier, twenty times on fresh requests: one submission, the other
     * tab finds it done.
     */
    @Test
    void twoSubmitsAtOnceGiveExactlyOneSubmission() throws Exception {
        Race.repeat(this::twoSubmits);
    }

    @Test
    void withoutTheRowLockTwoSubmitsBreak() {
        assertThat(Race.brokenWithoutGates(this::twoSubmits)).as("a round that broke").isPositive();
    }

    void twoSubmits(int round) throws Exception {
        InformationRequest sent = sentRequest("Two tabs " + round);
        RequestItem question = sent.items().get(0);
        CustomerScope viewer = viewerA();
        List<Race.Result> tabs = Race.atOnce(
                () -> asA(() -> portalRequests.submit(viewer, sent.id(), answers(question, "From tab one"))),
                () -> asA(() -> portalRequests.submit(viewer, sent.id(), answers(question, "From tab two"))));

        assertThat(tabs).as("neither tab fails").noneMatch(Race.Result::failed);
        assertThat(tabs).extracting(Race.Result::value).containsExactlyInAnyOrder(Outcome.DONE, Outcome.ALREADY_DONE);
        InformationRequest after = asManager(() -> requests.get(sent.id()));
        assertThat(after.items().get(0).state()).isEqualTo(ItemState.ANSWERED);
        String winner = tabs.get(0).value() == Outcome.DONE ? "From tab one" : "From tab two";
        assertThat(after.items().get(0).answerText()).as("the winning tab's answer").isEqualTo(winner);
        assertThat(activity(sent.id(), "REQUEST_SUBMITTED")).isEqualTo(1);
    }

    /**
     * Two reviewers accept the same answer through one barrier, twenty times on fresh requests: one acceptance, the
     * other reviewer finds it done.
     */
    @Test
    void twoReviewersAcceptingAtOnceGiveExactlyOneAcceptance() throws Exception {
        Race.repeat(this::twoReviewers);
    }

    @Test
    void withoutTheRowLockTwoReviewersBreak() {
        assertThat(Race.brokenWithoutGates(this::twoReviewers)).as("a round that broke").isPositive();
    }

    void twoReviewers(int round) throws Exception {
        InformationRequest sent = sentRequest("Two reviewers " + round);
        RequestItem question = sent.items().get(0);
        asA(() -> portalRequests.submit(viewerA(), sent.id(), answers(question, "Blue and white")));
        List<Race.Result> reviews = Race.atOnce(
                () -> asManager(() -> requests.accept(question.id())),
                () -> asManager(() -> requests.accept(question.id())));

        assertThat(reviews).as("neither reviewer fails").noneMatch(Race.Result::failed);
        assertThat(reviews).extracting(Race.Result::value)
                .containsExactlyInAnyOrder(Outcome.DONE, Outcome.ALREADY_DONE);
        assertThat(asManager(() -> requests.get(sent.id())).items().get(0).state()).isEqualTo(ItemState.ACCEPTED);
        assertThat(activity(sent.id(), "REQUEST_ITEM_ACCEPTED")).isEqualTo(1);
    }

    @Test
    void aRefusedUploadAndAnUploadThatFailsAfterStorageLeaveNoObjectAndNoHalfSavedItem() throws Exception {
        InformationRequest sent = sentRequest("Uploads");
        RequestItem file = sent.items().get(1);
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        Path disguised = Files.write(dir.resolve("invoice.pdf"), program);
        assertThatThrownBy(() -> asA(() -> portalRequests.upload(viewerA(), sent.id(), file.id(), "invoice.pdf",
                disguised))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::messageKey).containsExactly("file.error.program"));
        assertThatThrownBy(() -> asA(() -> portalRequests.upload(viewerA(), sent.id(), sent.items().get(0).id(),
                "a.pdf", pdf("a")))).isInstanceOf(InvalidInputException.class);
        assertThat(objects(sent.id())).isEmpty();

        // the team cancels while the bytes are on their way: the object goes again and the item stays empty
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> team = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            jdbc.queryForList("select id from info_request where id = ? for update", sent.id());
            jdbc.update("update info_request set status = 'CANCELLED', closed_at = now() where id = ?", sent.id());
            locked.countDown();
            await(release);
        }), pool);
        assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RequestItem> upload = CompletableFuture.supplyAsync(() -> asA(() ->
                portalRequests.upload(viewerA(), sent.id(), file.id(), "late.pdf", pdf("late"))), pool);
        // the upload has written its object and now waits for the request's lock
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (objects(sent.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(objects(sent.id())).hasSize(1);
        release.countDown();
        team.get(20, TimeUnit.SECONDS);

        assertThatThrownBy(() -> upload.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidInputException.class);
        assertThat(objects(sent.id())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from info_request_item where request_id = ?"
                + " and (object_key is not null or file_name is not null)", Long.class, sent.id())).isZero();
    }

    @Test
    void whileTheScannerIsDownACustomerUploadWaitsInQuarantineAndCannotBeSubmittedUntilAScanReleasesIt()
            throws Exception {
        InformationRequest sent = sentRequest("Scanned uploads");
        RequestItem question = sent.items().get(0);
        RequestItem file = sent.items().get(1);
        InformationRequest other = sentRequest("Infected while down");
        RequestItem otherFile = other.items().get(1);
        var clamd = DevServices.clamd();
        clamd.stop();
        try {
            RequestItem waiting = asA(() -> portalRequests.upload(viewerA(), sent.id(), file.id(), "logo.pdf",
                    pdf("logo")));
            assertThat(waiting.awaitingScan()).isTrue();
            Path eicar = Files.writeString(dir.resolve("eicar.txt"), ClamdService.EICAR);
            assertThat(asA(() -> portalRequests.upload(viewerA(), other.id(), otherFile.id(), "notes.txt", eicar))
                    .awaitingScan()).isTrue();

            assertThatThrownBy(() -> asA(() -> portalRequests.submit(viewerA(), sent.id(),
                    answers(question, "Blue", file, null)))).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                            .containsExactly("file.error.awaiting-scan-submit"));
            assertThatThrownBy(() -> asManager(() -> requests.downloadLink(file.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(asManager(() -> requests.get(sent.id())).status()).isEqualTo(RequestStatus.SENT);

            requests.releaseQuarantined();
            assertThat(asA(() -> portalRequests.get(viewerA(), sent.id())).items().get(1).awaitingScan())
                    .as("still down: still waiting").isTrue();
        } finally {
            clamd.restart();
        }

        requests.releaseQuarantined();

        assertThat(asA(() -> portalRequests.get(viewerA(), sent.id())).items().get(1).awaitingScan()).isFalse();
        assertThat(asA(() -> portalRequests.submit(viewerA(), sent.id(), answers(question, "Blue", file, null))))
                .isEqualTo(Outcome.DONE);
        assertThat(asManager(() -> requests.downloadLink(file.id()))).contains(sent.id().toString());
        RequestItem removed = asA(() -> portalRequests.get(viewerA(), other.id())).items().get(1);
        assertThat(removed.fileName()).as("found infected on release: gone from the item").isNull();
        assertThat(removed.awaitingScan()).isFalse();
        assertThat(objects(other.id())).isEmpty();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private InformationRequest sentRequest(String title) {
        InformationRequest d = asManager(() -> requests.createDraft(a.project().id(), draft(title)));
        return asManager(() -> requests.send(d.id()));
    }

    private InformationRequest completedRequest() {
        InformationRequest d = asManager(() -> requests.createDraft(a.project().id(), new RequestDraft("Short one",
                List.of(new RequestItemDraft(ItemKind.QUESTION, "Anything else?", null)))));
        asManager(() -> requests.send(d.id()));
        RequestItem only = d.items().get(0);
        asA(() -> portalRequests.submit(viewerA(), d.id(), answers(only, "No")));
        asManager(() -> requests.accept(only.id()));
        InformationRequest done = asManager(() -> requests.get(d.id()));
        assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
        return done;
    }

    private static RequestDraft draft(String title) {
        return new RequestDraft(title, List.of(
                new RequestItemDraft(ItemKind.QUESTION, "Which brand colours do you use?", LocalDate.now().plusDays(7)),
                new RequestItemDraft(ItemKind.FILE, "Your logo as a vector file", null)));
    }

    private static Map<UUID, String> answers(Object... itemsAndTexts) {
        Map<UUID, String> m = new HashMap<>();
        for (int i = 0; i < itemsAndTexts.length; i += 2) {
            m.put(((RequestItem) itemsAndTexts[i]).id(), (String) itemsAndTexts[i + 1]);
        }
        return m;
    }

    private <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    private CustomerScope viewerA() {
        return asA(() -> portal.current().orElseThrow());
    }

    private long runningProcesses(UUID requestId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InformationRequestProcess.PROCESS_ID)
                .processInstanceBusinessKey(requestId.toString()).count();
    }

    private long activity(UUID subject, String kind) {
        return jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ? and kind = ?", Long.class,
                subject, kind);
    }

    private List<String> kinds() {
        return asManager(() -> timeline.in(a.project().scope(), 0)).stream().map(TimelineEntry::kind).toList();
    }

    private static void assertClosed(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).containsExactly(key));
    }

    private List<String> objects(UUID requestId) {
        try {
            List<String> keys = new ArrayList<>();
            for (var item : minio.listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                    .prefix("clients/" + a.client().id() + "/requests/" + requestId + "/").recursive(true).build())) {
                keys.add(item.get().objectName());
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Path pdf(String text) {
        try {
            Path file = Files.createTempFile(dir, "answer", ".pdf");
            return Files.write(file, ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
