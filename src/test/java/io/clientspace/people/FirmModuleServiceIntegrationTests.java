package io.clientspace.people;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.TestClock;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalContactStatus;
import io.clientspace.extranet.PortalRole;
import io.clientspace.portal.PortalDashboard;
import io.clientspace.portal.PortalProposals;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.portal.PortalWaiting;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.proposal.ProposalTestData;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleOffException;
import io.clientspace.shared.PlanLimit;
import io.clientspace.shared.PlanLimitException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.Actors;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.workspace.ReviewService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Modules a firm switches on (issue 15 §4, DD034) against the real database and engine: Proposals switched off
 * leaves the service, the portal and the workspace, keeps its data for when it comes back, lets a running proposal
 * process finish while no new one starts; and the plan's cap on portal contacts is the server's rule. Every test
 * leaves the firm as it found it: all modules on, the Firm plan, no cap.
 */
@ClientspaceIntegrationTest
class FirmModuleServiceIntegrationTests {

    @Autowired
    FirmModuleService modules;
    @Autowired
    ProposalService proposals;
    @Autowired
    PortalProposals portalProposals;
    @Autowired
    PortalDashboard dashboard;
    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
    @Autowired
    ExternalAccessService externalAccess;
    @Autowired
    ClientService clients;
    @Autowired
    ReviewService review;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void everythingBackOn() {
        jdbc.update("update firm_plan set max_portal_contacts = null where code = 'FIRM'");
        jdbc.update("update firm_settings set plan_code = 'FIRM' where id = 1");
        jdbc.update("delete from firm_module_override");
        modules.forgetCache();
    }

    @Test
    void proposalsSwitchedOffLeaveServicePortalAndWorkspaceAndComeBackWithTheirData() {
        PortalTestData.World world = data.world("mod-off");
        UUID clientId = world.client().id();
        Proposal sent = asManager(() -> proposals.submit(asManager(() -> proposals.create(clientId,
                ProposalTestData.fixedFee("Website relaunch", "1000", inDays(30)))).id()));
        assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
        CustomerScope viewer = asCustomer(world.username(), clientId, () -> portal.current().orElseThrow());
        assertThat(waitingProposals(world, viewer)).containsExactly(sent.id());

        asAdmin(() -> modules.switchModule(FirmModule.PROPOSALS, false));

        assertThat(modules.isOn(FirmModule.PROPOSALS)).isFalse();
        assertThat(modules.showsTab("proposals")).as("the workspace tab, and so its counter").isFalse();
        assertThat(modules.showsPortalSection("portal.nav.proposals")).isFalse();
        assertThat(modules.showsTab("deals")).as("other modules' tabs stay").isTrue();
        assertOff(() -> asManager(() -> proposals.create(clientId,
                ProposalTestData.fixedFee("Another one", "1000", inDays(30)))));
        assertOff(() -> asManager(() -> proposals.in(WorkScope.client(clientId))));
        assertOff(() -> asCustomer(world.username(), clientId, () -> portalProposals.list(viewer)));
        assertOff(() -> asCustomer(world.username(), clientId, () -> portalProposals.accept(viewer, sent.id(),
                "Test Customer mod-off", "203.0.113.7")));
        assertThat(waitingProposals(world, viewer)).as("the portal's dashboard no longer asks for an answer")
                .isEmpty();
        assertThat(asAdmin(() -> modules.overview()).modules()).filteredOn(s -> s.module() == FirmModule.PROPOSALS)
                .singleElement().satisfies(s -> {
                    assertThat(s.on()).isFalse();
                    assertThat(s.override()).as("the Firm plan includes it: an admin switched it off").isFalse();
                });

        asAdmin(() -> modules.switchModule(FirmModule.PROPOSALS, true));

        assertThat(asAdmin(() -> modules.overview()).modules()).filteredOn(s -> s.module() == FirmModule.PROPOSALS)
                .singleElement().satisfies(s -> assertThat(s.override()).as("as the plan says again").isNull());
        assertThat(asManager(() -> proposals.in(WorkScope.client(clientId)))).extracting(Proposal::id,
                Proposal::status).containsExactly(org.assertj.core.groups.Tuple.tuple(sent.id(), ProposalStatus.SENT));
        assertThat(waitingProposals(world, viewer)).containsExactly(sent.id());
    }

