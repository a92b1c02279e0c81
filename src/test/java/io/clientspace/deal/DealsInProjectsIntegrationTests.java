package io.clientspace.deal;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deals inside projects: created in a project (the link set by the scope), listed per project and on the client,
 * refused in another client's project, moved between projects with a timeline entry, and seen by a member of the
 * project's work group only as far as the project goes.
 */
@ClientspaceIntegrationTest
class DealsInProjectsIntegrationTests {

    @Autowired
    DealService deals;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;

    Client client;
    ClientProject relaunch;
    ClientProject seo;

    @BeforeEach
    void aClientOfTheManagerWithTwoProjectsAndAMemberInOne() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        relaunch = asManager(() -> projects.create(client.id(), project("Relaunch")));
        asManager(() -> projects.addMember(relaunch.id(), "member"));
        seo = asManager(() -> projects.create(client.id(), project("SEO")));
    }

    @Test
    void aDealCreatedInAProjectIsListedThereAndOnTheClient() {
        Deal inProject = asManager(() -> deals.create(client.id(), draft("manager", relaunch.id())));
        Deal onClient = asManager(() -> deals.create(client.id(), draft("manager", null)));
        assertThat(inProject.projectId()).isEqualTo(relaunch.id());
        assertThat(onClient.projectId()).isNull();

        assertThat(asManager(() -> deals.in(relaunch.scope()))).extracting(Deal::id).containsExactly(inProject.id());
        assertThat(asManager(() -> deals.in(seo.scope()))).isEmpty();
        assertThat(asManager(() -> deals.in(WorkScope.client(client.id())))).extracting(Deal::id)
                .containsExactlyInAnyOrder(inProject.id(), onClient.id());
        assertThat(asManager(() -> deals.countOpenIn(relaunch.scope()))).isEqualTo(1);
        assertThat(asManager(() -> deals.countOpenIn(WorkScope.client(client.id())))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select project_id from deal where id = ?", java.util.UUID.class,
                inProject.id())).isEqualTo(relaunch.id());
    }

    @Test
    void aProjectOfAnotherClientIsRefusedAndNothingIsSaved() {
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientProject foreign = asManager(() -> projects.create(other.id(), project("Foreign")));

        assertThatThrownBy(() -> asManager(() -> deals.create(client.id(), draft("manager", foreign.id()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.project-other-client"));
        assertThat(asManager(() -> deals.countForClient(client.id()))).isZero();
        assertThat(asManager(() -> deals.countForClient(other.id()))).isZero();

        Deal deal = asManager(() -> deals.create(client.id(), draft("manager", relaunch.id())));
        assertThatThrownBy(() -> asManager(() -> deals.moveToProject(deal.id(), deal.version(), foreign.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("deal.error.project-other-client"));
        assertThat(asManager(() -> deals.get(deal.id())).projectId()).isEqualTo(relaunch.id());
    }

    @Test
    void movingADealBetweenProjectsIsRecordedOnTheTimeline() {
        Deal deal = asManager(() -> deals.create(client.id(), draft("manager", relaunch.id())));
        Deal moved = asManager(() -> deals.moveToProject(deal.id(), deal.version(), seo.id()));
        assertThat(moved.projectId()).isEqualTo(seo.id());
        assertThat(asManager(() -> deals.in(relaunch.scope()))).isEmpty();
        assertThat(asManager(() -> deals.in(seo.scope()))).extracting(Deal::id).containsExactly(deal.id());
        assertThat(jdbc.queryForObject("select detail from timeline_entry where subject_id = ? and kind = ?",
                String.class, deal.id(), "DEAL_PROJECT_CHANGED")).isEqualTo("Relaunch → SEO");
        // moving it where it is records nothing more
        asManager(() -> deals.moveToProject(deal.id(), moved.version(), seo.id()));
        Deal onClient = asManager(() -> deals.moveToProject(deal.id(), moved.version(), null));
        assertThat(onClient.projectId()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ? and kind = ?",
                Long.class, deal.id(), "DEAL_PROJECT_CHANGED")).isEqualTo(2);
    }

    @Test
    void aMemberOnlyInTheProjectsWorkGroupSeesItsDealsAndNoOthers() {
        Deal inProject = asManager(() -> deals.create(client.id(), draft("manager", relaunch.id())));
        Deal inSeo = asManager(() -> deals.create(client.id(), draft("manager", seo.id())));
        Deal onClient = asManager(() -> deals.create(client.id(), draft("manager", null)));

        assertThat(asMember(() -> deals.in(relaunch.scope()))).extracting(Deal::id).containsExactly(inProject.id());
        assertThat(asMember(() -> deals.countOpenIn(relaunch.scope()))).isEqualTo(1);
        assertThat(asMember(() -> deals.get(inProject.id())).title()).isEqualTo("Deal in project");
        assertThatThrownBy(() -> asMember(() -> deals.in(WorkScope.client(client.id()))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.in(seo.scope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.get(inSeo.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> deals.get(onClient.id()))).isInstanceOf(NoAccessException.class);

        // they create one in the project, owned by themselves
        Deal own = asMember(() -> deals.create(client.id(), draft("member", relaunch.id())));
        assertThat(own.projectId()).isEqualTo(relaunch.id());
        assertThatThrownBy(() -> asMember(() -> deals.create(client.id(), draft("member", seo.id()))))
                .isInstanceOf(NoAccessException.class);
    }

    private static DealDraft draft(String owner, java.util.UUID projectId) {
        DealDraft d = DealServiceIntegrationTests.draft(owner);
        d.setTitle(projectId == null ? "Deal on the client" : "Deal in project");
        d.setProjectId(projectId);
        return d;
    }

    private static ProjectDraft project(String name) {
        return ProjectTestData.active(name);
    }
}
