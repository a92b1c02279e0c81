package io.clientspace.project.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectRules;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new project on a client, or changes to one: name, description, status, dates and owner. Members are added on
 * the project's page. What the user typed stays in the form until it saves.
 */
class ProjectFormDialog extends Dialog {

    private final ProjectService projects;
    private final UUID clientId;
    private final ClientProject existing;
    private final Consumer<ClientProject> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Select<ProjectStatus> status = new Select<>();
    final DatePicker start = new DatePicker();
    final DatePicker end = new DatePicker();
    final ComboBox<StaffMember> owner = new ComboBox<>();

    /** A new project on the client; {@code me} is its owner unless the user picks someone else. */
    static ProjectFormDialog create(UUID clientId, String clientName, String me, List<StaffMember> people,
                                    ProjectService projects, Consumer<ClientProject> onSaved) {
        ProjectFormDialog d = new ProjectFormDialog(clientId, null, people, projects, onSaved);
        d.setHeaderTitle(d.getTranslation("projects.new-for", clientName));
        people.stream().filter(m -> m.username().equals(me)).findFirst().ifPresent(d.owner::setValue);
        return d;
    }

    static ProjectFormDialog edit(ClientProject project, List<StaffMember> people, ProjectService projects,
                                  Consumer<ClientProject> onSaved) {
        ProjectFormDialog d = new ProjectFormDialog(project.clientId(), project, people, projects, onSaved);
        d.setHeaderTitle(d.getTranslation("projects.edit", project.name()));
        d.name.setValue(project.name());
        d.description.setValue(project.description() == null ? "" : project.description());
        d.status.setValue(project.status());
        d.start.setValue(project.start());
        d.end.setValue(project.end());
        people.stream().filter(m -> m.username().equals(project.owner())).findFirst().ifPresent(d.owner::setValue);
        return d;
    }

    private ProjectFormDialog(UUID clientId, ClientProject existing, List<StaffMember> people,
                              ProjectService projects, Consumer<ClientProject> onSaved) {
        this.clientId = clientId;
        this.existing = existing;
        this.projects = projects;
        this.onSaved = onSaved;
        setId("project-form");
        setWidth("min(40rem, 96vw)");
        setCloseOnOutsideClick(false);

        name.setLabel(getTranslation("project.name"));
        name.setId("project-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ProjectRules.NAME_MAX);
        description.setLabel(getTranslation("project.description"));
        description.setId("project-description");
        description.setMaxLength(ProjectRules.DESCRIPTION_MAX);
        description.setMinHeight("6rem");
        status.setLabel(getTranslation("project.status"));
        status.setId("project-status");
        status.setItems(ProjectStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("project.statuses." + s.name()));
        status.setValue(ProjectStatus.ACTIVE);
        start.setLabel(getTranslation("project.start"));
        start.setId("project-start");
        DatePickers.localized(start, getLocale());
        end.setLabel(getTranslation("project.end"));
        end.setId("project-end");
        DatePickers.localized(end, getLocale());
        start.addValueChangeListener(e -> end.setMin(e.getValue()));
        owner.setLabel(getTranslation("project.owner"));
        owner.setId("project-owner");
        owner.setRequiredIndicatorVisible(true);
        owner.setItems(people);
        owner.setItemLabelGenerator(StaffMember::displayName);

        errors.field("name", name).field("description", description).field("status", status).field("start", start)
                .field("end", end).field("owner", owner);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.add(name, 2);
        form.add(description, 2);
        form.add(status, owner, start, end);
        add(form);

        Button save = new Button(getTranslation(existing == null ? "projects.create" : "action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("project-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    ProjectDraft draft() {
        ProjectDraft d = new ProjectDraft();
        d.setName(name.getValue());
        d.setDescription(description.getValue());
        d.setStatus(status.getValue());
        d.setStart(start.getValue());
        d.setEnd(end.getValue());
        d.setOwner(owner.getValue() == null ? null : owner.getValue().username());
        d.setVersion(existing == null ? null : existing.version());
        return d;
    }

    void save() {
        List<FieldProblem> problems = new ArrayList<>(ProjectRules.check(draft()));
        for (var picker : List.of(start, end)) {
            // typed text that is not a date: keep it and say so, rather than saving the project without that date
            if (picker.isInvalid() && picker.getValue() == null) {
                problems.add(FieldProblem.of(picker == start ? "start" : "end", "project.error.date-format",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                                .withLocale(getLocale()).format(LocalDate.now())));
            }
        }
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            ClientProject saved = existing == null ? projects.create(clientId, draft())
                    : projects.update(existing.id(), draft());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            errors.show(e.problems());
        } catch (StaleDataException e) {
            errors.show(List.of(FieldProblem.of("name", "project.error.stale")));
        }
    }
}
