package io.clientspace.inforequest.ui;

import java.util.UUID;
import io.clientspace.inforequest.RequestNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.RequestStatus;
import io.clientspace.inforequest.SendBlocker;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Unavailable;
import io.clientspace.project.WorkspaceRights;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The project's information requests: write one with its questions and files, send it to the client's portal, and
 * review what the customer submits. The counter shows the requests that are not finished; when sending is not
 * possible (no portal contact, project not shared, no permission), the tab says why.
 */
class RequestsTab extends WorkspaceTab<RequestsTab.Data> {

    record Data(List<InformationRequest> requests, List<SendBlocker> blockers) {
    }

    /** The Requests tab on a project's workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final InformationRequestService requests;

        Provider(InformationRequestService requests) {
            super(RequestNavigation.TAB, 55, Where.PROJECT);
            this.requests = requests;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new RequestsTab(context, requests);
        }
    }

    private final UUID projectId;
    private final String projectName;
    private final InformationRequestService requests;
    private final Clock clock;
    private final Runnable onChange;
    /** Read with the tab's data: whether the user may write requests here, and whom to ask if not. */
    private volatile WorkspaceRights rights;

    RequestsTab(TabContext context, InformationRequestService requests) {
        super(RequestNavigation.TAB, "workspace.tab.requests", context.loader());
        this.projectId = context.projectId();
        this.projectName = context.name();
        this.requests = requests;
        this.clock = context.clock();
        this.onChange = context.countersChanged();
    }

    @Override
    protected long count() {
        return requests.countOpenIn(projectId);
    }

    @Override
    protected Data fetch() {
        rights = requests.rights(projectId);
        return new Data(requests.inProject(projectId), requests.sendBlockers(projectId));
    }

    /** An empty list still says why sending would not work, so the tab renders it itself. */
    @Override
    protected boolean isEmpty(Data data) {
        return false;
    }

    @Override
    protected String loadingKey() {
        return "requests.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.QUESTION_CIRCLE_O, getTranslation("requests.none.title"),
                getTranslation("requests.none.text"), newAction());
    }

    @Override
    protected Component render(Data data) {
        if (data.requests().isEmpty()) {
            Div box = new Div();
            if (!data.blockers().isEmpty()) {
                box.add(blockers(data.blockers()));
            }
            box.add(emptyState());
            box.addClassName("tab-body");
            return box;
        }
        HorizontalLayout toolbar = TabParts.toolbar(newAction());
        Div box = new Div(toolbar);
        if (!data.blockers().isEmpty()) {
            box.add(blockers(data.blockers()));
        }
        Grid<InformationRequest> grid = new Grid<>();
        grid.setId("request-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(InformationRequest::number).setHeader(getTranslation("request.number")).setAutoWidth(true);
        grid.addColumn(InformationRequest::title).setHeader(getTranslation("request.title")).setFlexGrow(3);
        grid.addComponentColumn(r -> statusBadge(this, r.status())).setHeader(getTranslation("request.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::progress).setHeader(getTranslation("request.progress")).setFlexGrow(2);
        grid.addColumn(r -> r.awaitingReview() == 0 ? "" : getTranslation("request.to-review", r.awaitingReview()))
                .setHeader(getTranslation("request.review")).setAutoWidth(true);
        grid.addColumn(r -> r.sentAt() == null ? "" : TabParts.date(getLocale(), clock.getZone(), r.sentAt()))
                .setHeader(getTranslation("request.sent")).setAutoWidth(true);
        grid.addItemClickListener(e -> new RequestDetailsDialog(e.getItem().id(), requests, data.blockers(), clock,
                this::changed).open());
        grid.setItems(data.requests());
        box.add(grid);
        box.addClassName("tab-body");
        return box;
    }

    /** Why nothing can be sent from this project now, in words. */
    private Component blockers(List<SendBlocker> blockers) {
        Span text = new Span(blockers.stream().map(b -> getTranslation("inforequest.blockers." + b.name()))
                .collect(Collectors.joining(" ")));
        Div note = new Div(VaadinIcon.INFO_CIRCLE_O.create(), text);
        note.setId("request-send-blockers");
        note.addClassName("request-send-blockers");
        return note;
    }

    private Component progress(InformationRequest r) {
        ProgressBar bar = new ProgressBar(0, 1, r.progress());
        bar.setWidth("6rem");
        Span text = new Span(getTranslation("request.accepted-of", r.accepted(), r.total()));
        text.addClassName("muted");
        HorizontalLayout line = new HorizontalLayout(bar, text);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        return line;
    }

    static Span statusBadge(Component c, RequestStatus status) {
        Span badge = new Span(c.getTranslation("inforequest.statuses." + status.name()));
        badge.getElement().getThemeList().addAll(List.of(status.badgeTheme().split(" ")));
        badge.addClassName("request-status");
        return badge;
    }

    /** "New request", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component newAction() {
        WorkspaceRights r = rights;
        return Unavailable.editorAction(newButton(), r == null || r.work(), "requests-read-only",
                r == null ? null : r.askName());
    }

    private Button newButton() {
        Button button = new Button(getTranslation("requests.new"), VaadinIcon.PLUS.create(),
                e -> RequestFormDialog.create(projectId, projectName, requests, saved -> {
                    changed();
                    new RequestDetailsDialog(saved.id(), requests, requests.sendBlockers(projectId), clock,
                            this::changed).open();
                }).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-request");
        return button;
    }

    private void changed() {
        reload();
        onChange.run();
    }
}
