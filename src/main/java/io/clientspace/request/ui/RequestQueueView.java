package io.clientspace.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.ClientRequestService.QueueFilter;
import io.clientspace.request.RequestState;
import io.clientspace.request.SlaStatus;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

/**
 * The request queue: open client requests across every client and project the user may open, soonest due first,
 * filtered by group, priority, state, SLA status and assignee; several can be given to one person at once.
 */
@Menu(title = "nav.client-requests", order = 35, icon = "vaadin:comment-ellipsis-o")
@Route(value = ClientRequestNavigation.QUEUE, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class RequestQueueView extends VerticalLayout implements Titled, BeforeEnterObserver {

    private final ClientRequestService requests;
    private final AsyncLoader loader;
    private final Clock clock;
    final Select<String> group = new Select<>();
    final Select<String> priority = new Select<>();
    final Select<RequestState> state = new Select<>();
    final Select<SlaStatus> sla = new Select<>();
    final ComboBox<StaffMember> assignee = new ComboBox<>();
    final ComboBox<StaffMember> bulkTo = new ComboBox<>();
    private final Grid<ClientRequest> grid = new Grid<>();
    private final Div content = new Div();
    private final Span bulkResult = new Span();

    RequestQueueView(ClientRequestService requests, AsyncLoader loader, Clock clock) {
        this.requests = requests;
        this.loader = loader;
        this.clock = clock;
        setId("request-queue");
        List<StaffMember> people = requests.staffToAssign();
        group.setLabel(getTranslation("clientrequest.queue.group"));
        group.setItems(requests.groupsInQueue());
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption(getTranslation("clientrequest.queue.any"));
        priority.setLabel(getTranslation("clientrequest.priority"));
        priority.setItems("P1", "P2", "P3", "P4");
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption(getTranslation("clientrequest.queue.any"));
        state.setLabel(getTranslation("clientrequest.state"));
        state.setItems(RequestState.QUEUED, RequestState.IN_PROGRESS, RequestState.WAITING_CLIENT,
                RequestState.RESOLVED);
        state.setItemLabelGenerator(s -> s == null ? getTranslation("clientrequest.queue.any")
                : getTranslation("clientrequest.states." + s.name()));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("clientrequest.queue.any"));
        sla.setLabel(getTranslation("clientrequest.sla"));
        sla.setItems(SlaStatus.BREACHED, SlaStatus.BREACHING_SOON, SlaStatus.ON_TRACK, SlaStatus.PAUSED);
        sla.setItemLabelGenerator(s -> s == null ? getTranslation("clientrequest.queue.any")
                : getTranslation("clientrequest.sla." + s.name()));
        sla.setEmptySelectionAllowed(true);
        sla.setEmptySelectionCaption(getTranslation("clientrequest.queue.any"));
        assignee.setLabel(getTranslation("clientrequest.assignee"));
        assignee.setItems(people);
        assignee.setItemLabelGenerator(StaffMember::displayName);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder(getTranslation("clientrequest.queue.any"));
        group.addValueChangeListener(e -> reload());
        priority.addValueChangeListener(e -> reload());
        state.addValueChangeListener(e -> reload());
        sla.addValueChangeListener(e -> reload());
        assignee.addValueChangeListener(e -> reload());
        HorizontalLayout filters = new HorizontalLayout(group, priority, state, sla, assignee);
        filters.setId("request-queue-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        bulkTo.setPlaceholder(getTranslation("clientrequest.assign-to"));
        bulkTo.setItems(people);
        bulkTo.setItemLabelGenerator(StaffMember::displayName);
        bulkTo.setId("request-queue-bulk-to");
        Button bulk = new Button(getTranslation("clientrequest.queue.bulk-assign"), VaadinIcon.USERS.create(),
                e -> bulkAssign());
        bulk.setId("request-queue-bulk-assign");
        bulk.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkResult.setId("request-queue-bulk-result");
        HorizontalLayout bulkBar = new HorizontalLayout(bulkTo, bulk, bulkResult);
        bulkBar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("request-queue-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ClientRequest::number).setHeader(getTranslation("clientrequest.number")).setAutoWidth(true);
        grid.addColumn(r -> r.clientName() == null ? "" : r.clientName())
                .setHeader(getTranslation("clientrequest.queue.client")).setWidth("10rem").setFlexGrow(1);
        grid.addColumn(ClientRequest::subject).setHeader(getTranslation("clientrequest.subject")).setWidth("10rem")
                .setFlexGrow(3);
        grid.addColumn(r -> r.priority() == null ? "" : r.priority())
                .setHeader(getTranslation("clientrequest.priority")).setAutoWidth(true);
        grid.addComponentColumn(r -> ClientRequestsTab.stateBadge(this, r.state()))
                .setHeader(getTranslation("clientrequest.state")).setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(r -> ClientRequestsTab.slaBadge(this, r.sla().status()))
                .setHeader(getTranslation("clientrequest.sla")).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(r -> r.sla().resolutionDueAt() == null ? "" : DateTimeFormatter
                        .ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                        .format(r.sla().resolutionDueAt().atZone(clock.getZone())))
                .setHeader(getTranslation("clientrequest.resolution-due")).setAutoWidth(true);
        grid.addColumn(r -> r.assigneeName() == null ? getTranslation("clientrequest.unassigned") : r.assigneeName())
                .setHeader(getTranslation("clientrequest.assignee")).setAutoWidth(true);
        grid.addItemClickListener(e -> new RequestDetailDialog(e.getItem().id(), requests, clock, this::reload)
                .open());
        content.setWidthFull();
        add(filters, bulkBar, content);
        setSizeFull();
        reload();
    }

    @Override
    public String titleKey() {
        return "nav.client-requests";
    }

    QueueFilter filter() {
        return new QueueFilter(group.getValue(), priority.getValue(), state.getValue(), sla.getValue(),
                assignee.getValue() == null ? null : assignee.getValue().username());
    }

    void reload() {
        QueueFilter f = filter();
        content.removeAll();
        content.add(States.loading(getTranslation("clientrequest.loading")));
        loader.load(this, () -> requests.queue(f), rows -> {
            content.removeAll();
            if (rows.isEmpty()) {
                content.add(States.empty(VaadinIcon.CHECK_CIRCLE_O, getTranslation("clientrequest.queue.none.title"),
                        getTranslation("clientrequest.queue.none.text"), null));
                return;
            }
            grid.setItems(rows);
            content.add(grid);
        }, e -> {
            content.removeAll();
            content.add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    this::reload, getTranslation("action.retry")));
        });
    }

    /** Gives every selected request to one person; each is checked on its own, and the result says how many. */
    void bulkAssign() {
        Set<ClientRequest> selected = grid.getSelectedItems();
        StaffMember to = bulkTo.getValue();
        if (to == null || selected.isEmpty()) {
            bulkResult.setText(getTranslation("clientrequest.queue.bulk-pick"));
            return;
        }
        int done = 0;
        int refused = 0;
        for (ClientRequest r : selected) {
            try {
                requests.assign(r.id(), to.username(), r.version());
                done++;
            } catch (InvalidInputException | StaleDataException e) {
                refused++;
            }
        }
        bulkResult.setText(getTranslation("clientrequest.queue.bulk-done", done, refused));
        reload();
    }

    /**
     * {@code ?request=<id>} opens that request's page, as "My tasks" links to it (DD031). The page asks the service,
     * which checks the user may open the request; an id they may not open, or none at all, shows a short note.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("request").ifPresent(value -> {
            try {
                RequestDetailDialog dialog = new RequestDetailDialog(java.util.UUID.fromString(value), requests, clock,
                        this::reload);
                dialog.open();
            } catch (IllegalArgumentException | io.clientspace.shared.NotFoundException
                     | io.clientspace.shared.NoAccessException e) {
                com.vaadin.flow.component.notification.Notification.show(
                        getTranslation("clientrequest.not-available"));
            }
        });
    }
}
