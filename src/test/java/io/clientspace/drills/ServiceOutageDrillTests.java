package io.clientspace.drills;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.AccessRequestResult;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.file.FileService;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.file.StoredFile;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.EventPublicationRetry;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.ui.ActionErrors;
import io.clientspace.shared.live.ClientChanges;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.clientspace.devservices.DevServices;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalContactStatus;
import io.clientspace.extranet.PortalRole;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drills for the outside services failing under a running app node: object storage, the mail server and the
 * database. The node and the services it loses are the drills' own ({@link DrillNode}, {@link DrillServices}), so
 * no other test notices. Each drill brings its service back before it returns.
 */
class ServiceOutageDrillTests {

    static DrillServices services;
    static KeycloakGate keycloak;
    static DrillNode node;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        services = DrillServices.get();
        // the node reaches the run's Keycloak through a gate the Keycloak drill can cut
        Map<String, Object> run = DevServices.start(DevServices.Mode.TEST);
        keycloak = KeycloakGate.to(URI.create(DevServices.keycloak().url()).getPort());
        // an action while the database is down fails after 3 s instead of Hikari's 30 s, to keep the drill short
        node = DrillNode.start("outage", services.postgres.createDatabase("drill_outage"),
                Map.of("spring.datasource.hikari.connection-timeout", "3000",
                        "clientspace.keycloak.url", keycloak.url(),
                        "clientspace.keycloak.public-url", keycloak.url(),
                        // links in Keycloak's mails must be the address the realm's portal client allows
                        "clientspace.base-url", run.get("clientspace.base-url")));
        jdbc = node.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /**
     * <b>Fault:</b> Keycloak does not answer (down, or its host unreachable) while colleagues work and one of them
     * invites two contacts, then revokes one of them.
     * <b>The user sees:</b> colleagues keep working (a deal is created and listed); a new sign-in gets our "sign-in
     * unavailable" page (503) instead of a connection error; the invitations are saved as invited at once.
     * <b>Afterwards:</b> each invitation's identity step failed and waits for the engine's next retry; once Keycloak
     * is back, the retry creates the identity and Keycloak mails the set-password link, once. The contact revoked
     * meanwhile gets neither.
     */
    @Test
    void keycloakDownKeepsColleaguesWorkingAndInvitationsCompleteOnceItIsBack() throws Exception {
        ClientService clients = node.bean(ClientService.class);
        DealService deals = node.bean(DealService.class);
        ExternalAccessService access = node.bean(ExternalAccessService.class);
        ManagementService management = node.bean(ManagementService.class);
        RuntimeService runtime = node.bean(RuntimeService.class);
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "greta-" + suffix + "@drill.example";
        String revokedEmail = "jan-" + suffix + "@drill.example";

        PortalAccount invited;
        PortalAccount revoked;
        keycloak.cut();
        try {
            Deal deal = asManager(() -> deals.create(client.id(), Drills.deal("Kept working")));
            List<Deal> listed = asManager(() -> deals.forClient(client.id()));
            assertThat(listed).extracting(Deal::id).contains(deal.id());

            Drills.await("a new sign-in gets the unavailable page", Duration.ofSeconds(30),
                    () -> signIn().statusCode() == 503);
            assertThat(signIn().body()).contains("Sign-in is unavailable right now");

            invited = asManager(() -> access.addContact(client.id(),
                    new PortalContactDraft("Greta Lind", email, PortalRole.APPROVER), true));
            revoked = asManager(() -> access.addContact(client.id(),
                    new PortalContactDraft("Jan Lind", revokedEmail, PortalRole.OTHER), true));
            assertThat(invited.contactStatus()).isEqualTo(PortalContactStatus.INVITED);
            UUID invitedId = invited.id();
            Drills.await("the identity step failed and waits for the engine's retry", Duration.ofSeconds(30),
                    () -> failedJob(runtime, management, invitedId) != null);
            Job failed = failedJob(runtime, management, invitedId);
            assertThat(failed.getRetries()).as("one of the model's 12 tries used").isEqualTo(11);
            assertThat(failed.getDuedate()).as("retried on the model's cycle, in 5 minutes")
                    .isAfter(new Date(System.currentTimeMillis() + Duration.ofMinutes(4).toMillis()));
            UUID revokedId = revoked.id();
            asManager(() -> access.revoke(revokedId));
        } finally {
            keycloak.restore();
        }

        // five minutes later, as far as the engine is concerned: its own retry runs the step again
        management.setJobDuedate(failedJob(runtime, management, invited.id()).getId(), new Date());
        UUID invitedId = invited.id();
        Drills.await("the retried invitation was sent", Duration.ofSeconds(90),
                () -> asManager(() -> access.forClient(client.id())).stream()
                        .anyMatch(a -> a.id().equals(invitedId) && a.invitationExpiresAt() != null));
        assertThat(DevServices.mail().awaitMessages(email, 1, Duration.ofSeconds(30)))
                .as("Keycloak's set-password mail, once").hasSize(1);
        assertThat(failedJob(runtime, management, invitedId)).as("no failed job left").isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(revoked.id().toString()).count())
                .as("the revoked contact's invitation ended while it waited").isZero();
        assertThat(DevServices.mail().awaitMessages(revokedEmail, 1, Duration.ofSeconds(2)))
                .as("and sent nothing").isEmpty();
    }

    private static Job failedJob(RuntimeService runtime, ManagementService management, UUID accountId) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ExtranetInvitationProcess.PROCESS_ID)
                .processInstanceBusinessKey(accountId.toString()).singleResult();
        return instance == null ? null
                : management.createJobQuery().processInstanceId(instance.getId()).withException().singleResult();
    }

    /** A browser starting a staff sign-in on the node. */
    private static HttpResponse<String> signIn() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + node.bean(org.springframework.core.env.Environment.class)
                            .getProperty("local.server.port") + "/oauth2/authorization/staff")).header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * <b>Fault:</b> object storage does not answer while a colleague uploads a file.
     * <b>The user sees:</b> the files tab's message that storage is not reachable and nothing was saved
     * ({@code file.error.storage}, which the tab shows for {@link StorageUnavailableException}); the file is not
     * listed.
     * <b>Afterwards:</b> no file row without its object; once storage is back the same upload works and its link
     * downloads the bytes, and storage holds no object without its row.
     */
    @Test
    void storageDownDuringAnUploadSavesNothingAndTheUploadWorksOnceItIsBack() throws Exception {
        FileService files = node.bean(FileService.class);
        Client client = asManager(() -> node.bean(ClientService.class).create(ClientTestData.company("manager"),
                false));
        Path offer = PortalTestData.pdf("offer " + client.id());

        services.s3.stop();
        try {
            assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "offer.pdf", offer)))
                    .isInstanceOf(StorageUnavailableException.class);
        } finally {
            services.s3.up();
        }
        for (var locale : Translations.LOCALES) {
            assertThat(node.bean(Translations.class).getTranslation("file.error.storage", locale, "offer.pdf"))
                    .as("the message in " + locale).contains("offer.pdf").doesNotContain("file.error");
        }
        assertThat(asManager(() -> files.countForClient(client.id()))).as("files listed after the failure").isZero();
        assertThat(objectsOf(client)).as("objects left behind by the failed upload").isEmpty();

        StoredFile stored = asManager(() -> files.upload(client.id(), "offer.pdf", offer));
        String link = asManager(() -> files.downloadLink(stored.id()));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readAllBytes(offer));
        assertThat(objectsOf(client)).as("objects of the client: exactly its files' objects")
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select object_key from stored_file where client_id = ?", String.class, client.id()));
    }

    /**
     * <b>Fault:</b> the mail server refuses every connection ({@code 421 Service not available}) while colleagues
     * ask for access to three clients.
     * <b>The user sees:</b> "request sent", as always: the mail is not their business.
     * <b>Afterwards:</b> each mail failed and waits in the event publication registry; once the mail server is back
     * each goes out, once. A further retry round sends nothing again.
     */
    @Test
    void mailsFailedWhileTheMailServerWasDownGoOutOnceWhenItIsBack() throws Exception {
        ClientService clients = node.bean(ClientService.class);
        List<Client> owned = threeClientsOfManager(clients);
        List<String> subjects = accessMailSubjects(owned);

        services.smtp.down();
        try {
            int refusedBefore = services.smtp.refusedConnections();
            for (Client c : owned) {
                assertThat(asMember(() -> clients.requestAccess(c.id()))).isEqualTo(AccessRequestResult.SENT);
            }
            Drills.await("three refused mail attempts", Duration.ofSeconds(30),
                    () -> services.smtp.refusedConnections() >= refusedBefore + 3);
            assertThat(incompleteAccessMails()).as("mails waiting in the registry").isEqualTo(3);
        } finally {
            services.smtp.up();
        }

        Drills.await("every access mail delivered and its publication completed", Duration.ofSeconds(60),
                () -> incompleteAccessMails() == 0 && subjects.stream().allMatch(s -> delivered(s) >= 1));
        assertThat(subjects).as("each mail exactly once").allSatisfy(s -> assertThat(delivered(s)).isEqualTo(1));

        assertThat(node.bean(EventPublicationRetry.class).retry()).as("resubmitted by another round").isZero();
        assertThat(subjects).as("each mail still exactly once").allSatisfy(s -> assertThat(delivered(s)).isEqualTo(1));
    }

    /**
     * <b>Fault:</b> the mail server keeps every connection waiting 5 s before it greets, longer than a publication
     * waits before the retry may offer it again (1 s on the drill node), while colleagues ask for access to three
     * clients. To Spring Modulith 1.4 a mail still being sent looks the same as one that failed.
     * <b>The user sees:</b> "request sent", as always.
     * <b>Afterwards:</b> retry rounds offered the mails again while their first attempt was still sending; each mail
     * went out once, and the attempts offered again found their publication complete and sent nothing.
     */
    @Test
    void aSlowMailServerDoesNotMakeTheRetrySendAMailTwice() throws Exception {
        ClientService clients = node.bean(ClientService.class);
        List<Client> owned = threeClientsOfManager(clients);
        List<String> subjects = accessMailSubjects(owned);
        MeterRegistry meters = node.bean(MeterRegistry.class);
        double resubmittedBefore = count(meters, "clientspace.events.resubmitted");
        double skippedBefore = count(meters, "clientspace.events.duplicate-attempts");

        services.smtp.slow(Duration.ofSeconds(5));
        try {
            for (Client c : owned) {
                assertThat(asMember(() -> clients.requestAccess(c.id()))).isEqualTo(AccessRequestResult.SENT);
            }
            Drills.await("a retry round offering the mails again while they are being sent", Duration.ofSeconds(30),
                    () -> count(meters, "clientspace.events.resubmitted") > resubmittedBefore);
            // done when an attempt offered again has finished: by sending nothing (fixed), or a second mail
            Drills.await("every access mail delivered and an attempt offered again finished", Duration.ofSeconds(60),
                    () -> incompleteAccessMails() == 0 && services.smtp.connectionsOpen() == 0
                            && subjects.stream().allMatch(s -> delivered(s) >= 1)
                            && (count(meters, "clientspace.events.duplicate-attempts") > skippedBefore
                                || subjects.stream().anyMatch(s -> delivered(s) > 1)));
            assertThat(subjects).as("each mail exactly once").allSatisfy(s -> assertThat(delivered(s)).isEqualTo(1));
            assertThat(count(meters, "clientspace.events.duplicate-attempts") - skippedBefore)
                    .as("attempts offered again that found their publication complete").isPositive();
        } finally {
            services.smtp.up();
        }
    }

    private static List<Client> threeClientsOfManager(ClientService clients) {
        List<Client> owned = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            owned.add(asManager(() -> clients.create(ClientTestData.company("manager"), false)));
        }
        return owned;
    }

    /** The subject of the mail that tells the owner (Maria Keller, manager) the member asks for access. */
    private static List<String> accessMailSubjects(List<Client> owned) {
        return owned.stream().map(c -> "Tom Becker asks for access to " + c.name()).toList();
    }

    private static double count(MeterRegistry meters, String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * <b>Fault:</b> PostgreSQL restarts (a fast shutdown: every connection is cut, open transactions roll back)
     * while colleagues keep creating deals.
     * <b>The user sees:</b> an action while the database is down, or under way when it went, fails with the message
     * that Clientspace is reconnecting ({@link ActionErrors#UNAVAILABLE}, what the views' error handler shows for
     * it), never the "unexpected error" one; the next action after the restart works without anyone restarting the
     * app (the pool replaces the dead connections).
     * <b>Afterwards:</b> no half-written record: every open deal has its process and every process its deal, every
     * open task row its engine task and back; every deal that was reported created exists; open workspaces hear
     * about changes again (the LISTEN connection reconnects).
     */
    @Test
    void postgresRestartLeavesNoHalfWrittenRecordAndTheNextActionWorks() throws Exception {
        DealService deals = node.bean(DealService.class);
        Client client = asManager(() -> node.bean(ClientService.class).create(ClientTestData.company("manager"),
                false));
        List<UUID> created = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(load.submit(() -> {
                while (running.get()) {
                    try {
                        created.add(asManager(() -> deals.create(client.id(), Drills.deal("Under load"))).id());
                    } catch (RuntimeException e) {
                        failed.add(e);
                    }
                }
            }));
        }
        try {
            Drills.await("deals being created", Duration.ofSeconds(30), () -> created.size() >= 4);
            services.postgres.stop();
            try {
                assertThatThrownBy(() -> asManager(() -> deals.create(client.id(), Drills.deal("While down"))))
                        .satisfies(e -> assertThat(ActionErrors.messageKeyFor(e)).as("message for " + e)
                                .isEqualTo(ActionErrors.UNAVAILABLE));
            } finally {
                services.postgres.up();
            }
            int afterRestart = created.size();
            Drills.await("deals created again after the restart", Duration.ofSeconds(60),
                    () -> created.size() >= afterRestart + 4);
        } finally {
            running.set(false);
            for (Future<?> f : workers) {
                f.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
        }

        Deal next = asManager(() -> deals.create(client.id(), Drills.deal("The next action")));
        assertThat(asManager(() -> deals.get(next.id())).title()).isEqualTo("The next action");
        assertThat(failed).as("what the users of the cut-off actions read").allSatisfy(e ->
                assertThat(ActionErrors.messageKeyFor(e)).as("message for " + chain(e))
                        .isEqualTo(ActionErrors.UNAVAILABLE));
        // a creation cut off in flight may still have committed (the reply was lost), so rows may exceed the
        // reported ones; what must hold is that every reported one exists and no row is half written
        assertThat(jdbc.queryForList("select id from deal where client_id = ?", UUID.class, client.id()))
                .as("every deal reported created exists").containsAll(concat(created, next.id()));
        Drills.assertNoHalfWrittenRecords(jdbc);

        var heard = new LinkedBlockingQueue<UUID>();
        try (AutoCloseable ignored = node.bean(ClientChanges.class).subscribe(client.id(), heard::add)) {
            // the listener reconnects with a back-off; keep changing until it hears one
            Drills.await("a change heard over LISTEN/NOTIFY after the restart", Duration.ofSeconds(60), () -> {
                asManager(() -> deals.create(client.id(), Drills.deal("Heard again")));
                try {
                    return heard.poll(1, TimeUnit.SECONDS) != null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }
        Drills.assertNoHalfWrittenRecords(jdbc);
    }

    private static String chain(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(" <- ").append(t.getClass().getName()).append(t instanceof java.sql.SQLException sql
                    ? "[" + sql.getSQLState() + "]" : "").append(": ").append(t.getMessage());
        }
        return s.toString();
    }

    private static List<UUID> concat(List<UUID> list, UUID one) {
        List<UUID> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    private static List<String> objectsOf(Client client) {
        return services.s3.keys("clients/" + client.id() + "/");
    }

    private static int incompleteAccessMails() {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                + " and listener_id like '%AccessRequestNotifier%'", Integer.class);
        return n == null ? 0 : n;
    }

    private static long delivered(String subject) {
        return services.smtp.received().stream().filter(m -> subject.equals(subjectOf(m))).filter(m -> to(m,
                "maria.keller@clientspace.example")).count();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