    @Test
    void aSwitchMadeOnAnotherNodeShowsHereOnceTheCacheTimeHasPassedOnTheAppsClock() {
        Instant start = clock.instant().plus(Duration.ofHours(1));
        try (TestClock.Unpin still = TestClock.pin(start)) {
            modules.forgetCache();
            assertThat(modules.isOn(FirmModule.PROPOSALS)).as("read now, at the pinned instant").isTrue();

            // another node switches Proposals off: its table changes, this node's cache does not hear of it
            jdbc.update("insert into firm_module_override (module, enabled, changed_by, changed_at)"
                    + " values ('PROPOSALS', false, 'admin', now())");

            TestClock.pin(start.plus(FirmModuleService.CACHE_TTL).minusSeconds(1));
            assertThat(modules.isOn(FirmModule.PROPOSALS)).as("within the cache time").isTrue();
            TestClock.pin(start.plus(FirmModuleService.CACHE_TTL).plusSeconds(1));
            assertThat(modules.isOn(FirmModule.PROPOSALS)).as("once the cache time has passed").isFalse();
        }
    }

    @Test
    void aRunningProposalProcessContinuesWhileNoNewOneStarts() {
        PortalTestData.World world = data.world("mod-run");
        UUID clientId = world.client().id();
        Proposal running = asManager(() -> proposals.submit(asManager(() -> proposals.create(clientId,
                ProposalTestData.fixedFee("Running", "1000", inDays(30)))).id()));
        Proposal draft = asManager(() -> proposals.create(clientId,
                ProposalTestData.fixedFee("Still a draft", "1000", inDays(30))));
        assertThat(asAdmin(() -> modules.previewSwitch(FirmModule.PROPOSALS, false)))
                .as("the preview counts the proposals on their way").singleElement().satisfies(w -> {
                    assertThat(w.messageKey()).isEqualTo("module.work.proposal-approval");
                    assertThat(w.count()).isPositive();
                });
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("proposal-approval").count();

        asAdmin(() -> modules.switchModule(FirmModule.PROPOSALS, false));
        try {
            assertOff(() -> asManager(() -> proposals.submit(draft.id())));
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("proposal-approval", UUID.randomUUID()
                    .toString(), Map.of("proposalId", draft.id().toString())))
                    .as("the engine itself starts no new instance, whoever asks")
                    .isInstanceOf(ModuleOffException.class);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("proposal-approval").count())
                    .isEqualTo(instances);

