package io.clientspace.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clientspace.shared.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the project form tells a user; {@link ProjectService} applies the same rules before it saves. */
class ProjectRulesTests {

    static final LocalDate START = LocalDate.of(2027, 1, 4);

    static ProjectDraft valid() {
        ProjectDraft d = new ProjectDraft();
        d.setName("Website relaunch 2027");
        d.setDescription("New site, new shop");
        d.setStatus(ProjectStatus.ACTIVE);
        d.setStart(START);
        d.setEnd(START.plusMonths(3));
        d.setOwner("manager");
        return d;
    }

    static List<FieldProblem> check(ProjectDraft d) {
        return ProjectRules.check(d);
    }

    @Test
    void aCompleteDraftHasNoProblems() {
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void theNameIsRequiredAndAtMost200Characters() {
        ProjectDraft d = valid();
        d.setName("   ");
        assertThat(check(d)).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("name", "project.error.name-required"));
        d.setName(null);
        assertThat(check(d)).extracting(FieldProblem::messageKey).containsExactly("project.error.name-required");
        d.setName("n".repeat(ProjectRules.NAME_MAX));
        assertThat(check(d)).isEmpty();
        d.setName(" " + "n".repeat(ProjectRules.NAME_MAX) + " ");
        assertThat(check(d)).as("spaces around do not count").isEmpty();
        d.setName("n".repeat(ProjectRules.NAME_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("name", "validation.too-long", 200));
    }

    @Test
    void theDescriptionIsOptionalAndAtMost4000Characters() {
        ProjectDraft d = valid();
        d.setDescription(null);
        assertThat(check(d)).isEmpty();
        d.setDescription("d".repeat(ProjectRules.DESCRIPTION_MAX));
        assertThat(check(d)).isEmpty();
        d.setDescription("d".repeat(ProjectRules.DESCRIPTION_MAX + 1));
        assertThat(check(d)).containsExactly(FieldProblem.of("description", "validation.too-long", 4000));
    }

    @Test
    void theStatusAndTheOwnerAreRequired() {
        ProjectDraft d = valid();
        d.setStatus(null);
        d.setOwner(" ");
        assertThat(check(d)).containsExactly(FieldProblem.of("status", "project.error.status-required"),
                FieldProblem.of("owner", "project.error.owner-required"));
        d.setOwner(null);
        assertThat(check(d)).extracting(FieldProblem::field).contains("owner");
    }

    @Test
    void theEndMayNotComeBeforeTheStart() {
        ProjectDraft d = valid();
        d.setEnd(START.minusDays(1));
        assertThat(check(d)).containsExactly(FieldProblem.of("end", "project.error.end-before-start"));
        d.setEnd(START);
        assertThat(check(d)).as("a one-day project").isEmpty();
        d.setStart(null);
        d.setEnd(START.minusDays(1));
        assertThat(check(d)).as("an end without a start").isEmpty();
        d.setStart(START);
        d.setEnd(null);
        assertThat(check(d)).as("a start without an end").isEmpty();
    }
}
