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
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal tested as an attacker would: every portal route and download, aimed at customer B's data, walked by
 * customer A, by a staff session and anonymously. Each attempt is denied, and none of B's names or titles ever shows
 * in what comes back. Service-level actions with B's ids (comments, downloads) are in PortalServiceIntegrationTests.
 */
class PortalIsolationBrowserTests extends BrowserTest {

    /** Every portal route, aimed at the given customer's data. The one list this test walks. */
    static List<String> portalRoutes(PortalTestData.World target, UUID acceptance, UUID proposal, UUID request) {
        return List.of(
                "/portal",
                "/portal/projects/" + target.project().id(),
                "/portal/projects/" + target.hiddenProject().id(),
                "/portal/projects/not-a-uuid",
                "/portal/documents",
                "/portal/profile",
                "/portal/proposals",
                "/portal/requests",
                "/portal/acceptances",
                "/portal/acceptances/" + acceptance,
                "/portal/proposals/" + proposal,
                "/portal/requests/" + request,
                "/portal/acceptances/not-a-uuid",
                "/portal/download/DOCUMENT/" + target.sharedDocument().id(),
                "/portal/download/DOCUMENT/" + target.unsharedDocument().id(),
                "/portal/download/DOCUMENT/" + target.documentInHiddenProject().id(),
                "/portal/download/FILE/" + target.sharedFile().id(),
                "/portal/download/FILE/" + target.unsharedFile().id());
    }

    static boolean isDownload(String route) {
        return route.startsWith("/portal/download/");
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

    PortalTestData.World a;
    PortalTestData.World b;
    String customerA;
    UUID acceptanceOfB;
    UUID proposalOfB;
    UUID requestOfB;

    @BeforeEach
    void twoCustomersWithSharedWork() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("alpha" + run, null, null, null);
        b = data.world("bravo" + run, null, null, null);
        customerA = identities.create("Anna", "Attacker");
        String customerB = identities.create("Bruno", "Victim");
        asManager(() -> externalAccess.grantExisting(a.client().id(), customerA));
        asManager(() -> externalAccess.grantExisting(b.client().id(), customerB));
        acceptanceOfB = asManager(() -> acceptances.send(documents.versions(b.sharedDocument().id()).get(0).id(),
                Instant.now().plus(Duration.ofDays(7)))).id();
        // a sent proposal and a sent request of B's, so that their pages exist for B
        proposalOfB = asManager(() -> proposals.submit(proposals.create(b.client().id(),
                ProposalTestData.fixedFee("Proposal " + b.marker(), "900",
                        LocalDate.now().plusDays(30))).id())).id();
        requestOfB = asManager(() -> requests.send(requests.createDraft(b.project().id(),
                new RequestDraft("Request " + b.marker(), List.of(
                        new RequestItemDraft(ItemKind.QUESTION,
                                "Question " + b.marker(), null)))).id())).id();
    }

    /** Everything of B's that must never reach A, staff through the portal, or anonymous visitors. */
    List<String> secretsOf(PortalTestData.World w) {
        List<String> s = new ArrayList<>(List.of(w.marker(), w.client().name(), w.project().name(),
                w.hiddenProject().name(), w.sharedDocument().title(), w.unsharedDocument().title(),
                w.documentInHiddenProject().title(), w.sharedFile().name(), w.unsharedFile().name(), w.task().title(),
                "Bruno Victim"));
        return s;
    }

    @Test
    void customerAWithBsIdsIsDeniedEverywhere() {
        signIn("/portal", customerA, PortalIdentities.PASSWORD);
        assertThat(page.locator("#portal-home")).containsText(a.project().name());
        for (String route : portalRoutes(b, acceptanceOfB, proposalOfB, requestOfB)) {
            if (isDownload(route)) {
                var response = page.request().get(url(route), RequestOptions.create().setMaxRedirects(0));
                org.assertj.core.api.Assertions.assertThat(response.status()).as(route).isEqualTo(404);
                assertNoLeak(route, response.text());
                continue;
            }
            page.navigate(url(route));
            if (route.matches("/portal/(projects|acceptances|proposals|requests)/.+")) {
                assertThat(page.locator("#portal-not-found")).isVisible();
            } else {
                assertThat(page.locator("#portal-nav")).isVisible();
                // every page loads its content off the request thread: judge it once that has arrived
                assertThat(page.locator(".portal-main .portal-page").first()).isVisible();
                assertThat(page.locator(".state-loading")).hasCount(0);
            }
            assertNoLeak(route, page.content());
            // A's own things that are not shared stay hidden as well
            org.assertj.core.api.Assertions.assertThat(page.content()).as(route)
                    .doesNotContain(a.unsharedDocument().title(), a.unsharedFile().name(), a.hiddenProject().name(),
                            a.documentInHiddenProject().title());
        }
        screenshot("portal-isolation-customer");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from portal_download where client_id = ?", Long.class, b.client().id())).isZero();
    }

    @Test
    void aStaffSessionIsDeniedEveryPortalRoute() {
        signIn("/clients", "manager", "manager");
        for (String route : portalRoutes(b, acceptanceOfB, proposalOfB, requestOfB)) {
            if (isDownload(route)) {
                var response = page.request().get(url(route), RequestOptions.create().setMaxRedirects(0));
                org.assertj.core.api.Assertions.assertThat(response.status()).as(route).isEqualTo(403);
                assertNoLeak(route, response.text());
                continue;
            }
            page.navigate(url(route));
            assertThat(page.locator("#access-denied")).isVisible();
            assertNoLeak(route, page.content());
        }
        screenshot("portal-isolation-staff");
    }

    @Test
    void anonymousVisitorsGoToTheCustomersSignIn() {
        for (String route : portalRoutes(b, acceptanceOfB, proposalOfB, requestOfB)) {
            try (BrowserContext anonymous = browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
                Page p = anonymous.newPage();
                p.navigate(url(route));
                assertThat(p.locator("#kc-login")).isVisible();
                assertThat(p).hasURL(Pattern.compile(".*/realms/clientspace-customers/.*"));
                assertNoLeak(route, p.content());
            }
        }
    }

    private void assertNoLeak(String route, String body) {
        org.assertj.core.api.Assertions.assertThat(body).as("what %s returns", route)
                .doesNotContain(secretsOf(b).toArray(String[]::new));
    }
}
