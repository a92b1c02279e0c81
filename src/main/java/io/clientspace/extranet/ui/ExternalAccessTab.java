package io.clientspace.extranet.ui;

import io.clientspace.extranet.ExtranetNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.shared.NamedClient;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactStatus;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

/**
 * The people on the customer's side and their portal access: add a contact, invite them, send the invitation again,
 * or revoke access. Only admins and managers see this tab; for everyone else it is hidden.
 */
class ExternalAccessTab extends WorkspaceTab<List<PortalAccount>> {

    /** The External access tab on a client's workspace: the client's portal contacts. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ExternalAccessService access;

        Provider(ExternalAccessService access) {
            super(ExtranetNavigation.TAB, 60, Where.CLIENT);
            this.access = access;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ExternalAccessTab(context, access);
        }
    }

    private final NamedClient client;
    private final ExternalAccessService access;
    private final Clock clock;
    private final Runnable onChange;

    ExternalAccessTab(TabContext context, ExternalAccessService access) {
        super(ExtranetNavigation.TAB, "workspace.tab.external", context.loader());
        this.client = context.client();
        this.access = access;
        this.clock = context.clock();
        this.onChange = context.countersChanged();
    }

    @Override
    protected long count() {
        return access.countForClient(client.id());
    }

    @Override
    protected List<PortalAccount> fetch() {
        return access.forClient(client.id());
    }

    @Override
    protected boolean permitted() {
        return access.canView();
    }

    @Override
    protected boolean isEmpty(List<PortalAccount> data) {
        return data.isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "external.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.GLOBE, getTranslation("external.none.title"),
                getTranslation("external.none.text"), addButton());
    }

    @Override
    protected Component hiddenState() {
        return States.hidden(getTranslation("external.hidden.title"), getTranslation("external.hidden.text"));
    }

    @Override
    protected Component render(List<PortalAccount> data) {
        Grid<PortalAccount> grid = new Grid<>();
        grid.setId("external-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(a -> {
            Span name = new Span(a.displayName());
            name.addClassName("contact-name");
            Span email = new Span(a.email());
            email.addClassName("muted");
            Div both = new Div(name, email);
            both.addClassName("two-lines");
            return both;
        }).setHeader(getTranslation("external.name")).setFlexGrow(3);
        grid.addColumn(a -> getTranslation("external.roles." + a.role().name()))
                .setHeader(getTranslation("external.role")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("external.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> a.invitedAt() == null ? "" : getTranslation("external.invited-by-on", when(a.invitedAt()),
                a.invitedByName())).setHeader(getTranslation("external.invited")).setFlexGrow(2);
        grid.addColumn(a -> a.lastSignInAt() == null ? getTranslation("external.never") : when(a.lastSignInAt()))
                .setHeader(getTranslation("external.last-sign-in")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(data);
        HorizontalLayout toolbar = new HorizontalLayout(addButton());
        toolbar.addClassName("tab-toolbar");
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    private Component statusBadge(PortalAccount a) {
        Span badge = new Span(getTranslation("external.statuses." + a.status()));
        String theme = switch (a.contactStatus()) {
            case ACTIVE -> "badge success";
            case INVITED -> "badge";
            case EXPIRED, REVOKED -> "badge error";
            case NOT_INVITED -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("contact-status");
        if (a.contactStatus() == PortalContactStatus.INVITED && a.invitationExpiresAt() != null) {
            badge.getElement().setAttribute("title", getTranslation("external.expires", when(a.invitationExpiresAt())));
        }
        return badge;
    }

    private Component actions(PortalAccount a) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        switch (a.contactStatus()) {
            case NOT_INVITED -> actions.add(action("invite", VaadinIcon.ENVELOPE_O, () -> access.invite(a.id()),
                    "external.done.invited", a));
            case INVITED -> {
                actions.add(action("resend", VaadinIcon.REFRESH, () -> access.resend(a.id()),
                        "external.done.resent", a));
                actions.add(action("cancel-invitation", VaadinIcon.CLOSE_SMALL,
                        () -> access.cancelInvitation(a.id()), "external.done.invitation-cancelled", a));
            }
            case EXPIRED, REVOKED -> actions.add(action("invite-again", VaadinIcon.ENVELOPE_O,
                    () -> access.invite(a.id()), "external.done.invited", a));
            case ACTIVE -> {
                // active people need nothing but the way out below
            }
        }
        if (a.contactStatus() == PortalContactStatus.ACTIVE || a.contactStatus() == PortalContactStatus.INVITED) {
            Button revoke = new Button(getTranslation("external.action.revoke"), VaadinIcon.BAN.create(),
                    e -> confirmRevoke(a));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.addClassName("revoke-contact");
            actions.add(revoke);
        }
        return actions;
    }

    private Button action(String id, VaadinIcon icon, Supplier<PortalAccount> run, String doneKey, PortalAccount a) {
        Button button = new Button(getTranslation("external.action." + id), icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName(id + "-contact");
        button.setDisableOnClick(true);
        button.addClickListener(e -> perform(run, doneKey, a, button));
        return button;
    }

    private void perform(Supplier<PortalAccount> run, String doneKey, PortalAccount a, Button button) {
        try {
            run.get();
            Notification.show(getTranslation(doneKey, a.displayName(), a.email()), 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed();
        } catch (InvalidInputException e) {
            button.setEnabled(true);
            e.problems().stream().findFirst().ifPresent(p -> Notification.show(
                    getTranslation(p.messageKey(), p.args().toArray()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        } catch (RuntimeException e) {
            // Keycloak or the mail server did not answer: nothing changed, so the user can simply try again
            button.setEnabled(true);
            org.slf4j.LoggerFactory.getLogger(ExternalAccessTab.class).warn("Portal access action failed", e);
            Notification.show(getTranslation("external.errors.unavailable"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmRevoke(PortalAccount a) {
        Dialog confirm = new Dialog();
        confirm.setId("revoke-confirm");
        confirm.setHeaderTitle(getTranslation("external.revoke.title", a.displayName()));
        confirm.add(new Paragraph(getTranslation("external.revoke.text", a.displayName())));
        Button revoke = new Button(getTranslation("external.action.revoke"), e -> {
            confirm.close();
            perform(() -> access.revoke(a.id()), "external.done.revoked", a, new Button());
        });
        revoke.setId("revoke-confirm-button");
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(getTranslation("action.cancel"), e -> confirm.close()), revoke);
        confirm.open();
    }

    private Button addButton() {
        Button button = new Button(getTranslation("external.add"), VaadinIcon.PLUS.create(),
                e -> new PortalContactDialog(client, access, saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("add-contact");
        return button;
    }

    private void changed() {
        reload();
        onChange.run();
    }

    private String when(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(clock.getZone()));
    }
}
