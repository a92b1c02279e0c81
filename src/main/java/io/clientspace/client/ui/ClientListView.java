package io.clientspace.client.ui;

import io.clientspace.client.ClientNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientService.SortField;
import io.clientspace.client.ClientSummary;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/** All clients the user may see, with search, a kind filter, paging and sorting. */
@Menu(title = "nav.clients", order = 10, icon = "vaadin:building")
@Route(value = ClientNavigation.LIST, layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class ClientListView extends VerticalLayout implements Titled {

    private final ClientService clients;
    private final TextField search = new TextField();
    private final Select<Optional<ClientKind>> kind = new Select<>();
    /** Live clients (the default) or the archived ones, which every list and counter leaves out otherwise. */
    final Select<Boolean> archived = new Select<>();
    private final Grid<ClientSummary> grid = new Grid<>();
    private final Div emptyState = new Div();
    private final ClientFormDialog.Factory forms;
    private final Clock clock;

    ClientListView(ClientService clients, StaffDirectory staff, CurrentUserProvider currentUser, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        this.forms = new ClientFormDialog.Factory(clients, staff, currentUser);
        addClassName("client-list");
        setSizeFull();

        search.setPlaceholder(getTranslation("clients.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.setId("client-search");
        search.setWidth("22rem");
        search.addValueChangeListener(e -> refresh());

        kind.setItems(Optional.empty(), Optional.of(ClientKind.COMPANY), Optional.of(ClientKind.CONTACT));
        kind.setItemLabelGenerator(k -> k.map(v -> getTranslation("client.kinds." + v.name())).orElse(getTranslation("clients.all-kinds")));
        kind.setValue(Optional.empty());
        kind.setWidth("15rem");
        kind.setAriaLabel(getTranslation("clients.kind-filter"));
        kind.addValueChangeListener(e -> refresh());

        archived.setItems(false, true);
        archived.setItemLabelGenerator(a -> getTranslation(a ? "clients.archived" : "clients.live"));
        archived.setValue(false);
        archived.setWidth("11rem");
        archived.setId("client-archived-filter");
        archived.setAriaLabel(getTranslation("clients.archive-filter"));
        archived.addValueChangeListener(e -> refresh());

        Button newCompany = new Button(getTranslation("clients.new-company"), VaadinIcon.PLUS.create(),
                e -> openForm(ClientKind.COMPANY));
        newCompany.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newCompany.setId("new-company");
        Button newContact = new Button(getTranslation("clients.new-contact"), VaadinIcon.PLUS.create(),
                e -> openForm(ClientKind.CONTACT));
        newContact.setId("new-contact");

        HorizontalLayout toolbar = new HorizontalLayout(search, kind, archived, new Span(), newContact, newCompany);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(toolbar.getComponentAt(3));
        toolbar.addClassName("toolbar");

        configureGrid();
        emptyState.setVisible(false);
        emptyState.setWidthFull();
        add(toolbar, grid, emptyState);
        setFlexGrow(1, grid);
    }

    @Override
    public String titleKey() {
        return "clients.title";
    }

    private void configureGrid() {
        grid.setId("client-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        var name = grid.addComponentColumn(this::nameCell).setHeader(getTranslation("client.name"))
                .setKey(SortField.NAME.name()).setSortable(true).setFlexGrow(3).setWidth("18rem");
        grid.addColumn(c -> getTranslation("client.kinds." + c.kind().name())).setHeader(getTranslation("client.kind"))
                .setKey(SortField.KIND.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClientSummary::ownerName).setHeader(getTranslation("client.owner"))
                .setKey(SortField.OWNER.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(ClientSummary::email).setHeader(getTranslation("client.email")).setFlexGrow(2).setWidth("12rem");
        grid.addColumn(ClientSummary::city).setHeader(getTranslation("client.city"))
                .setKey(SortField.CITY.name()).setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::tagsCell).setHeader(getTranslation("client.tags")).setFlexGrow(1).setWidth("10rem");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
        grid.addColumn(c -> date.withLocale(getLocale()).format(c.updatedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("client.updated")).setKey(SortField.UPDATED.name()).setSortable(true)
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.sort(GridSortOrder.asc(name).build());
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(e.getItem().workspacePath())));
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            SortField field = order.map(o -> SortField.valueOf(o.getSorted())).orElse(SortField.NAME);
            boolean asc = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(true);
            return clients.search(search.getValue(), kind.getValue().orElse(null), archived.getValue(), field, asc,
                    query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, count()));
        grid.getDataProvider().addDataProviderListener(e -> updateEmptyState());
        addAttachListener(e -> updateEmptyState());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private long count() {
        return clients.count(search.getValue(), kind.getValue().orElse(null), archived.getValue());
    }

    private void updateEmptyState() {
        boolean empty = count() == 0;
        grid.setVisible(!empty);
        emptyState.setVisible(empty);
        emptyState.removeAll();
        if (empty) {
            boolean filtered = !search.getValue().isBlank() || kind.getValue().isPresent() || archived.getValue();
            Button create = filtered ? null : new Button(getTranslation("clients.new-company"),
                    e -> openForm(ClientKind.COMPANY));
            boolean noArchive = archived.getValue() && search.getValue().isBlank() && kind.getValue().isEmpty();
            emptyState.add(noArchive
                    ? States.empty(VaadinIcon.ARCHIVE, getTranslation("clients.none-archived.title"),
                    getTranslation("clients.none-archived.text"), null)
                    : filtered
                    ? States.empty(VaadinIcon.SEARCH, getTranslation("clients.none-match.title"),
                    getTranslation("clients.none-match.text", search.getValue()), null)
                    : States.empty(VaadinIcon.BUILDING, getTranslation("clients.none.title"),
                    getTranslation("clients.none.text"), create));
        }
    }

    private Component nameCell(ClientSummary c) {
        var icon = (c.kind() == ClientKind.COMPANY ? VaadinIcon.BUILDING : VaadinIcon.USER).create();
        icon.addClassName("kind-icon");
        Span name = new Span(c.name());
        name.addClassName("client-name");
        Div cell = new Div(icon, name);
        cell.addClassName("name-cell");
        if (c.companyName() != null) {
            Span company = new Span(c.companyName());
            company.addClassName("secondary");
            cell.add(company);
        }
        return cell;
    }

    private Component tagsCell(ClientSummary c) {
        Div tags = new Div();
        tags.addClassName("tags");
        c.tags().forEach(t -> {
            Span badge = new Span(t);
            badge.getElement().getThemeList().add("badge contrast small pill");
            tags.add(badge);
        });
        return tags;
    }

    private void openForm(ClientKind kind) {
        forms.create(kind, saved -> getUI().ifPresent(ui -> ui.navigate(saved.workspacePath()))).open();
    }
}
