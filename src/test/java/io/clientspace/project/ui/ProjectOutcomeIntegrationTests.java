package io.clientspace.project.ui;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import io.clientspace.portal.PortalProjectDetail;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.project.ProjectOutcome;
import io.clientspace.project.ProjectRules;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The project's outcome (DD032): written by those who may manage the project, refused when stale or too long with
 * nothing changed and the typed text kept, and shown in the portal only while the project is shared, and only to its
 * own client.
 */
@ClientspaceIntegrationTest
class ProjectOutcomeIntegrationTests {

    static final String OUTCOME = "The new website is live, with the shop\nand German and English content.";

    @Autowired
    ProjectService projects;
    @Autowired
    PortalService portal;
    @Autowired
    PortalTestData data;
    @Autowired
    JdbcTemplate jdbc;

    PortalTestData.World world;

    @BeforeEach
    void aClientWithASharedAndAHiddenProject() {
        world = data.world("outcome-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void theOutcomeShowsOnTheProjectAndInThePortalOnlyWhileTheProjectIsShared() {
        UUID projectId = world.project().id();
        ProjectOutcome none = asManager(() -> projects.outcome(projectId));
        assertThat(none.text()).isNull();
        assertThat(none.canEdit()).isTrue();
        assertThat(portalProject(projectId).outcome()).isNull();

        ProjectOutcome saved = asManager(() -> projects.saveOutcome(projectId, none.version(), "  " + OUTCOME + "  "));
        assertThat(saved.text()).isEqualTo(OUTCOME);
        assertThat(saved.version()).isEqualTo(none.version() + 1);
        assertThat(saved.updatedByName()).isNotBlank();
        assertThat(asManager(() -> projects.outcome(projectId)).text()).isEqualTo(OUTCOME);
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry where project_id = ? and kind = ?",
                Long.class, projectId, "PROJECT_OUTCOME_CHANGED")).isEqualTo(1);
        assertThat(portalProject(projectId).outcome()).isEqualTo(OUTCOME);

        // no longer shared: the portal has no such project, outcome and all
        asManager(() -> projects.setSharing(projectId, false, false));
        assertThatThrownBy(() -> portalProject(projectId)).isInstanceOf(NotFoundException.class);
        asManager(() -> projects.setSharing(projectId, true, true));
        assertThat(portalProject(projectId).outcome()).isEqualTo(OUTCOME);

        // a project never shared keeps its outcome inside
        UUID hidden = world.hiddenProject().id();
        asManager(() -> projects.saveOutcome(hidden, projects.outcome(hidden).version(), "Internal only"));
        assertThatThrownBy(() -> portalProject(hidden)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherCustomerCannotSeeTheOutcomeById() {
        UUID projectId = world.project().id();
        asManager(() -> projects.saveOutcome(projectId, projects.outcome(projectId).version(), OUTCOME));
        PortalTestData.World other = data.world("outcome-other-" + UUID.randomUUID().toString().substring(0, 6));

        assertThatThrownBy(() -> asCustomer(other.username(), other.client().id(),
                () -> portal.project(portal.current().orElseThrow(), projectId)))
                .isInstanceOf(NotFoundException.class);
        // their own project is theirs, without this client's outcome
        assertThat(asCustomer(other.username(), other.client().id(),
                () -> portal.project(portal.current().orElseThrow(), other.project().id())).outcome()).isNull();
    }

    @Test
    void aStaleEditIsRefusedAndTheNewerTextStays() {
        UUID projectId = world.project().id();
        ProjectOutcome loaded = asManager(() -> projects.outcome(projectId));
        asManager(() -> projects.saveOutcome(projectId, loaded.version(), OUTCOME));

        assertThatThrownBy(() -> asManager(() -> projects.saveOutcome(projectId, loaded.version(), "Older idea")))
                .isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> projects.outcome(projectId)).text()).isEqualTo(OUTCOME);

        // the dialog keeps what was typed and says why
        UI.setCurrent(new UI());
        List<ProjectOutcome> closedWith = new ArrayList<>();
        ProjectOutcomeDialog dialog = asManager(() -> new ProjectOutcomeDialog(loaded, projects, closedWith::add));
        dialog.outcome.setValue("Older idea");
        asManager(dialog::save);
        assertThat(dialog.outcome.getValue()).isEqualTo("Older idea");
        assertThat(dialog.outcome.isInvalid()).isTrue();
        assertThat(closedWith).isEmpty();
    }

    @Test
    void onlyThoseWhoMayManageTheProjectChangeIt() {
        UUID projectId = world.project().id();
        asManager(() -> projects.addMember(projectId, "member"));
        ProjectOutcome seen = asMember(() -> projects.outcome(projectId));
        assertThat(seen.canEdit()).isFalse();
        assertThatThrownBy(() -> asMember(() -> projects.saveOutcome(projectId, seen.version(), OUTCOME)))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> projects.outcome(projectId)).text()).isNull();
        // outside the work group they do not even read it
        assertThatThrownBy(() -> asMember(() -> projects.outcome(world.hiddenProject().id())))
                .isInstanceOf(NoAccessException.class);
    }

    @Test
    void anOverLongOutcomeIsRefusedWithTheTextKept() {
        UUID projectId = world.project().id();
        ProjectOutcome loaded = asManager(() -> projects.outcome(projectId));
        String tooLong = "x".repeat(ProjectRules.OUTCOME_MAX + 1);

        assertThatThrownBy(() -> asManager(() -> projects.saveOutcome(projectId, loaded.version(), tooLong)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("outcome", "validation.too-long")));
        assertThat(asManager(() -> projects.outcome(projectId))).isEqualTo(loaded);

        UI.setCurrent(new UI());
        List<ProjectOutcome> closedWith = new ArrayList<>();
        ProjectOutcomeDialog dialog = asManager(() -> new ProjectOutcomeDialog(loaded, projects, closedWith::add));
        dialog.outcome.setValue(tooLong);
        asManager(dialog::save);
        assertThat(dialog.outcome.getValue()).isEqualTo(tooLong);
        assertThat(dialog.outcome.isInvalid()).isTrue();
        assertThat(closedWith).isEmpty();

        // exactly the limit is fine
        String full = "y".repeat(ProjectRules.OUTCOME_MAX);
        assertThat(asManager(() -> projects.saveOutcome(projectId, loaded.version(), full)).text()).isEqualTo(full);
    }

    private PortalProjectDetail portalProject(UUID projectId) {
        return asCustomer(world.username(), world.client().id(),
                () -> portal.project(portal.current().orElseThrow(), projectId));
    }
}
