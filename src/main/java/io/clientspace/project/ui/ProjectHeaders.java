package io.clientspace.project.ui;

import com.vaadin.flow.component.combobox.ComboBoxVariant;
import java.util.function.Supplier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectOutcome;
import io.clientspace.project.ProjectService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import java.time.Clock;
import java.util.List;

import io.clientspace.shared.ui.tabs.TabParts;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.extranet.ExtranetNavigation;

/**
 * The top of a project's workspace: name, status, client, owner and period, the actions (edit, view as client), the
 * sharing switches and the work group. The workspace shell puts it above the tabs.
 */
@SpringComponent
public class ProjectHeaders {

    private final ProjectService projects;
    private final StaffDirectory staff;
    private final ExternalAccessService externalAccess;
    private final Clock clock;

    ProjectHeaders(ProjectService projects, StaffDirectory staff, ExternalAccessService externalAccess, Clock clock) {
        this.projects = projects;
        this.staff = staff;
        this.externalAccess = externalAccess;
        this.clock = clock;
    }

    /** The header and the work group line, in this order, for one page. */
    public List<Component> create(ClientProject project) {
        return new Parts().create(project);
    }

    /** One page's header: translations come from the page's locale through a component of its own. */
    private final class Parts extends Div {

        List<Component> create(ClientProject project) {
            Div members = new Div();
            members.setId("project-members");
            members.addClassName("project-members");
            Component header = header(project);
            showMembers(members, project);
            return List.of(header, members);
        }

        private Component header(ClientProject p) {
            var icon = VaadinIcon.FOLDER_OPEN_O.create();
            icon.addClassName("header-icon");
            H1 name = new H1(p.name());
            name.setId("project-title");
            HorizontalLayout titleRow = new HorizontalLayout(icon, name, ProjectsTab.statusBadge(p));
            titleRow.setAlignItems(FlexComponent.Alignment.CENTER);

            Div facts = new Div();
            facts.addClassName("facts");
            Component client = p.clientPath() == null ? new Span(p.clientName()) : new Anchor(p.clientPath(), p.clientName());
            client.setId("project-client");
            fact(facts, VaadinIcon.BUILDING, getTranslation("project.client"), client);
            TabParts.fact(facts, VaadinIcon.USER_STAR, getTranslation("project.owner"), p.ownerName());
            String period = ProjectsTab.period(this, p, clock);
            if (!period.isEmpty()) {
                TabParts.fact(facts, VaadinIcon.CALENDAR, getTranslation("project.period"), period);
            }

            HorizontalLayout top = new HorizontalLayout(titleRow);
            top.setWidthFull();
            top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            top.setAlignItems(FlexComponent.Alignment.CENTER);
            HorizontalLayout actions = new HorizontalLayout();
            if (p.canManage()) {
                Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e ->
                        ProjectFormDialog.edit(p, staff.assignable(), projects, saved ->
                                UI.getCurrent().getPage().reload()).open());
                edit.setId("edit-project");
                actions.add(edit);
            }
            if (externalAccess.canManage()) {
                Button viewAs = new Button(getTranslation("project.view-as"), VaadinIcon.EYE.create(), e -> viewAs(p));
                viewAs.setId("view-as-client");
                actions.add(viewAs);
            }
            top.add(actions);
            Div header = new Div(top, facts);
            if (p.canManage()) {
                header.add(sharing(p));
            }
            header.addClassName("workspace-header");
            header.setId("workspace-header");
            if (p.description() != null) {
                Paragraph description = new Paragraph(p.description());
                description.addClassName("notes");
                description.setId("project-description-text");
                header.add(description);
            }
            header.add(outcomeSection(p));
            return header;
        }

        /** What the project must deliver (DD032); whoever may manage the project edits it here. */
        private Component outcomeSection(ClientProject p) {
            Div box = new Div();
            box.setId("project-outcome-section");
            box.addClassName("project-outcome");
            showOutcome(box, p, projects.outcome(p.id()));
            return box;
        }

        private void showOutcome(Div box, ClientProject p, ProjectOutcome o) {
            box.removeAll();
            Span label = new Span(getTranslation("project.outcome"));
            label.addClassName("review-label");
            Paragraph text = new Paragraph(o.text() == null ? getTranslation("project.outcome.none") : o.text());
            text.setId("project-outcome-text");
            text.addClassName(o.text() == null ? "muted" : "notes");
            text.getStyle().set("white-space", "pre-line");
            Button edit = new Button(getTranslation("project.outcome.edit"), VaadinIcon.EDIT.create(),
                    e -> new ProjectOutcomeDialog(o, projects, saved -> showOutcome(box, p, saved)).open());
            edit.setId("edit-project-outcome");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            if (!o.canEdit()) {
                edit.setEnabled(false);
                edit.setTooltipText(getTranslation("project.outcome.edit-unavailable", p.ownerName()));
            }
            HorizontalLayout top = new HorizontalLayout(label, edit);
            top.setAlignItems(FlexComponent.Alignment.CENTER);
            box.add(top, text);
        }

