package io.clientspace.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.clientspace.project.ProjectOutcome;
import io.clientspace.project.ProjectRules;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Edits what the project must deliver (DD032), with a counter as one types. What was typed stays when the service
 * refuses it (too long, or changed by someone else meanwhile), so nothing is lost.
 */
class ProjectOutcomeDialog extends Dialog {

    final TextArea outcome = new TextArea();
    final Button save = new Button();
    private final ProjectOutcome loaded;
    private final ProjectService projects;
    private final Consumer<ProjectOutcome> onSaved;
    private final FormErrors errors = new FormErrors(this);

    ProjectOutcomeDialog(ProjectOutcome loaded, ProjectService projects, Consumer<ProjectOutcome> onSaved) {
        this.loaded = loaded;
        this.projects = projects;
        this.onSaved = onSaved;
        setId("project-outcome-dialog");
        setHeaderTitle(getTranslation("project.outcome.edit"));
        setWidth("min(40rem, 96vw)");
        setCloseOnOutsideClick(false);

        outcome.setId("project-outcome");
        outcome.setLabel(getTranslation("project.outcome"));
        outcome.setPlaceholder(getTranslation("project.outcome.placeholder"));
        outcome.setWidthFull();
        outcome.setMinHeight("10rem");
        // no maxLength: a pasted text that is too long stays whole, and the counter says by how much
        outcome.setValueChangeMode(ValueChangeMode.EAGER);
        outcome.setValue(Objects.requireNonNullElse(loaded.text(), ""));
        outcome.addValueChangeListener(e -> count());
        count();
        errors.field("outcome", outcome);
        add(outcome);

        save.setText(getTranslation("action.save"));
        save.setId("project-outcome-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void count() {
        int length = outcome.getValue() == null ? 0 : outcome.getValue().strip().length();
        outcome.setHelperText(getTranslation("project.outcome.counter", length, ProjectRules.OUTCOME_MAX));
    }

    void save() {
        List<FieldProblem> problems = ProjectRules.checkOutcome(outcome.getValue());
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            ProjectOutcome saved = projects.saveOutcome(loaded.projectId(), loaded.version(), outcome.getValue());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            errors.show(e.problems());
        } catch (StaleDataException e) {
            errors.show(List.of(FieldProblem.of("outcome", "project.outcome.stale")));
        }
    }
}
