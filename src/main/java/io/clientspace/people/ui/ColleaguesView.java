package io.clientspace.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.people.ColleagueService;
import io.clientspace.people.ColleagueService.Colleague;
import io.clientspace.people.ColleagueService.HandoverPreview;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffAccountAdmin;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins: the firm's colleagues. Invite one with roles (Keycloak mails the set-password link), change roles, and
 * deactivate one with a preview of what goes to their successor. The audit lists what admins did.
 */
@Menu(title = "nav.colleagues", order = 37, icon = "vaadin:users")
@Route(value = "admin/people", layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class ColleaguesView extends VerticalLayout implements Titled {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("ru"));

    private final ColleagueService colleagues;
    private final String me;
    private final Clock clock;
    private final Grid<Colleague> grid = new Grid<>();
    private final Div audit = new Div();

    ColleaguesView(ColleagueService colleagues, CurrentUserProvider currentUser, Clock clock) {
        this.colleagues = colleagues;
        this.me = currentUser.requireStaff().username();
        this.clock = clock;
        setId("colleagues");
        Paragraph intro = new Paragraph(getTranslation("colleagues.intro"));
        intro.addClassName("muted");
        Button invite = new Button(getTranslation("colleagues.invite"), VaadinIcon.PLUS.create(), e -> openInvite());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setId("colleague-invite");

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Colleague::displayName).setHeader(getTranslation("colleagues.col.name")).setFlexGrow(2);
        grid.addColumn(Colleague::username).setHeader(getTranslation("colleagues.col.username"));
        grid.addColumn(Colleague::email).setHeader(getTranslation("colleagues.col.email")).setFlexGrow(2);
        grid.addColumn(c -> roles(c.roles())).setHeader(getTranslation("colleagues.col.roles")).setFlexGrow(2);
        grid.addComponentColumn(c -> {
            Span state = new Span(getTranslation(c.active() ? "colleagues.state.active" : "colleagues.state.inactive"));
            state.getElement().getThemeList().add(c.active() ? "badge success" : "badge contrast");
            return state;
        }).setHeader(getTranslation("colleagues.col.state"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("colleagues.col.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setClassName("colleague-grid");

        H3 auditTitle = new H3(getTranslation("colleagues.audit.title"));
        audit.setWidthFull();
        add(intro, invite, grid, auditTitle, audit);
        refresh();
    }

    @Override
    public String titleKey() {
        return "nav.colleagues";
    }

    private void refresh() {
        grid.setItems(colleagues.all());
        audit.removeAll();
        var lines = colleagues.audit(50);
        if (lines.isEmpty()) {
            audit.add(States.empty(VaadinIcon.CLIPBOARD_TEXT, getTranslation("colleagues.audit.none.title"),
                    getTranslation("colleagues.audit.none.text"), null));
            return;
        }
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone());
        for (var line : lines) {
            Div row = new Div();
            row.addClassName("colleague-audit-line");
            row.setText(getTranslation("colleagues.audit.line", format.format(line.at()), line.actor(),
                    getTranslation("colleagues.audit." + line.action()), line.colleague(), detail(line)));
            audit.add(row);
        }
    }

    private HorizontalLayout actions(Colleague c) {
        Button roles = new Button(getTranslation("colleagues.roles"), VaadinIcon.KEY.create(), e -> openRoles(c));
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        roles.setId("colleague-roles-" + c.username());
        Button deactivate = new Button(getTranslation("colleagues.deactivate"), VaadinIcon.BAN.create(),
                e -> openDeactivate(c));
        deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        deactivate.setId("colleague-deactivate-" + c.username());
        roles.setEnabled(c.active());
        deactivate.setEnabled(c.active() && !c.username().equals(me));
        if (c.username().equals(me)) {
            // a disabled action says why
            deactivate.setTooltipText(getTranslation("colleagues.error.self"));
        } else if (!c.active()) {
            deactivate.setTooltipText(getTranslation("colleagues.error.already-inactive", c.displayName()));
            roles.setTooltipText(getTranslation("colleagues.error.already-inactive", c.displayName()));
        }
        HorizontalLayout actions = new HorizontalLayout(roles, deactivate);
        actions.setSpacing(false);
        return actions;
    }

    private CheckboxGroup<String> roleBoxes(Set<String> selected) {
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("colleagues.col.roles"));
        roles.setItems(StaffAccountAdmin.ROLES);
        roles.setItemLabelGenerator(r -> getTranslation("colleagues.role." + r));
        roles.setValue(selected);
        roles.setId("colleague-roles-field");
        return roles;
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("colleagues.invite"));
        dialog.setWidth("32rem");
        TextField first = new TextField(getTranslation("colleagues.first-name"));
        first.setId("colleague-first-name");
        TextField last = new TextField(getTranslation("colleagues.last-name"));
        last.setId("colleague-last-name");
        TextField username = new TextField(getTranslation("colleagues.col.username"));
        username.setId("colleague-username");
        username.setHelperText(getTranslation("colleagues.username.help"));
        EmailField email = new EmailField(getTranslation("colleagues.col.email"));
        email.setId("colleague-email");
        CheckboxGroup<String> roles = roleBoxes(Set.of(Roles.MEMBER));
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("colleagues.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
        language.setValue(LANGUAGES.stream().filter(l -> l.getLanguage().equals(getLocale().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        Paragraph summary = new Paragraph();
        summary.addClassName("form-error");
        summary.setVisible(false);
        FormErrors errors = new FormErrors(this).field("username", username).field("firstName", first)
                .field("lastName", last).field("email", email).field("roles", roles);
        Paragraph note = new Paragraph(getTranslation("colleagues.invite.note",
                ColleagueService.INVITATION_VALID.toDays()));
        note.addClassName("muted");
        VerticalLayout form = new VerticalLayout(new HorizontalLayout(first, last), username, email, roles, language,
                note, summary);
        form.setPadding(false);
        dialog.add(form);
        Button send = new Button(getTranslation("colleagues.invite.send"), e -> {
            try {
                Colleague c = colleagues.invite(new ColleagueService.Invitation(username.getValue(), first.getValue(),
                        last.getValue(), email.getValue(), new LinkedHashSet<>(roles.getValue()), language.getValue()));
                dialog.close();
                Notification.show(getTranslation("colleagues.invite.sent", c.displayName(), c.email()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException invalid) {
                // the typed text stays; the problems sit next to their fields
                errors.show(invalid.problems(), summary);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("colleague-invite-send");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void openRoles(Colleague c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("colleagues.roles.title", c.displayName()));
        CheckboxGroup<String> roles = roleBoxes(c.roles());
        Paragraph summary = new Paragraph();
        summary.addClassName("form-error");
        summary.setVisible(false);
        FormErrors errors = new FormErrors(this).field("roles", roles);
        dialog.add(new VerticalLayout(roles, summary));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                colleagues.changeRoles(c.username(), new LinkedHashSet<>(roles.getValue()));
                dialog.close();
                Notification.show(getTranslation("colleagues.roles.saved", c.displayName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException invalid) {
                errors.show(invalid.problems(), summary);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("colleague-roles-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openDeactivate(Colleague c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("colleagues.deactivate.title", c.displayName()));
        dialog.setWidth("40rem");
        Paragraph intro = new Paragraph(getTranslation("colleagues.deactivate.intro"));
        intro.addClassName("muted");
        ComboBox<Colleague> successor = new ComboBox<>(getTranslation("colleagues.successor"));
        successor.setId("colleague-successor");
        successor.setWidthFull();
        successor.setItems(colleagues.all().stream().filter(o -> o.active() && !o.username().equals(c.username())
                && (o.roles().contains(Roles.ADMIN) || o.roles().contains(Roles.MANAGER)
                || o.roles().contains(Roles.MEMBER))).toList());
        successor.setItemLabelGenerator(o -> o.displayName() + " (" + o.username() + ")");
        Div preview = new Div();
        preview.addClassName("handover-preview");
        Paragraph summary = new Paragraph();
        summary.addClassName("form-error");
        summary.setVisible(false);
        FormErrors errors = new FormErrors(this).field("successor", successor);
        Button confirm = new Button(getTranslation("colleagues.deactivate.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("colleague-deactivate-confirm");
        Runnable showPreview = () -> {
            errors.clear();
            summary.setVisible(false);
            HandoverPreview p = colleagues.previewDeactivation(c.username(),
                    successor.getValue() == null ? null : successor.getValue().username());
            preview.removeAll();
            if (successor.getValue() == null) {
                preview.add(new Paragraph(getTranslation("colleagues.deactivate.choose")));
                return;
            }
            if (p.lines().isEmpty()) {
                preview.add(new Paragraph(getTranslation("colleagues.deactivate.nothing", c.displayName())));
            }
            for (HandoverLine line : p.lines()) {
                Div row = new Div();
                row.addClassNames("handover-line", "handover-" + line.outcome().name().toLowerCase(Locale.ROOT));
                row.setText(getTranslation("colleagues.handover." + line.outcome().name(),
                        getTranslation(line.kindKey()), line.title(), line.clientName()));
                preview.add(row);
            }
            confirm.setEnabled(!p.blocked());
            if (p.blocked()) {
                confirm.setTooltipText(getTranslation("colleagues.deactivate.blocked"));
            } else {
                confirm.setTooltipText(null);
            }
        };
        successor.addValueChangeListener(e -> showPreview.run());
        showPreview.run();
        confirm.addClickListener(e -> {
            try {
                HandoverPreview done = colleagues.deactivate(c.username(),
                        successor.getValue() == null ? null : successor.getValue().username());
                dialog.close();
                Notification.show(getTranslation("colleagues.deactivated", c.displayName(), done.lines().size()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException invalid) {
                errors.show(invalid.problems(), summary);
            }
        });
        dialog.add(new VerticalLayout(intro, successor, preview, summary));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** The action's facts in the reader's language: role codes become role names. */
    private String detail(ColleagueService.AuditLine line) {
        List<String> d = line.details();
        if (d.size() < 2) {
            return "";
        }
        if (line.action().equals("DEACTIVATED") && d.get(0).isEmpty()) {
            return "";
        }
        Object first = line.action().equals("DEACTIVATED") ? d.get(0) : roleNames(d.get(0));
        Object second = line.action().equals("ROLES_CHANGED") ? roleNames(d.get(1)) : d.get(1);
        return getTranslation("colleagues.audit.detail." + line.action(), first, second);
    }

    private String roleNames(String codes) {
        return codes.isEmpty() ? "" : java.util.Arrays.stream(codes.split(","))
                .map(r -> getTranslation("colleagues.role." + r)).collect(Collectors.joining(", "));
    }

    private String roles(Set<String> roles) {
        return roles.stream().map(r -> getTranslation("colleagues.role." + r)).collect(Collectors.joining(", "));
    }
}
