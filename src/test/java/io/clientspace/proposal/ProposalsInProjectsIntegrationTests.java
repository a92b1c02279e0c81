package io.clientspace.proposal;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proposals inside projects (DD032): created in a project (the link set by the scope), listed per project and on the
 * client, refused in another client's project, moved while a draft with a timeline entry, and seen by a member of the
 * project's work group only as far as the project goes.
 */
@ClientspaceIntegrationTest
class ProposalsInProjectsIntegrationTests {

    @Autowired
    ProposalService proposals;
    @Autowired
    ClientService clients;
    @Autowired
    ProjectService projects;
    @Autowired
    PortalTestData data;
    @Autowired
    Translations translations;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    Client client;
    ClientProject relaunch;
    ClientProject seo;

    @BeforeEach
    void aClientWithAPortalContactAndTwoProjectsAndAMemberInOne() {
        client = data.world("pip-" + UUID.randomUUID().toString().substring(0, 6)).client();
        relaunch = asManager(() -> projects.create(client.id(), project("Relaunch")));
        asManager(() -> projects.addMember(relaunch.id(), "member"));
        seo = asManager(() -> projects.create(client.id(), project("SEO")));
    }

    @Test
    void aProposalCreatedInAProjectIsListedThereAndOnTheClient() {
        Proposal inProject = asManager(() -> proposals.create(client.id(), draft("In project", relaunch.id())));
        Proposal onClient = asManager(() -> proposals.create(client.id(), draft("On client", null)));
        assertThat(inProject.projectId()).isEqualTo(relaunch.id());
        assertThat(onClient.projectId()).isNull();

        assertThat(asManager(() -> proposals.in(relaunch.scope()))).extracting(Proposal::id)
                .containsExactly(inProject.id());
        assertThat(asManager(() -> proposals.in(seo.scope()))).isEmpty();
        assertThat(asManager(() -> proposals.in(WorkScope.client(client.id())))).extracting(Proposal::id)
                .contains(inProject.id(), onClient.id());
        assertThat(asManager(() -> proposals.countIn(relaunch.scope()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select project_id from proposal where id = ?", UUID.class,
                inProject.id())).isEqualTo(relaunch.id());
        // its drafting shows on the project's timeline
        assertThat(jdbc.queryForObject("select project_id from timeline_entry where subject_id = ? and kind = ?",
                UUID.class, inProject.id(), "PROPOSAL_CREATED")).isEqualTo(relaunch.id());
    }

    @Test
    void aProjectOfAnotherClientIsRefusedWithItsOwnMessageAndNothingIsSaved() {
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientProject foreign = asManager(() -> projects.create(other.id(), project("Foreign")));
        long before = asManager(() -> proposals.countForClient(client.id()));

        assertThatThrownBy(() -> asManager(() -> proposals.create(client.id(), draft("Wrong", foreign.id()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("proposal.error.project-other-client"));
        assertThat(asManager(() -> proposals.countForClient(client.id()))).isEqualTo(before);
        assertThat(asManager(() -> proposals.countForClient(other.id()))).isZero();
        // the apostrophe shows as one, not swallowed by MessageFormat
        assertThat(translations.getTranslation("proposal.error.project-other-client", Locale.ENGLISH))
                .contains("client's projects");

        Proposal p = asManager(() -> proposals.create(client.id(), draft("Right", relaunch.id())));
        assertThatThrownBy(() -> asManager(() -> proposals.moveToProject(p.id(), p.version(), foreign.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("proposal.error.project-other-client"));
        assertThat(asManager(() -> proposals.get(p.id())).projectId()).isEqualTo(relaunch.id());
    }

    @Test
    void aDraftMovesBetweenProjectsOnTheTimelineAndASentOneStaysWhereItWasSentFrom() {
        Proposal p = asManager(() -> proposals.create(client.id(), draft("Movable", relaunch.id())));
        Proposal moved = asManager(() -> proposals.moveToProject(p.id(), p.version(), seo.id()));
        assertThat(moved.projectId()).isEqualTo(seo.id());
        assertThat(asManager(() -> proposals.in(relaunch.scope()))).isEmpty();
        assertThat(asManager(() -> proposals.in(seo.scope()))).extracting(Proposal::id).containsExactly(p.id());
        assertThat(jdbc.queryForObject("select detail from timeline_entry where subject_id = ? and kind = ?",
                String.class, p.id(), "PROPOSAL_PROJECT_CHANGED")).isEqualTo(p.number() + " · Relaunch → SEO");
        // a screen loaded before the move is stale
        assertThatThrownBy(() -> asManager(() -> proposals.moveToProject(p.id(), p.version(), null)))
                .isInstanceOf(StaleDataException.class);
        // moving it where it is records nothing more; out of the projects, once more
        asManager(() -> proposals.moveToProject(p.id(), moved.version(), seo.id()));
        Proposal onClient = asManager(() -> proposals.moveToProject(p.id(), moved.version(), null));
        assertThat(onClient.projectId()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry where subject_id = ? and kind = ?",
                Long.class, p.id(), "PROPOSAL_PROJECT_CHANGED")).isEqualTo(2);

        Proposal sent = asManager(() -> proposals.submit(onClient.id()));
        assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
        assertThatThrownBy(() -> asManager(() -> proposals.moveToProject(sent.id(), sent.version(), seo.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("proposal.error.move-not-draft"));
        assertThat(asManager(() -> proposals.get(sent.id())).projectId()).isNull();
    }

    @Test
    void aMemberOnlyInTheProjectsWorkGroupSeesItsProposalsAndNoOthers() {
        Proposal inProject = asManager(() -> proposals.create(client.id(), draft("In project", relaunch.id())));
        Proposal inSeo = asManager(() -> proposals.create(client.id(), draft("In SEO", seo.id())));
        Proposal onClient = asManager(() -> proposals.create(client.id(), draft("On client", null)));

        assertThat(asMember(() -> proposals.in(relaunch.scope()))).extracting(Proposal::id)
                .containsExactly(inProject.id());
        assertThat(asMember(() -> proposals.countIn(relaunch.scope()))).isEqualTo(1);
        assertThat(asMember(() -> proposals.get(inProject.id())).title()).isEqualTo("In project");
        assertThat(asMember(() -> proposals.canSend(relaunch.scope()))).isTrue();
        assertThatThrownBy(() -> asMember(() -> proposals.in(WorkScope.client(client.id()))))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> proposals.in(seo.scope()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> proposals.get(inSeo.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> proposals.get(onClient.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> proposals.pdfLink(onClient.id())))
                .isInstanceOf(NoAccessException.class);
        // proposals leave the firm: a work-group member reads them but creates none, not even in the project
        assertThat(asMember(() -> proposals.canCreate(relaunch.scope()))).isFalse();
        assertThatThrownBy(() -> asMember(() -> proposals.create(client.id(), draft("Mine", relaunch.id()))))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> proposals.canCreate(relaunch.scope()))).isTrue();
    }

    private ProposalDraft draft(String title, UUID projectId) {
        ProposalDraft d = ProposalTestData.fixedFee(title, "1000", LocalDate.now(clock).plusDays(30));
        d.setProjectId(projectId);
        return d;
    }

    private static ProjectDraft project(String name) {
        return ProjectTestData.active(name);
    }
}
