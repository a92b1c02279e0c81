package io.clientspace.project;

import static io.clientspace.shared.Texts.clean;

import io.clientspace.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** Rules for projects, shared by the form (immediate feedback) and the service (the gate). */
public final class ProjectRules {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int MEMBERS_MAX = 50;
    /** What a project must deliver: a paragraph or two, not a specification (DD032). */
    public static final int OUTCOME_MAX = 2000;

    private ProjectRules() {
    }

    /** The outcome as typed: empty is allowed (no outcome yet); longer than {@link #OUTCOME_MAX} is not. */
    public static List<FieldProblem> checkOutcome(String outcome) {
        String text = clean(outcome);
        return text != null && text.length() > OUTCOME_MAX
                ? List.of(FieldProblem.of("outcome", "validation.too-long", OUTCOME_MAX)) : List.of();
    }

    public static List<FieldProblem> check(ProjectDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        String name = clean(d.getName());
        if (name == null) {
            p.add(FieldProblem.of("name", "project.error.name-required"));
        } else if (name.length() > NAME_MAX) {
            p.add(FieldProblem.of("name", "validation.too-long", NAME_MAX));
        }
        String description = clean(d.getDescription());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            p.add(FieldProblem.of("description", "validation.too-long", DESCRIPTION_MAX));
        }
        if (d.getStatus() == null) {
            p.add(FieldProblem.of("status", "project.error.status-required"));
        }
        if (d.getStart() != null && d.getEnd() != null && d.getEnd().isBefore(d.getStart())) {
            p.add(FieldProblem.of("end", "project.error.end-before-start"));
        }
        if (clean(d.getOwner()) == null) {
            p.add(FieldProblem.of("owner", "project.error.owner-required"));
        }
        return p;
    }
}
