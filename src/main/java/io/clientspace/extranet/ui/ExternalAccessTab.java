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
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.shared.NamedClient;
import io.clientspace.extranet.AccessReview;
import io.clientspace.extranet.AccessReviewService;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The people on the customer's side and their portal access, apart by state: active (with their last sign-in),
 * invited (sent, expires on) and not invited. Managers add contacts, invite them, send the invitation again or revoke
 * access; a member who owns the client sees the same read-only, with a line saying who can act. An open access review
 * shows on top, with Keep or Revoke for each contact it lists.
 */
class ExternalAccessTab extends WorkspaceTab<ExternalAccessTab.Data> {

    /** The External access tab on a client's workspace: the client's portal contacts. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ExternalAccessService access;
        private final AccessReviewService reviews;

        private final io.clientspace.extranet.SharedProjectNames projects;

        Provider(ExternalAccessService access, AccessReviewService reviews,
                 io.clientspace.extranet.SharedProjectNames projects) {
            super(ExtranetNavigation.TAB, 60, Where.CLIENT);
            this.access = access;
            this.reviews = reviews;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ExternalAccessTab(context, access, reviews, projects);
        }
    }

    /** What the tab shows: the contacts, the open review if any, and whether the viewer may change access. */
    record Data(List<PortalAccount> contacts, Optional<AccessReview> review, boolean manage, List<String> managers) {
    }

    private final NamedClient client;
    private final ExternalAccessService access;
    private final AccessReviewService reviews;
    private final Clock clock;
    private final Runnable onChange;

    /** Whether the viewer may change access, and whom to ask if not: from the last load, for the rows' buttons. */
    private boolean manage;
    private List<String> managers = List.of();

    private final io.clientspace.extranet.SharedProjectNames projects;

    ExternalAccessTab(TabContext context, ExternalAccessService access, AccessReviewService reviews,
                      io.clientspace.extranet.SharedProjectNames projects) {
        super(ExtranetNavigation.TAB, "workspace.tab.external", context.loader());
        this.projects = projects;
        this.client = context.client();
        this.access = access;
        this.reviews = reviews;
        this.clock = context.clock();
        this.onChange = context.countersChanged();
    }

    @Override
    protected long count() {
        return access.countForClient(client.id());
    }

    @Override
    protected Data fetch() {
        boolean canManage = access.canManage();
        return new Data(access.forClient(client.id()), reviews.openReview(client.id()), canManage,
                canManage ? List.of() : access.whoCanManage());
    }

    @Override
    protected boolean permitted() {
        return access.canView();
    }

    @Override
    protected boolean isEmpty(Data data) {
        manage = data.manage();
        managers = data.managers();
        return data.contacts().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "external.loading";
    }

    @Override
    protected Component emptyState() {
        if (!manage) {
            return new Div(States.empty(VaadinIcon.GLOBE, getTranslation("external.none.title"),
                    getTranslation("external.none.text-read-only"), null), readOnlyLine(managers));
        }
        return States.empty(VaadinIcon.GLOBE, getTranslation("external.none.title"),
                getTranslation("external.none.text"), addButton());
    }

    @Override
    protected Component hiddenState() {
        return States.hidden(getTranslation("external.hidden.title"), getTranslation("external.hidden.text"));
    }

