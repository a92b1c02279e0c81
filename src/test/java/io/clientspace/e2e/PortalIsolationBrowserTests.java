package io.clientspace.e2e;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.document.DocumentService;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalTestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.clientspace.support.Actors.asManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.portal.PortalTestData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import io.clientspace.conversation.ChatDraft;
import io.clientspace.conversation.ChatService;
import io.clientspace.shared.WorkScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal tested as an attacker would: every portal route and download, aimed at customer B's data, walked by
 * customer A, by a staff session and anonymously. Each attempt is denied, and none of B's names or titles ever shows
 * in what comes back. Service-level actions with B's ids (comments, downloads) are in PortalServiceIntegrationTests.
 *
 * <p>{@link #WALKED} names every route template the walk covers; {@code PortalRouteInventoryTests} compares it with
 * Vaadin's route registry and the /portal GET mappings, so a new portal page cannot ship without a walk step.
 */
class PortalIsolationBrowserTests extends BrowserTest {

    /**
     * The route templates (as Vaadin's registry and Spring MVC write them) that {@link #steps} walks. Adding one here
     * without a step fails the walk; adding a route to the app without adding it here fails the inventory.
     */
    static final List<String> WALKED = List.of(
            "portal",
            "portal/documents",
            "portal/profile",
            "portal/proposals",
            "portal/proposals/:proposalId",
            "portal/requests",
            "portal/requests/:requestId",
            "portal/client-requests",
            "portal/client-requests/:requestId",
            "portal/acceptances",
            "portal/acceptances/:acceptanceId",
            "portal/projects/:projectId",
            "portal/messages/:channelId?",
            "/portal/download/{kind}/{id}");

    /**
     * One walk step: a route template and the path it is opened with. {@code ownMarker} is what customer A must see
     * first (their own data); null for a step aimed at B's data, where A must get the not-found page.
     */
    record Step(String template, String path, String ownMarker) {
        boolean isDownload() {
            return template.startsWith("/portal/download/");
        }

        boolean aimedAtOthers() {
            return ownMarker == null;
        }
    }

    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PortalIdentities identities;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    DocumentService documents;
    @Autowired
    ProposalService proposals;
    @Autowired
    InformationRequestService requests;
    @Autowired
    ChatService chat;
    @Autowired
    io.clientspace.request.ClientRequestService clientRequests;

    PortalTestData.World a;
    PortalTestData.World b;
    String customerA;
    Ids ofA;
    Ids ofB;

    /**
     * A sent proposal, a sent information request, a pending acceptance, chat channels and client requests (one
     * outside projects, one in the project not shared with the client) of one customer, so their pages exist.
     */
    record Ids(UUID acceptance, UUID proposal, UUID request, UUID projectChannel, UUID clientChannel,
               UUID internalChannel, UUID hiddenChannel, UUID clientRequest, UUID hiddenClientRequest,
               UUID chatFile) {
    }

    @BeforeEach
    void twoCustomersWithSharedWork() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("alpha" + run, null, null, null);
        b = data.world("bravo" + run, null, null, null);
        customerA = identities.create("Anna", "Attacker");
        String customerB = identities.create("Bruno", "Victim");
        asManager(() -> externalAccess.grantExisting(a.client().id(), customerA));
        asManager(() -> externalAccess.grantExisting(b.client().id(), customerB));
        ofA = sentWork(a);
        ofB = sentWork(b);
    }

    Ids sentWork(PortalTestData.World w) {
        UUID acceptance = asManager(() -> acceptances.send(documents.versions(w.sharedDocument().id()).get(0).id(),
                java.time.Instant.now().plus(java.time.Duration.ofDays(7)))).id();
        UUID proposal = asManager(() -> proposals.submit(proposals.create(w.client().id(),
                io.clientspace.proposal.ProposalTestData.fixedFee("Proposal " + w.marker(), "900",
                        java.time.LocalDate.now().plusDays(30))).id())).id();
        UUID request = asManager(() -> requests.send(requests.createDraft(w.project().id(),
                new io.clientspace.inforequest.RequestDraft("Request " + w.marker(), List.of(
                        new io.clientspace.inforequest.RequestItemDraft(io.clientspace.inforequest.ItemKind.QUESTION,
                                "Question " + w.marker(), null)))).id())).id();
        var projectChannels = asManager(() -> chat.channels(w.project().scope()));
        var clientChannels = asManager(() -> chat.channels(WorkScope.client(w.client().id())));
        var hiddenChannels = asManager(() -> chat.channels(w.hiddenProject().scope()));
        UUID projectChannel = projectChannels.get(1).id();
        asManager(() -> chat.post(projectChannel, ChatDraft.text("Kick-off for " + w.marker())));
        // a file in the client channel: the portal's Messages shows it to its own customer only
        java.nio.file.Path plan = io.clientspace.support.TestFiles.write(chatFiles(),
                io.clientspace.support.TestFiles.pdf("plan " + w.marker()));
        UUID chatFile = asManager(() -> chat.post(projectChannel, new ChatDraft("Plan attached", null,
                List.of(new ChatDraft.Upload("chat-plan-" + w.marker() + ".pdf", plan))))).attachments().get(0).fileId();
        asManager(() -> chat.post(projectChannels.get(0).id(), ChatDraft.text("Internal " + w.marker())));
        UUID clientRequest = asManager(() -> clientRequests.raiseForClient(w.client().id(),
                new io.clientspace.request.RequestDraft("GENERAL", "Support " + w.marker(), null, null, null,
                        null))).id();
        UUID hiddenClientRequest = asManager(() -> clientRequests.raiseForClient(w.client().id(),
                new io.clientspace.request.RequestDraft("GENERAL", "Hidden support", null, w.hiddenProject().id(),
                        null, null))).id();
        return new Ids(acceptance, proposal, request, projectChannel, clientChannels.get(1).id(),
                projectChannels.get(0).id(), hiddenChannels.get(1).id(), clientRequest, hiddenClientRequest,
                chatFile);
    }

    private static java.nio.file.Path chatFiles() {
        try {
            return java.nio.file.Files.createTempDirectory("isolation-chat");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The walk: for each template of {@link #WALKED}, the page with A's own data (the positive control) and, where
     * it takes an id, the same page with each of B's ids and ids of A's that are not shared.
     *
     * @throws IllegalStateException for a template without steps: list it here when you add it to WALKED
     */
    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (String template : WALKED) {
            switch (template) {
                case "portal" -> {
                    steps.add(new Step(template, "/portal", a.project().name()));
                    // the dashboard (DD031) lists A's proposal and acceptance to decide, and nothing of B's
                    steps.add(new Step(template, "/portal", "Proposal " + a.marker()));
                    steps.add(new Step(template, "/portal", a.sharedDocument().title()));
                }
                case "portal/documents" -> steps.add(new Step(template, "/portal/documents", a.sharedFile().name()));
                case "portal/profile" -> steps.add(new Step(template, "/portal/profile", a.client().name()));
                case "portal/proposals" -> steps.add(new Step(template, "/portal/proposals", "Proposal " + a.marker()));
                case "portal/requests" -> steps.add(new Step(template, "/portal/requests", "Request " + a.marker()));
                case "portal/acceptances" -> steps.add(new Step(template, "/portal/acceptances",
                        a.sharedDocument().title()));
                case "portal/proposals/:proposalId" -> {
                    steps.add(new Step(template, "/portal/proposals/" + ofA.proposal(), "Proposal " + a.marker()));
                    steps.add(new Step(template, "/portal/proposals/" + ofB.proposal(), null));
                    steps.add(new Step(template, "/portal/proposals/not-a-uuid", null));
                }
                case "portal/requests/:requestId" -> {
                    steps.add(new Step(template, "/portal/requests/" + ofA.request(), "Question " + a.marker()));
                    steps.add(new Step(template, "/portal/requests/" + ofB.request(), null));
                }
                case "portal/client-requests" -> steps.add(new Step(template, "/portal/client-requests",
                        "Support " + a.marker()));
                case "portal/client-requests/:requestId" -> {
                    steps.add(new Step(template, "/portal/client-requests/" + ofA.clientRequest(),
                            "Support " + a.marker()));
                    steps.add(new Step(template, "/portal/client-requests/" + ofB.clientRequest(), null));
                    steps.add(new Step(template, "/portal/client-requests/" + ofB.hiddenClientRequest(), null));
                    // A's own request in a project that is not shared with A
                    steps.add(new Step(template, "/portal/client-requests/" + ofA.hiddenClientRequest(), null));
                    steps.add(new Step(template, "/portal/client-requests/not-a-uuid", null));
                }
                case "portal/acceptances/:acceptanceId" -> {
                    steps.add(new Step(template, "/portal/acceptances/" + ofA.acceptance(),
                            a.sharedDocument().title()));
                    steps.add(new Step(template, "/portal/acceptances/" + ofB.acceptance(), null));
                    steps.add(new Step(template, "/portal/acceptances/not-a-uuid", null));
                }
                case "portal/projects/:projectId" -> {
                    steps.add(new Step(template, "/portal/projects/" + a.project().id(), a.project().name()));
                    steps.add(new Step(template, "/portal/projects/" + b.project().id(), null));
                    steps.add(new Step(template, "/portal/projects/" + b.hiddenProject().id(), null));
                    steps.add(new Step(template, "/portal/projects/" + a.hiddenProject().id(), null));
                    steps.add(new Step(template, "/portal/projects/not-a-uuid", null));
                }
                case "portal/messages/:channelId?" -> {
                    // the General channel is the first: it is named after nothing of B's, so A's project's shows
                    // A's own marker; B's channels, A's internal channels and A's hidden project's are not found
                    steps.add(new Step(template, "/portal/messages/" + ofA.projectChannel(),
                            "chat-plan-" + a.marker() + ".pdf"));
                    steps.add(new Step(template, "/portal/messages", a.project().name()));
                    steps.add(new Step(template, "/portal/messages/" + ofB.projectChannel(), null));
                    steps.add(new Step(template, "/portal/messages/" + ofB.clientChannel(), null));
                    steps.add(new Step(template, "/portal/messages/" + ofA.internalChannel(), null));
                    steps.add(new Step(template, "/portal/messages/" + ofA.hiddenChannel(), null));
                    steps.add(new Step(template, "/portal/messages/not-a-uuid", null));
                }
                case "/portal/download/{kind}/{id}" -> {
                    steps.add(new Step(template, "/portal/download/DOCUMENT/" + a.sharedDocument().id(), "own"));
                    for (UUID doc : List.of(b.sharedDocument().id(), b.unsharedDocument().id(),
                            b.documentInHiddenProject().id(), a.unsharedDocument().id())) {
                        steps.add(new Step(template, "/portal/download/DOCUMENT/" + doc, null));
                    }
                    steps.add(new Step(template, "/portal/download/FILE/" + a.sharedFile().id(), "own"));
                    // B's chat attachment by its file id; A's own is served only through A's channel, not here
                    for (UUID file : List.of(b.sharedFile().id(), b.unsharedFile().id(), a.unsharedFile().id(),
                            ofB.chatFile(), ofA.chatFile())) {
                        steps.add(new Step(template, "/portal/download/FILE/" + file, null));
                    }
                }
                default -> throw new IllegalStateException("No walk step for " + template + ": add one to steps()");
            }
        }
        Set<String> walked = new LinkedHashSet<>();
        steps.forEach(s -> walked.add(s.template()));
        org.assertj.core.api.Assertions.assertThat(walked).as("templates with a step").containsExactlyElementsOf(WALKED);
        return steps;
    }

    @Test
    void customerAWithBsIdsIsDeniedEverywhere() {
        signIn("/portal", customerA, PortalIdentities.PASSWORD);
        assertThat(page.locator("#portal-home")).containsText(a.project().name());
        for (Step step : steps()) {
            if (step.isDownload()) {
                var response = page.request().get(url(step.path()), RequestOptions.create().setMaxRedirects(0));
                if (step.aimedAtOthers()) {
                    org.assertj.core.api.Assertions.assertThat(response.status()).as(step.path()).isEqualTo(404);
                } else {
                    // A's own shared file: sent on to a presigned storage link
                    org.assertj.core.api.Assertions.assertThat(response.status()).as(step.path()).isIn(302, 303);
                    org.assertj.core.api.Assertions.assertThat(response.headers().get("location")).as(step.path())
                            .contains("X-Amz-Signature");
                }
                assertNoLeak(step.path(), response.text());
                continue;
            }
            page.navigate(url(step.path()));
            // first the page's own content: the signed-in customer's name, and their own data or the not-found page
            assertThat(page.locator("#user-menu")).containsText("Anna Attacker");
            if (step.aimedAtOthers()) {
                assertThat(page.locator("#portal-not-found")).isVisible();
            } else {
                assertThat(page.locator(".portal-main").first()).containsText(step.ownMarker());
            }
            // a page still loading, or one showing an error, proves nothing
            assertThat(page.locator(".state-loading")).hasCount(0);
            assertThat(page.locator(".state-error")).hasCount(0);
            assertThat(page.locator("#portal-nav")).isVisible();
            assertNoLeak(step.path(), page.content());
            // A's own things that are not shared stay hidden as well
            org.assertj.core.api.Assertions.assertThat(page.content()).as(step.path())
                    .doesNotContain(a.unsharedDocument().title(), a.unsharedFile().name(), a.hiddenProject().name(),
                            a.documentInHiddenProject().title(), "Hidden support");
        }
        screenshot("portal-isolation-customer");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from portal_download where client_id = ?", Long.class, b.client().id())).isZero();
    }

    @Test
    void aStaffSessionIsDeniedEveryPortalRoute() {
        signIn("/clients", "manager", "manager");
        for (Step step : steps()) {
            if (step.isDownload()) {
                var response = page.request().get(url(step.path()), RequestOptions.create().setMaxRedirects(0));
                org.assertj.core.api.Assertions.assertThat(response.status()).as(step.path()).isEqualTo(403);
                assertNoLeak(step.path(), response.text());
                continue;
            }
            page.navigate(url(step.path()));
            assertThat(page.locator("#access-denied")).isVisible();
            assertNoLeak(step.path(), page.content());
        }
        screenshot("portal-isolation-staff");
    }

    @Test
    void anonymousVisitorsGoToTheCustomersSignIn() {
        for (Step step : steps()) {
            try (BrowserContext anonymous = browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
                Page p = anonymous.newPage();
                p.navigate(url(step.path()));
                assertThat(p.locator("#kc-login")).isVisible();
                assertThat(p).hasURL(Pattern.compile(".*/realms/clientspace-customers/.*"));
                assertNoLeak(step.path(), p.content());
            }
        }
    }

    /** Everything of B's that must never reach A, staff through the portal, or anonymous visitors. */
    List<String> secretsOf(PortalTestData.World w) {
        return List.of(w.marker(), w.client().name(), w.project().name(), w.hiddenProject().name(),
                w.sharedDocument().title(), w.unsharedDocument().title(), w.documentInHiddenProject().title(),
                w.sharedFile().name(), w.unsharedFile().name(), w.task().title(), "Bruno Victim");
    }

    private void assertNoLeak(String route, String body) {
        org.assertj.core.api.Assertions.assertThat(body).as("what %s returns", route)
                .doesNotContain(secretsOf(b).toArray(String[]::new));
    }
}