        /** The work group as name badges; whoever may manage the project adds and removes people here. */
        private void showMembers(Div box, ClientProject p) {
            box.removeAll();
            Span label = new Span(getTranslation("project.members"));
            label.addClassName("review-label");
            box.add(label);
            if (p.members().isEmpty()) {
                Span none = new Span(getTranslation("project.members.none"));
                none.addClassName("muted");
                box.add(none);
            }
            for (StaffMember m : p.members()) {
                Span badge = new Span(m.displayName());
                badge.getElement().getThemeList().addAll(List.of("badge", "contrast", "pill"));
                badge.addClassName("member");
                if (p.canManage()) {
                    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> change(box,
                            () -> projects.removeMember(p.id(), m.username())));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                    remove.setAriaLabel(getTranslation("project.members.remove", m.displayName()));
                    remove.getElement().setAttribute("title", getTranslation("project.members.remove", m.displayName()));
                    remove.addClassName("remove-member");
                    badge.add(remove);
                }
                box.add(badge);
            }
            if (p.canManage()) {
                ComboBox<StaffMember> add = new ComboBox<>();
                add.setId("add-member");
                add.setPlaceholder(getTranslation("project.members.add"));
                add.setItems(staff.assignable().stream().filter(s -> p.members().stream()
                        .noneMatch(m -> m.username().equals(s.username()))).toList());
                add.setItemLabelGenerator(StaffMember::displayName);
                add.addThemeVariants(ComboBoxVariant.LUMO_SMALL);
                add.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        change(box, () -> projects.addMember(p.id(), e.getValue().username()));
                    }
                });
                box.add(add);
            }
        }

        private void change(Div box, Supplier<ClientProject> action) {
            try {
                showMembers(box, action.get());
            } catch (InvalidInputException e) {
                e.problems().stream().findFirst().ifPresent(p -> Notification.show(
                        getTranslation(p.messageKey(), p.args().toArray()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            } catch (StaleDataException e) {
                Notification.show(getTranslation("project.error.stale"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        }

        /** What of the project the client's portal shows; only those who may manage the project change it. */
        private Component sharing(ClientProject p) {
            Checkbox shared = new Checkbox(getTranslation("project.sharing.shared"), p.sharedWithClient());
            shared.setId("share-project");
            Checkbox tasksVisible = new Checkbox(getTranslation("project.sharing.tasks"), p.tasksVisibleToClient());
            tasksVisible.setId("share-project-tasks");
            tasksVisible.setEnabled(p.sharedWithClient());
            Runnable save = () -> {
                try {
                    ClientProject saved = projects.setSharing(p.id(), shared.getValue(), tasksVisible.getValue());
                    tasksVisible.setEnabled(saved.sharedWithClient());
                    Notification.show(getTranslation(saved.sharedWithClient() ? "project.sharing.saved-on"
                            : "project.sharing.saved-off"), 3000, Notification.Position.BOTTOM_START);
                } catch (StaleDataException | NoAccessException e) {
                    Notification.show(getTranslation("project.error.stale"), 5000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_WARNING);
                    UI.getCurrent().getPage().reload();
                }
            };
            shared.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    save.run();
                }
            });
            tasksVisible.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    save.run();
                }
            });
            Span label = new Span(VaadinIcon.GLOBE.create(), new Span(getTranslation("project.sharing.label")));
            label.addClassName("review-label");
            Div box = new Div(label, shared, tasksVisible);
            box.setId("project-sharing");
            box.addClassName("project-sharing");
            return box;
        }

        /** Opens the portal as one of the client's contacts sees it; with several, asks whose. */
        private void viewAs(ClientProject p) {
            // any contact, also one not signed in yet: the preview shows their role and policy (DD035)
            List<PortalAccount> accounts = externalAccess.forClient(p.clientId());
            if (accounts.isEmpty()) {
                Notification.show(getTranslation("project.view-as.none"), 5000, Notification.Position.MIDDLE);
            } else if (accounts.size() == 1) {
                UI.getCurrent().navigate(ExtranetNavigation.viewAs(accounts.get(0).id()));
            } else {
                Dialog choose = new Dialog();
                choose.setId("view-as-choose");
                choose.setHeaderTitle(getTranslation("project.view-as.choose"));
                for (PortalAccount a : accounts) {
                    Button who = new Button(a.displayName() + " · " + a.email(), e -> {
                        choose.close();
                        UI.getCurrent().navigate(ExtranetNavigation.viewAs(a.id()));
                    });
                    who.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    who.addClassName("view-as-account");
                    choose.add(new Div(who));
                }
                choose.getFooter().add(new Button(getTranslation("action.cancel"), e -> choose.close()));
                choose.open();
            }
        }

        private static void fact(Div facts, VaadinIcon icon, String label, Component value) {
            TabParts.fact(facts, icon, label, value);
        }
    }
}
