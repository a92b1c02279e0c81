package io.clientspace.checklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.checklist.ChecklistItem;
import io.clientspace.checklist.ChecklistNavigation;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.checklist.ProvidedBy;
import io.clientspace.checklist.Requirement;
import io.clientspace.checklist.RequirementState;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.project.ClientProject;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workspace's required documents with their states (DD028). The counter shows the missing and expired ones. A
 * manager of the workspace asks the client for the missing ones in one click, adds a requirement from the catalogue
 * or removes one; everybody else reads the list and is told who may change it.
 */
class ChecklistTab extends WorkspaceTab<ChecklistTab.Data> {

    record Data(List<ChecklistItem> items, boolean canManage, List<Requirement> catalogue,
                List<ClientProject> requestProjects) {
    }

    /** The Required documents tab, on the client and the project workspace, next to Documents. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ChecklistService checklists;

        Provider(ChecklistService checklists) {
            super(ChecklistNavigation.TAB, 55, Where.CLIENT, Where.PROJECT);
            this.checklists = checklists;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ChecklistTab(context, checklists);
        }
    }

    private final TabContext context;
    private final ChecklistService checklists;

    ChecklistTab(TabContext context, ChecklistService checklists) {
        super(ChecklistNavigation.TAB, "workspace.tab.required-documents", context.loader());
        this.context = context;
        this.checklists = checklists;
    }

    @Override
    protected long count() {
        return checklists.countNeedingAction(context.scope());
    }

    @Override
    protected Data fetch() {
        boolean manage = checklists.canManage(context.scope());
        return new Data(checklists.items(context.scope()), manage,
                manage ? checklists.requirements() : List.of(),
                manage ? checklists.requestProjects(context.scope()) : List.of());
    }

    @Override
    protected boolean isEmpty(Data data) {
        return data.items().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "checklist.loading";
    }

    @Override
    protected Component emptyState() {
        Div box = new Div(States.empty(VaadinIcon.CLIPBOARD_CHECK, getTranslation("checklist.none.title"),
                getTranslation("checklist.none.text"), null));
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected Component render(Data data) {
        Div box = new Div(toolbar(data));
        box.addClassName("tab-body");
        if (data.items().isEmpty()) {
            box.add(States.empty(VaadinIcon.CLIPBOARD_CHECK, getTranslation("checklist.none.title"),
                    getTranslation("checklist.none.text"), null));
            return box;
        }
        Grid<ChecklistItem> grid = new Grid<>();
        grid.setId("checklist-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ChecklistItem::name).setHeader(getTranslation("checklist.requirement")).setFlexGrow(3);
        grid.addColumn(i -> getTranslation("checklist.provided-by." + i.providedBy().name()))
                .setHeader(getTranslation("checklist.provided-by")).setAutoWidth(true);
        grid.addComponentColumn(ChecklistTab::stateBadge).setHeader(getTranslation("checklist.state"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::detail).setHeader(getTranslation("checklist.detail")).setFlexGrow(3);
        if (data.canManage()) {
            grid.addComponentColumn(i -> {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove(i));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("checklist.remove", i.name()));
                remove.setTooltipText(getTranslation("checklist.remove", i.name()));
                remove.addClassName("checklist-remove");
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(data.items());
        box.add(grid);
        return box;
    }

    static Span stateBadge(ChecklistItem i) {
        Span badge = new Span(badgeText(i.state()));
        badge.getElement().getThemeList().addAll(List.of(i.state().badgeTheme().split(" ")));
        badge.addClassName("checklist-state");
        badge.getElement().setAttribute("data-state", i.state().name());
        return badge;
    }

    private static String badgeText(RequirementState state) {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? state.name() : ui.getTranslation("checklist.states." + state.name());
    }

    private String detail(ChecklistItem i) {
        var zone = context.clock().getZone();
        String renew = i.renewEvery() == null ? "" : getTranslation("checklist.renew-every", i.renewEvery());
        String text = switch (i.state()) {
            case MISSING -> i.providedBy() == ProvidedBy.CLIENT ? getTranslation("checklist.detail.missing-client")
                    : getTranslation("checklist.detail.missing-firm");
            case REQUESTED -> getTranslation("checklist.detail.requested");
            case PROVIDED -> i.renewBy() == null
                    ? getTranslation("checklist.detail.provided", i.documentTitle(), i.versionNumber(),
                            TabParts.date(getLocale(), zone, i.providedAt()))
                    : getTranslation("checklist.detail.provided-until", i.documentTitle(), i.versionNumber(),
                            TabParts.date(getLocale(), zone, i.renewBy()));
            case EXPIRING -> getTranslation("checklist.detail.expiring", i.documentTitle(),
                    TabParts.date(getLocale(), zone, i.renewBy()));
            case EXPIRED -> getTranslation("checklist.detail.expired", i.documentTitle(),
                    TabParts.date(getLocale(), zone, i.renewBy()));
        };
        return renew.isEmpty() ? text : text + " · " + renew;
    }

    private Component toolbar(Data data) {
        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.addClassName("tab-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWidthFull();
        if (!data.canManage()) {
            Span why = new Span(getTranslation("checklist.manage-only"));
            why.setId("checklist-manage-only");
            why.addClassName("action-unavailable");
            toolbar.add(why);
            return toolbar;
        }
        long wanted = data.items().stream()
                .filter(i -> i.providedBy() == ProvidedBy.CLIENT && i.state().needsAction()).count();
        Button request = new Button(getTranslation("checklist.request", wanted), VaadinIcon.ENVELOPE_O.create(),
                e -> request(data));
        request.setId("checklist-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (wanted == 0) {
            request.setEnabled(false);
            request.setTooltipText(getTranslation("checklist.error.nothing-missing"));
        } else if (data.requestProjects().isEmpty()) {
            request.setEnabled(false);
            request.setTooltipText(getTranslation("checklist.error.no-shared-project"));
        }
        Set<UUID> listed = data.items().stream().map(ChecklistItem::requirementId).collect(Collectors.toSet());
        ComboBox<Requirement> add = new ComboBox<>();
        add.setId("checklist-add");
        add.setPlaceholder(getTranslation("checklist.add"));
        add.setItemLabelGenerator(Requirement::name);
        add.setItems(data.catalogue().stream().filter(r -> !listed.contains(r.id())).toList());
        add.setClearButtonVisible(true);
        add.setWidth("18em");
        add.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                act(() -> checklists.addItem(context.scope(), e.getValue().id()), null);
            }
        });
        toolbar.add(request, add);
        if (wanted == 0 || data.requestProjects().isEmpty()) {
            Span why = new Span(getTranslation(wanted == 0 ? "checklist.error.nothing-missing"
                    : "checklist.error.no-shared-project"));
            why.setId("checklist-request-why");
            why.addClassName("action-unavailable");
            toolbar.add(why);
        }
        return toolbar;
    }

    private void request(Data data) {
        String title = getTranslation("checklist.request-title");
        if (context.isProject() || data.requestProjects().size() == 1) {
            UUID project = context.isProject() ? null : data.requestProjects().get(0).id();
            act(() -> checklists.requestFromClient(context.scope(), project, title), "checklist.requested");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("checklist.request-through"));
        Select<ClientProject> project = new Select<>();
        project.setId("checklist-request-project");
        project.setLabel(getTranslation("checklist.project"));
        project.setItems(data.requestProjects());
        project.setItemLabelGenerator(ClientProject::name);
        project.setValue(data.requestProjects().get(0));
        Button send = new Button(getTranslation("checklist.send"), e -> {
            if (act(() -> checklists.requestFromClient(context.scope(), project.getValue().id(), title),
                    "checklist.requested")) {
                dialog.close();
            }
        });
        send.setId("checklist-request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(project);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void remove(ChecklistItem item) {
        act(() -> checklists.removeItem(context.scope(), item.id()), null);
    }

    /** Runs a change; a refusal shows its reason, and the list and counters follow a success. */
    private boolean act(Runnable change, String doneKey) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            FieldProblem p = e.problems().get(0);
            Notification n = Notification.show(getTranslation(p.messageKey(), p.args().toArray()), 6000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("checklist-error");
            reload();
            return false;
        }
        if (doneKey != null) {
            Notification n = Notification.show(getTranslation(doneKey), 4000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        reload();
        context.countersChanged().run();
        return true;
    }
}
