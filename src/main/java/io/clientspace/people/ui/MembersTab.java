package io.clientspace.people.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.client.AccessLevel;
import io.clientspace.people.MemberAccessRequest;
import io.clientspace.people.WorkspaceMember;
import io.clientspace.people.WorkspaceMemberService;
import io.clientspace.people.WorkspaceMembers;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NamedClient;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.time.Clock;
import java.util.List;

/**
 * Who can open the client and at what level: the owner, then the colleagues its managers let in. Its managers add,
 * change and remove members here and answer access requests in one click; everyone else who can open the client
 * reads the list.
 */
class MembersTab extends WorkspaceTab<WorkspaceMembers> {

    static final String TAB = "members";

    /** The Members tab on a client's workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final WorkspaceMemberService members;

        Provider(WorkspaceMemberService members) {
            super(TAB, 90, Where.CLIENT);
            this.members = members;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new MembersTab(context, members);
        }
    }

    private static final List<AccessLevel> LEVELS = List.of(AccessLevel.VIEWER, AccessLevel.EDITOR,
            AccessLevel.MANAGER);

    private final NamedClient client;
    private final WorkspaceMemberService members;
    private final Clock clock;
    private final Runnable countersChanged;

    MembersTab(TabContext context, WorkspaceMemberService members) {
        super(TAB, "workspace.tab.members", context.loader());
        this.client = context.client();
        this.members = members;
        this.clock = context.clock();
        this.countersChanged = context.countersChanged();
    }

    @Override
    protected long count() {
        return members.count(client.id());
    }

    @Override
    protected WorkspaceMembers fetch() {
        return members.members(client.id());
    }

    @Override
    protected boolean isEmpty(WorkspaceMembers data) {
        // the owner is always listed; only a client without one (imported data) shows the empty state
        return data.members().isEmpty() && data.requests().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "members.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.USERS, getTranslation("members.none.title"),
                getTranslation("members.none.text"), null);
    }

    @Override
    protected Component render(WorkspaceMembers data) {
        Div box = new Div();
        box.addClassName("tab-body");
        if (data.canManage()) {
            Button add = new Button(getTranslation("members.add"), VaadinIcon.PLUS.create(), e -> openAdd());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.setId("members-add");
            HorizontalLayout toolbar = new HorizontalLayout(add);
            toolbar.addClassName("tab-toolbar");
            box.add(toolbar);
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("members.read-only"));
            readOnly.addClassName("hint");
            readOnly.setId("members-read-only");
            box.add(readOnly);
        }
        if (!data.requests().isEmpty()) {
            H4 heading = new H4(getTranslation("members.requests.title", data.requests().size()));
            Div requests = new Div(heading);
            requests.setId("members-requests");
            requests.addClassName("members-requests");
            data.requests().forEach(r -> requests.add(requestRow(r)));
            box.add(requests);
        }
        box.add(grid(data));
        return box;
    }

    private Grid<WorkspaceMember> grid(WorkspaceMembers data) {
        Grid<WorkspaceMember> grid = new Grid<>();
        grid.setId("members-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(WorkspaceMember::displayName).setHeader(getTranslation("members.name")).setFlexGrow(2);
        grid.addComponentColumn(this::levelBadge).setHeader(getTranslation("members.level")).setAutoWidth(true);
        grid.addColumn(m -> m.endsOn() == null ? "" : TabParts.date(getLocale(), clock.getZone(), m.endsOn()))
                .setHeader(getTranslation("members.ends-on")).setAutoWidth(true);
        if (data.canManage()) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(data.members());
        return grid;
    }

    private Component levelBadge(WorkspaceMember m) {
        Span badge = new Span(m.owner() ? getTranslation("members.owner")
                : getTranslation("members.levels." + m.level().name()));
        badge.getElement().getThemeList().add(m.level() == AccessLevel.MANAGER ? "badge success" : "badge");
        badge.addClassName("member-level");
        return badge;
    }

    private Component actions(WorkspaceMember m) {
        if (m.owner()) {
            Span hint = new Span(getTranslation("members.owner-hint"));
            hint.addClassName("hint");
            return hint;
        }
        Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e -> openChange(m));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("member-edit-" + m.username());
        Button remove = new Button(getTranslation("members.remove"), VaadinIcon.CLOSE_SMALL.create(),
                e -> confirmRemove(m));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setId("member-remove-" + m.username());
        return new HorizontalLayout(edit, remove);
    }

    private Component requestRow(MemberAccessRequest r) {
        Span who = new Span(getTranslation("members.requests.asks", r.requesterName(),
                TabParts.date(getLocale(), clock.getZone(), r.requestedAt())));
        who.addClassName("member-request-who");
        Select<AccessLevel> level = levelSelect();
        level.setValue(AccessLevel.VIEWER);
        level.setId("request-level-" + r.requester());
        DatePicker endsOn = endPicker();
        endsOn.setId("request-ends-" + r.requester());
        TextField message = new TextField();
        message.setPlaceholder(getTranslation("members.requests.message"));
        message.setMaxLength(WorkspaceMemberService.MESSAGE_MAX);
        message.setId("request-message-" + r.requester());
        message.setWidth("20em");
        FormErrors errors = new FormErrors(this).field("level", level).field("endsOn", endsOn)
                .field("message", message);
        Button grant = new Button(getTranslation("members.requests.grant"), VaadinIcon.CHECK.create(),
                e -> act(errors, () -> members.grantRequest(r.id(), level.getValue(), endsOn.getValue(),
                        message.getValue()), "members.requests.granted", r.requesterName()));
        grant.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        grant.setId("request-grant-" + r.requester());
        Button decline = new Button(getTranslation("members.requests.decline"), VaadinIcon.BAN.create(),
                e -> act(errors, () -> members.declineRequest(r.id(), message.getValue()),
                        "members.requests.declined", r.requesterName()));
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        decline.setId("request-decline-" + r.requester());
        HorizontalLayout controls = new HorizontalLayout(level, endsOn, message, grant, decline);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        Div row = new Div(who, controls);
        row.addClassName("member-request");
        row.setId("request-" + r.requester());
        return row;
    }

    private void openAdd() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("members.add-title", client.name()));
        ComboBox<StaffMember> who = new ComboBox<>(getTranslation("members.colleague"));
        who.setItems(members.candidates(client.id()));
        who.setItemLabelGenerator(StaffMember::displayName);
        who.setId("member-colleague");
        who.setWidthFull();
        Select<AccessLevel> level = levelSelect();
        level.setLabel(getTranslation("members.level"));
        level.setValue(AccessLevel.VIEWER);
        level.setId("member-level");
        DatePicker endsOn = endPicker();
        endsOn.setLabel(getTranslation("members.ends-on"));
        endsOn.setId("member-ends-on");
        FormErrors errors = new FormErrors(this).field("username", who).field("level", level).field("endsOn", endsOn);
        Paragraph levels = new Paragraph(getTranslation("members.levels-explained"));
        levels.addClassName("hint");
        level.setWidthFull();
        endsOn.setWidthFull();
        VerticalLayout form = new VerticalLayout(who, level, endsOn, levels);
        form.setPadding(false);
        dialog.setWidth("32rem");
        dialog.add(form);
        Button save = new Button(getTranslation("members.add"), e -> {
            if (act(errors, () -> members.grant(client.id(), who.getValue() == null ? null
                    : who.getValue().username(), level.getValue(), endsOn.getValue()), null)) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("member-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void openChange(WorkspaceMember m) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("members.change-title", m.displayName()));
        Select<AccessLevel> level = levelSelect();
        level.setLabel(getTranslation("members.level"));
        level.setValue(m.level());
        level.setId("member-level");
        DatePicker endsOn = endPicker();
        endsOn.setLabel(getTranslation("members.ends-on"));
        endsOn.setValue(m.endsOn());
        endsOn.setId("member-ends-on");
        FormErrors errors = new FormErrors(this).field("level", level).field("endsOn", endsOn);
        level.setWidthFull();
        endsOn.setWidthFull();
        VerticalLayout form = new VerticalLayout(level, endsOn);
        form.setPadding(false);
        dialog.setWidth("32rem");
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            if (act(errors, () -> members.change(client.id(), m.username(), level.getValue(), endsOn.getValue(),
                    m.version()), null)) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("member-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void confirmRemove(WorkspaceMember m) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("members.remove-title", m.displayName()),
                getTranslation("members.remove-text", m.displayName(), client.name()),
                getTranslation("members.remove"), e -> act(new FormErrors(this),
                () -> members.remove(client.id(), m.username(), m.version()), null));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setId("member-remove-confirm");
        confirm.open();
    }

    private Select<AccessLevel> levelSelect() {
        Select<AccessLevel> level = new Select<>();
        level.setItems(LEVELS);
        level.setItemLabelGenerator(l -> getTranslation("members.levels." + l.name()));
        return level;
    }

    private DatePicker endPicker() {
        DatePicker picker = DatePickers.localized(new DatePicker(), getLocale());
        picker.setPlaceholder(getTranslation("members.no-end"));
        picker.setClearButtonVisible(true);
        return picker;
    }

    private boolean act(FormErrors errors, Runnable action, String doneKey, Object... doneArgs) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            rest.stream().findFirst().ifPresent(p -> Notification.show(getTranslation(p.messageKey(),
                            p.args().toArray()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            return false;
        }
        if (doneKey != null) {
            Notification.show(getTranslation(doneKey, doneArgs), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        reload();
        countersChanged.run();
        return true;
    }
}