    @Override
    protected Component render(Data loaded) {
        List<PortalAccount> data = loaded.contacts();
        List<PortalAccount> active = data.stream().filter(a -> a.contactStatus() == PortalContactStatus.ACTIVE)
                .toList();
        List<PortalAccount> invited = data.stream().filter(a -> a.contactStatus() == PortalContactStatus.INVITED)
                .toList();
        List<PortalAccount> without = data.stream().filter(a -> !a.contactStatus().hasOrAwaitsAccess()).toList();

        Grid<PortalAccount> activeGrid = grid("external-active");
        activeGrid.addColumn(a -> a.lastSignInAt() == null ? getTranslation("external.never") : when(a.lastSignInAt()))
                .setHeader(getTranslation("external.last-sign-in")).setAutoWidth(true);
        finish(activeGrid, active);

        Grid<PortalAccount> invitedGrid = grid("external-invited");
        invitedGrid.addColumn(a -> a.invitedAt() == null ? "" : getTranslation("external.invited-by-on",
                when(a.invitedAt()), a.invitedByName())).setHeader(getTranslation("external.invited"))
                .setWidth("14em").setFlexGrow(2);
        invitedGrid.addComponentColumn(this::expiresOn).setHeader(getTranslation("external.expires-on"))
                .setAutoWidth(true);
        finish(invitedGrid, invited);

        Grid<PortalAccount> withoutGrid = grid("external-not-invited");
        withoutGrid.addColumn(a -> a.invitedAt() == null ? getTranslation("external.never-invited")
                : getTranslation("external.invited-by-on", when(a.invitedAt()), a.invitedByName()))
                .setHeader(getTranslation("external.invited")).setFlexGrow(2);
        finish(withoutGrid, without);

        Component toolbar;
        if (loaded.manage()) {
            HorizontalLayout bar = new HorizontalLayout(addButton());
            if (loaded.review().isEmpty() && !active.isEmpty()) {
                Button reviewNow = new Button(getTranslation("access-review.start-now"),
                        VaadinIcon.CLIPBOARD_CHECK.create());
                reviewNow.setId("access-review-start");
                reviewNow.setDisableOnClick(true);
                reviewNow.addClickListener(e -> {
                    try {
                        reviews.reviewNow(client.id());
                        changed();
                    } catch (InvalidInputException problem) {
                        reviewNow.setEnabled(true);
                        problem.problems().stream().findFirst().ifPresent(p -> Notification.show(
                                getTranslation(p.messageKey(), p.args().toArray()), 6000,
                                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
                    }
                });
                bar.add(reviewNow);
            }
            bar.addClassName("tab-toolbar");
            toolbar = bar;
        } else {
            toolbar = readOnlyLine(loaded.managers());
        }
        Div sections = new Div(section("active", active.size(), activeGrid),
                section("invited", invited.size(), invitedGrid),
                section("not-invited", without.size(), withoutGrid));
        sections.setId("external-grid");
        Div box = new Div(toolbar);
        loaded.review().ifPresent(r -> box.add(new AccessReviewPanel(r, reviews, clock, this::changed)));
        box.add(sections);
        box.addClassName("tab-body");
        return box;
    }

    /** Why a member who owns the client sees no buttons here, and whom to ask. */
    private Component readOnlyLine(List<String> managers) {
        Span line = new Span(managers.isEmpty() ? getTranslation("external.read-only")
                : getTranslation("external.read-only-ask", String.join(", ", managers)));
        line.setId("external-read-only");
        line.addClassName("hint");
        line.getStyle().set("display", "block").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return line;
    }

    /** One group of contacts under its heading; an empty group says so rather than vanish, so the three read apart. */
    private Component section(String id, int count, Grid<PortalAccount> grid) {
        H4 heading = new H4(getTranslation("external.section." + id, count));
        heading.addClassName("external-section-title");
        heading.getStyle().set("margin", "var(--lumo-space-l) 0 var(--lumo-space-xs)")
                .set("padding-left", "var(--lumo-space-m)");
        Div section = new Div(heading);
        section.setId("external-section-" + id);
        section.addClassName("external-section");
        if (count == 0) {
            Span none = new Span(getTranslation("external.section." + id + ".none"));
            none.addClassName("muted");
            none.getStyle().set("padding-left", "var(--lumo-space-m)");
            section.add(none);
        } else {
            section.add(grid);
        }
        return section;
    }

    private Grid<PortalAccount> grid(String id) {
        Grid<PortalAccount> grid = new Grid<>();
        grid.setId(id);
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
        }).setHeader(getTranslation("external.name")).setWidth("12em").setFlexGrow(3);
        grid.addColumn(a -> getTranslation("external.roles." + a.role().name()))
                .setHeader(getTranslation("external.role")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("external.status")).setAutoWidth(true)
                .setFlexGrow(0);
        return grid;
    }

    private void finish(Grid<PortalAccount> grid, List<PortalAccount> rows) {
        grid.addComponentColumn(a -> {
            Button activity = new Button(getTranslation("external.activity.open"), VaadinIcon.LIST.create(),
                    e -> new ContactActivityDialog(a, access, clock).open());
            activity.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            activity.addClassName("contact-activity");
            return activity;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(rows);
    }

    private Component expiresOn(PortalAccount a) {
        Span text = new Span(a.invitationExpiresAt() == null ? "" : when(a.invitationExpiresAt()));
        text.addClassName("invitation-expires");
        if (a.invitationExpiresAt() != null
                && a.invitationExpiresAt().isBefore(clock.instant().plus(ExternalAccessService.EXPIRING_WITHIN))) {
            Span soon = new Span(getTranslation("external.expires-soon"));
            soon.getElement().getThemeList().addAll(List.of("badge", "error", "small"));
            soon.addClassName("invitation-expires-soon");
            return new Div(text, soon);
        }
        return text;
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
        if (!manage) {
            return actions;
        }
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
        // view as client works for any contact, also before they signed in (DD035)
        Button viewAs = new Button(getTranslation("external.action.view-as"), VaadinIcon.EYE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ExtranetNavigation.viewAs(a.id()))));
        viewAs.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        viewAs.addClassName("view-as-contact");
        Button edit = new Button(getTranslation("external.action.edit"), VaadinIcon.EDIT.create(),
                e -> new PortalContactDialog(client, access, saved -> changed(), a).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.addClassName("edit-contact");
        Button policy = new Button(getTranslation("external.action.policy"), VaadinIcon.KEY_O.create(),
                e -> new ContactPolicyDialog(a, projects.sharedProjects(client.id()), access, saved -> changed())
                        .open());
        policy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        policy.addClassName("policy-contact");
        if (!a.policy().isDefault()) {
            policy.getElement().setAttribute("title", getTranslation("external.policy.narrowed"));
            policy.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        }
        actions.add(viewAs, edit, policy);
        if (a.contactStatus() == PortalContactStatus.ACTIVE || a.contactStatus() == PortalContactStatus.INVITED) {
            Button revoke = new Button(getTranslation("external.action.revoke"), VaadinIcon.BAN.create(),
                    e -> confirmRevoke(a));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.addClassName("revoke-contact");
            actions.add(revoke);
        }
        Button remove = new Button(getTranslation("external.action.remove"), VaadinIcon.TRASH.create(),
                e -> confirmRemove(a));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClassName("remove-contact");
        actions.add(remove);
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

    private void confirmRemove(PortalAccount a) {
        Dialog confirm = new Dialog();
        confirm.setId("remove-confirm");
        confirm.setHeaderTitle(getTranslation("external.remove.title", a.displayName()));
        confirm.add(new Paragraph(getTranslation("external.remove.text", a.displayName())));
        Button remove = new Button(getTranslation("external.action.remove"), e -> {
            confirm.close();
            perform(() -> {
                access.removeContact(a.id());
                return a;
            }, "external.done.removed", a, new Button());
        });
        remove.setId("remove-confirm-button");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(getTranslation("action.cancel"), e -> confirm.close()), remove);
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