            // the running one reaches its end: its valid-until timer fires and the model's expiry path runs
            proposals.expireNow(running.id());
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(running.id().toString())
                    .count()).isZero();
        } finally {
            asAdmin(() -> modules.switchModule(FirmModule.PROPOSALS, true));
        }
        assertThat(asManager(() -> proposals.get(running.id())).status()).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(asManager(() -> proposals.get(draft.id())).status()).isEqualTo(ProposalStatus.DRAFT);
    }

    @Test
    void thePlansCapOnPortalContactsIsTheServersRule() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        long used = jdbc.queryForObject(
                "select count(*) from portal_account where status in ('INVITED', 'ACTIVE')", Long.class);
        jdbc.update("update firm_plan set max_portal_contacts = ? where code = 'FIRM'", used + 1);
        modules.forgetCache();
        assertThat(modules.limit(PlanLimit.PORTAL_CONTACTS)).hasValue(used + 1);

        PortalAccount first = asManager(() -> externalAccess.addContact(client.id(),
                new PortalContactDraft("First Seat", unique("first"), PortalRole.APPROVER), true));
        assertThat(first.contactStatus()).isEqualTo(PortalContactStatus.INVITED);

        String second = unique("second");
        assertThatThrownBy(() -> asManager(() -> externalAccess.addContact(client.id(),
                new PortalContactDraft("Second Seat", second, PortalRole.APPROVER), true)))
                .isInstanceOfSatisfying(PlanLimitException.class, e -> {
                    assertThat(e.cap()).isEqualTo(used + 1);
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("email");
                        assertThat(p.messageKey()).isEqualTo("plan.limit.reached.PORTAL_CONTACTS");
                    });
                });
        assertThat(asManager(() -> externalAccess.forClient(client.id()))).as("nothing half-saved")
                .extracting(PortalAccount::email).doesNotContain(second);

        // a contact not invited takes no seat; inviting them is refused, and they stay as they were
        PortalAccount waiting = asManager(() -> externalAccess.addContact(client.id(),
                new PortalContactDraft("Waiting Seat", unique("waiting"), PortalRole.BILLING), false));
        assertThatThrownBy(() -> asManager(() -> externalAccess.invite(waiting.id())))
                .isInstanceOf(PlanLimitException.class);
        assertThat(asManager(() -> externalAccess.forClient(client.id()))).filteredOn(a -> a.id().equals(waiting.id()))
                .singleElement().extracting(PortalAccount::contactStatus).isEqualTo(PortalContactStatus.NOT_INVITED);
        assertThat(asAdmin(() -> modules.overview()).limits()).singleElement().satisfies(l -> {
            assertThat(l.used()).isEqualTo(used + 1);
            assertThat(l.cap()).isEqualTo(used + 1);
        });

        // without a cap the same invitation goes out
        jdbc.update("update firm_plan set max_portal_contacts = null where code = 'FIRM'");
        modules.forgetCache();
        assertThat(asManager(() -> externalAccess.invite(waiting.id())).contactStatus())
                .isEqualTo(PortalContactStatus.INVITED);
    }

    @Test
    void aPlanPresetsTheModulesAndOverridesWin() {
        assertThat(asAdmin(() -> modules.plans())).extracting(FirmModuleService.Plan::code)
                .containsExactly("SOLO", "TEAM", "FIRM");
        assertThat(asAdmin(() -> modules.previewPlan("SOLO"))).as("nothing runs in modules Solo leaves out")
                .allSatisfy(w -> assertThat(w.module()).isNotIn(FirmModule.PROPOSALS, FirmModule.PORTAL));
        asAdmin(() -> modules.choosePlan("SOLO"));
        assertThat(modules.isOn(FirmModule.REPORTS)).isFalse();
        assertThat(modules.showsMenu("nav.reports")).isFalse();
        assertThat(modules.isOn(FirmModule.PROPOSALS)).isTrue();
        assertThat(modules.limit(PlanLimit.PORTAL_CONTACTS)).hasValue(5);

        asAdmin(() -> modules.switchModule(FirmModule.REPORTS, true));
        assertThat(modules.isOn(FirmModule.REPORTS)).as("an override wins over the plan").isTrue();
        asAdmin(() -> modules.followPlan(FirmModule.REPORTS));
        assertThat(modules.isOn(FirmModule.REPORTS)).isFalse();
        assertThatThrownBy(() -> asAdmin(() -> modules.choosePlan("GOLD")))
                .isInstanceOf(io.clientspace.shared.InvalidInputException.class);
    }

    @Test
    void onlyAdminsSeeOrChangeTheModules() {
        assertThatThrownBy(() -> asManager(() -> modules.overview())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asManager(() -> modules.switchModule(FirmModule.CHAT, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.asMember(() -> modules.choosePlan("SOLO")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(modules.isOn(FirmModule.CHAT)).isTrue();
    }

    @Test
    void theChecklistDropsTheLinesOfAModuleThatIsOff() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThat(asManager(() -> review.review(client.id())).externalAccess()).isNotNull();
        asAdmin(() -> modules.switchModule(FirmModule.PORTAL, false));
        assertThat(asManager(() -> review.review(client.id())).externalAccess()).isNull();
    }

    List<UUID> waitingProposals(PortalTestData.World world, CustomerScope viewer) {
        return asCustomer(world.username(), world.client().id(), () -> dashboard.waiting(viewer)).stream()
                .filter(w -> w.kind() == PortalWaiting.Kind.PROPOSAL).map(PortalWaiting::id).toList();
    }

    static void assertOff(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ModuleOffException.class,
                e -> assertThat(e.module()).isEqualTo(FirmModule.PROPOSALS));
    }

    static <T> T asAdmin(Supplier<T> work) {
        return Actors.as("admin", work, "ADMIN", "STAFF");
    }

    static void asAdmin(Runnable work) {
        asAdmin(() -> {
            work.run();
            return null;
        });
    }

    static LocalDate inDays(int days) {
        return LocalDate.now().plusDays(days);
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@seats.example";
    }
}
