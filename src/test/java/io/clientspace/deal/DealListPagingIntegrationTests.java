package io.clientspace.deal;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.DealFilter.Show;
import io.clientspace.devservices.TestClock;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectTestData;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Deals tab's list paged in the database (DD039): every deal once, newest first, with no cap on how many a client
 * may have; the views and the checklist's filters pick out the same deals as the stages say; a project narrows the
 * list; the counts change when a deal does; and nobody pages through a workspace they may not open.
 */
@ClientspaceIntegrationTest
class DealListPagingIntegrationTests {

    @Autowired
    DealService deals;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    Clock clock;

    Client client;
    WorkScope scope;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void aClientOfTheManager() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        scope = WorkScope.client(client.id());
    }

    @Test
    void pagesReachEveryOpenDealOnceNewestFirst() {
        // another client's deal must never show up in this client's pages
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        asManager(() -> deals.create(other.id(), titled("Someone else's deal")));
        List<String> created = new ArrayList<>();
        Instant start = clock.instant().minus(Duration.ofHours(1));
        for (int i = 1; i <= 23; i++) {
            String title = "Deal %02d".formatted(i);
            try (TestClock.Unpin at = TestClock.pin(start.plusSeconds(i))) {
                asManager(() -> deals.create(client.id(), titled(title)));
            }
            created.add(0, title);
        }

        DealFilter open = DealFilter.of(Show.OPEN);
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 10) {
            int from = offset;
            paged.addAll(asManager(() -> deals.page(scope, open, from, 10)).stream().map(Deal::title).toList());
        }
        assertThat(paged).as("three pages of ten, newest first").containsExactlyElementsOf(created);
        assertThat(asManager(() -> deals.count(scope, open))).isEqualTo(23);
        assertThat(asManager(() -> deals.counts(scope))).extracting(DealCounts::open, DealCounts::won,
                DealCounts::lost).containsExactly(23L, 0L, 0L);

        DealList first = asManager(() -> deals.firstPage(scope, open, 10));
        assertThat(first.length()).isEqualTo(23);
        assertThat(first.rows()).extracting(Deal::title).containsExactlyElementsOf(created.subList(0, 10));
        assertThat(first.firstRows().rowsIfHeld(0, 10)).extracting(Deal::title).containsExactlyElementsOf(created.subList(0, 10));
        assertThat(first.firstRows().rowsIfHeld(10, 10)).as("the second page is fetched, not made up").isNull();
        assertThat(first.rows()).allSatisfy(d -> assertThat(d.stage()).isEqualTo(DealStage.NEW));
    }

    @Test
    void viewsAndChecklistFiltersPickTheDealsTheirStagesSay() {
        Deal planned = asManager(() -> deals.create(client.id(), titled("Planned")));
        DealDraft noStep = titled("Nothing planned");
        noStep.setNextStep(null);
        noStep.setNextStepDue(null);
        Deal unplanned = asManager(() -> deals.create(client.id(), noStep));
        Deal stalled = asManager(() -> deals.create(client.id(), titled("Sits in its stage")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(stalled.id().toString())
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult()
                .getId());
        Deal lost = asManager(() -> deals.create(client.id(), titled("Lost one")));
        asManager(() -> deals.moveOn(lost.id(), DealStage.NEW, StageMove.lost("No budget")));
        Deal won = asManager(() -> deals.create(client.id(), titled("Won one")));
        for (DealStage at : new DealStage[] {DealStage.NEW, DealStage.QUALIFIED, DealStage.PROPOSAL}) {
            asManager(() -> deals.moveOn(won.id(), at, StageMove.advance("Next", today.plusDays(1))));
        }
        asManager(() -> deals.moveOn(won.id(), DealStage.NEGOTIATION, StageMove.won("Best offer")));

        assertThat(ids(Show.OPEN)).containsExactlyInAnyOrder(planned.id(), unplanned.id(), stalled.id());
        assertThat(ids(Show.WON)).containsExactly(won.id());
        assertThat(ids(Show.LOST)).containsExactly(lost.id());
        assertThat(ids(Show.STALLED)).containsExactly(stalled.id());
        assertThat(ids(Show.NO_NEXT_STEP)).containsExactly(unplanned.id());
        assertThat(asManager(() -> deals.page(scope, DealFilter.of(Show.WON), 0, 10))).singleElement()
                .satisfies(d -> assertThat(d.stage()).isEqualTo(DealStage.WON));
        assertThat(asManager(() -> deals.count(scope, DealFilter.of(Show.STALLED)))).isEqualTo(1);

        DealCounts before = asManager(() -> deals.counts(scope));
        assertThat(before).extracting(DealCounts::open, DealCounts::won, DealCounts::lost, DealCounts::all)
                .containsExactly(3L, 1L, 1L, 5L);
        // a change that moves no deal between the views still tells the list apart, so a live refresh redraws it
        asManager(() -> deals.moveOn(planned.id(), DealStage.NEW, StageMove.advance("Call back", today)));
        DealCounts after = asManager(() -> deals.counts(scope));
        assertThat(after).extracting(DealCounts::open, DealCounts::won, DealCounts::lost)
                .containsExactly(3L, 1L, 1L);
        assertThat(after).isNotEqualTo(before);
        assertThat(asManager(() -> deals.page(scope, DealFilter.of(Show.OPEN), 0, 10))).filteredOn(d -> d.id()
                .equals(planned.id())).singleElement().satisfies(d -> {
                    assertThat(d.stage()).isEqualTo(DealStage.QUALIFIED);
                    assertThat(d.nextStep()).isEqualTo("Call back");
                });
    }

    @Test
    void aProjectNarrowsTheListAndAProjectsOwnListHoldsOnlyItsDeals() {
        ClientProject relaunch = asManager(() -> projects.create(client.id(), project("Relaunch")));
        DealDraft inProject = titled("In the project");
        inProject.setProjectId(relaunch.id());
        Deal projectDeal = asManager(() -> deals.create(client.id(), inProject));
        Deal clientDeal = asManager(() -> deals.create(client.id(), titled("On the client")));

        assertThat(asManager(() -> deals.page(scope, new DealFilter(Show.OPEN, relaunch.id(), false), 0, 10)))
                .extracting(Deal::id).containsExactly(projectDeal.id());
        assertThat(asManager(() -> deals.page(scope, new DealFilter(Show.OPEN, null, true), 0, 10)))
                .extracting(Deal::id).containsExactly(clientDeal.id());
        assertThat(asManager(() -> deals.count(scope, new DealFilter(Show.OPEN, null, true)))).isEqualTo(1);
        assertThat(asManager(() -> deals.page(relaunch.scope(), DealFilter.of(Show.OPEN), 0, 10)))
                .extracting(Deal::id).containsExactly(projectDeal.id());
        DealList projectList = asManager(() -> deals.firstPage(relaunch.scope(), DealFilter.of(Show.OPEN), 10));
        assertThat(projectList.counts().all()).isEqualTo(1);
        assertThat(projectList.firstRows().rowsIfHeld(0, 50)).as("a list shorter than a page is held whole").hasSize(1);
    }

    @Test
    void nobodyPagesThroughAWorkspaceTheyMayNotOpen() {
        ClientProject relaunch = asManager(() -> projects.create(client.id(), project("Relaunch")));
        asManager(() -> projects.addMember(relaunch.id(), "member"));
        DealDraft inProject = titled("In the project");
        inProject.setProjectId(relaunch.id());
        Deal projectDeal = asManager(() -> deals.create(client.id(), inProject));
        asManager(() -> deals.create(client.id(), titled("On the client only")));
        DealFilter open = DealFilter.of(Show.OPEN);

        // the member is in the project's work group, not on the client
        assertThatThrownBy(() -> asMember(() -> deals.page(scope, open, 0, 10))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.count(scope, open))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.counts(scope))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.firstPage(scope, open, 10)))
                .isInstanceOf(NoAccessException.class);
        // a project filter on the client's scope does not open the client
        assertThatThrownBy(() -> asMember(() -> deals.page(scope, new DealFilter(Show.OPEN, relaunch.id(), false),
                0, 10))).isInstanceOf(NoAccessException.class);
        assertThat(asMember(() -> deals.page(relaunch.scope(), open, 0, 10))).extracting(Deal::id)
                .containsExactly(projectDeal.id());

        // another client's project, named with this client's id (an id changed in a URL), is not found, even by
        // a manager who sees both clients
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientProject foreign = asManager(() -> projects.create(other.id(), project("Foreign")));
        WorkScope forged = WorkScope.project(client.id(), foreign.id());
        assertThatThrownBy(() -> asManager(() -> deals.page(forged, open, 0, 10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> deals.firstPage(forged, open, 10)))
                .isInstanceOf(NotFoundException.class);
    }

    private List<UUID> ids(Show show) {
        return asManager(() -> deals.page(scope, DealFilter.of(show), 0, 50)).stream().map(Deal::id).toList();
    }

    private static DealDraft titled(String title) {
        DealDraft d = DealTestData.draft("manager");
        d.setTitle(title);
        return d;
    }

    private static ProjectDraft project(String name) {
        return ProjectTestData.active(name);
    }
}
