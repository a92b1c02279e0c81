package io.clientspace.request.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestState;
import io.clientspace.request.SlaStatus;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Unavailable;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.time.Clock;
import java.util.List;

/**
 * What the client asked the firm for, on the client's workspace (all of them) and on a project's (those in it): the
 * counter shows the open ones. A row opens the request's page; staff log a request on the client's behalf here.
 */
class ClientRequestsTab extends WorkspaceTab<List<ClientRequest>> {

    /** The tab on both workspaces. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ClientRequestService requests;

        Provider(ClientRequestService requests) {
            super(ClientRequestNavigation.TAB, 57, Where.CLIENT, Where.PROJECT);
            this.requests = requests;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ClientRequestsTab(context, requests);
        }
    }

    private final WorkScope scope;
    private final TabContext context;
    private final ClientRequestService requests;
    private final Clock clock;
    /** Read with the tab's data: whether the user may log requests here, and whom to ask if not. */
    private volatile WorkspaceRights rights;

    ClientRequestsTab(TabContext context, ClientRequestService requests) {
        super(ClientRequestNavigation.TAB, "workspace.tab.client-requests", context.loader());
        this.scope = context.scope();
        this.context = context;
        this.requests = requests;
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return requests.countOpen(scope);
    }

    @Override
    protected List<ClientRequest> fetch() {
        rights = requests.rights(scope);
        return scope.isProject() ? requests.inProject(scope) : requests.forClient(scope.clientId());
    }

    @Override
    protected String loadingKey() {
        return "clientrequest.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.COMMENT_ELLIPSIS_O, getTranslation("clientrequest.none.title"),
                getTranslation("clientrequest.none.text"), logAction());
    }

    @Override
    protected Component render(List<ClientRequest> data) {
        HorizontalLayout toolbar = TabParts.toolbar(logAction());
        Grid<ClientRequest> grid = new Grid<>();
        grid.setId("client-request-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ClientRequest::number).setHeader(getTranslation("clientrequest.number")).setAutoWidth(true);
        grid.addColumn(ClientRequest::subject).setHeader(getTranslation("clientrequest.subject")).setFlexGrow(3);
        grid.addComponentColumn(r -> stateBadge(this, r.state())).setHeader(getTranslation("clientrequest.state"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.priority() == null ? "" : r.priority())
                .setHeader(getTranslation("clientrequest.priority")).setAutoWidth(true);
        grid.addComponentColumn(r -> slaBadge(this, r.sla().status())).setHeader(getTranslation("clientrequest.sla"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.assigneeName() == null ? getTranslation("clientrequest.unassigned") : r.assigneeName())
                .setHeader(getTranslation("clientrequest.assignee")).setAutoWidth(true);
        grid.addColumn(r -> TabParts.date(getLocale(), clock.getZone(), r.raisedAt()))
                .setHeader(getTranslation("clientrequest.raised")).setAutoWidth(true);
        grid.addItemClickListener(e -> new RequestDetailDialog(e.getItem().id(), requests, clock, this::changed)
                .open());
        grid.setItems(data.stream().filter(this::matches).toList());
        Component filterBar = filterBar();
        if (filterBar != null) {
            toolbar.add(filterBar);
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected String filterLabelKey(String filter) {
        return ClientRequestNavigation.FILTER_BREACHED.equals(filter) ? "clientrequest.filter.breached" : null;
    }

    /** The checklist's filter: open requests whose SLA is breached, as the checklist counted them. */
    private boolean matches(ClientRequest r) {
        return filter() == null || r.sla().status() == SlaStatus.BREACHED;
    }

    static Span stateBadge(Component c, RequestState state) {
        Span badge = new Span(c.getTranslation("clientrequest.states." + state.name()));
        String theme = switch (state) {
            case QUEUED -> "badge";
            case IN_PROGRESS -> "badge primary";
            case WAITING_CLIENT, RESOLVED -> "badge contrast";
            case CLOSED -> "badge success";
            case CANCELLED -> "badge error";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("client-request-state");
        // a long label wraps inside its column instead of widening the grid past the page
        badge.getStyle().set("white-space", "normal").set("height", "auto");
        return badge;
    }

    static Span slaBadge(Component c, SlaStatus status) {
        Span badge = new Span(c.getTranslation("clientrequest.sla." + status.name()));
        String theme = switch (status) {
            case BREACHED -> "badge error";
            case BREACHING_SOON -> "badge warning";
            case ON_TRACK -> "badge success";
            case PAUSED, NONE -> "badge contrast";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("client-request-sla");
        // a long label wraps inside its column instead of widening the grid past the page
        badge.getStyle().set("white-space", "normal").set("height", "auto");
        return badge;
    }

    /** "Log a request", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component logAction() {
        WorkspaceRights r = rights;
        return Unavailable.editorAction(logButton(), r == null || r.work(), "client-requests-read-only",
                r == null ? null : r.askName());
    }

    private Button logButton() {
        Button button = new Button(getTranslation("clientrequest.log"), VaadinIcon.PLUS.create(),
                e -> new LogRequestDialog(context.clientId(), context.clientName(),
                        scope.isProject() ? scope.projectId() : null, requests, saved -> {
                    changed();
                    new RequestDetailDialog(saved.id(), requests, clock, this::changed).open();
                }).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("log-client-request");
        return button;
    }

    private void changed() {
        reload();
        context.countersChanged().run();
    }
}
