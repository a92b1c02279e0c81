package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.client.Client;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.security.CurrentUser;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.States;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Clock;
import java.util.Currency;
import java.util.List;

/** The client's deals with their stage from the engine; create a deal and move it on from here. */
class DealsTab extends WorkspaceTab<List<Deal>> {

    private final Client client;
    private final DealService deals;
    private final CurrentUser user;
    private final Runnable onChange;
    private final Clock clock;
    private final java.util.function.Consumer<java.util.UUID> createProposal;

    /** @param createProposal opens a new proposal for the deal with the given id */
    DealsTab(Client client, DealService deals, CurrentUser user, AsyncLoader loader, Runnable onChange,
             Clock clock, java.util.function.Consumer<java.util.UUID> createProposal) {
        super("deals", "workspace.tab.deals", loader);
        this.client = client;
        this.deals = deals;
        this.user = user;
        this.onChange = onChange;
        this.clock = clock;
        this.createProposal = createProposal;
    }

    @Override
    protected long count() {
        return deals.countForClient(client.id());
    }

    @Override
    protected List<Deal> fetch() {
        return deals.forClient(client.id());
    }

    @Override
    protected boolean isEmpty(List<Deal> data) {
        return data.isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "deals.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.HANDSHAKE, getTranslation("deals.none.title"),
                getTranslation("deals.none.text"), newDealButton());
    }

    @Override
    protected Component render(List<Deal> data) {
        Grid<Deal> grid = new Grid<>();
        grid.setId("deal-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        LocalDate today = LocalDate.now(clock);
        grid.addColumn(Deal::title).setHeader(getTranslation("deal.title")).setWidth("16rem").setFlexGrow(3);
        grid.addComponentColumn(this::stageBadge).setHeader(getTranslation("deal.stage")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> money(d)).setHeader(getTranslation("deal.amount")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(Deal::ownerName).setHeader(getTranslation("deal.owner")).setAutoWidth(true);
        grid.addComponentColumn(d -> {
            if (d.lacksNextStep()) {
                Span flag = new Span(getTranslation("deal.no-next-step"));
                flag.getElement().getThemeList().addAll(List.of("badge", "error"));
                flag.addClassName("no-next-step");
                return flag;
            }
            return new Span(d.isOpen() ? nz(d.nextStep()) : nz(d.closeReason()));
        }).setHeader(getTranslation("deal.next-step")).setFlexGrow(3);
        grid.addComponentColumn(d -> {
            Span due = new Span(d.nextStepDue() == null ? "" : date.format(d.nextStepDue()));
            if (d.isOpen() && d.nextStepDue() != null && d.nextStepDue().isBefore(today)) {
                due.addClassName("overdue");
                due.getElement().setAttribute("title", getTranslation("deal.overdue"));
            }
            return due;
        }).setHeader(getTranslation("deal.next-step-due")).setAutoWidth(true);
        grid.addColumn(d -> date.format(d.expectedClose())).setHeader(getTranslation("deal.expected-close"))
                .setAutoWidth(true);
        grid.addComponentColumn(d -> {
            if (!d.isOpen() || !(user.seesAllClients() || user.username().equals(d.owner()))) {
                return new Span();
            }
            Button move = new Button(getTranslation("deal.move-on"), VaadinIcon.ARROW_RIGHT.create(),
                    e -> new MoveDealDialog(d, deals, clock, () -> {
                        reload();
                        onChange.run();
                    }).open());
            move.addThemeVariants(ButtonVariant.LUMO_SMALL);
            move.addClassName("move-deal");
            Button proposal = new Button(getTranslation("deal.create-proposal"), VaadinIcon.FILE_TEXT.create(),
                    e -> createProposal.accept(d.id()));
            proposal.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            proposal.addClassName("deal-create-proposal");
            HorizontalLayout both = new HorizontalLayout(move, proposal);
            both.setSpacing(false);
            both.getStyle().set("gap", "var(--lumo-space-xs)");
            return both;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(data.stream().filter(this::matches).toList());

        HorizontalLayout toolbar = new HorizontalLayout(newDealButton());
        toolbar.addClassName("tab-toolbar");
        Component filterBar = filterBar();
        if (filterBar != null) {
            toolbar.add(filterBar);
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        WorkspaceParts.limitNote(box, data.size(), DealService.LIST_LIMIT);
        return box;
    }

    @Override
    protected String filterLabelKey(String filter) {
        return switch (filter == null ? "" : filter) {
            case "stalled" -> "deal.filter.stalled";
            case "no-next-step" -> "deal.filter.no-next-step";
            default -> null;
        };
    }

    private boolean matches(Deal d) {
        String f = filter();
        return f == null || ("stalled".equals(f) && d.isStalled()) || ("no-next-step".equals(f) && d.lacksNextStep());
    }

    private Button newDealButton() {
        Button button = new Button(getTranslation("deals.new"), VaadinIcon.PLUS.create(),
                e -> new DealDialog(client, deals, user, clock, saved -> {
                    reload();
                    onChange.run();
                }).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-deal");
        return button;
    }

    private Component stageBadge(Deal d) {
        Span badge = new Span(getTranslation("deal.stages." + d.stage().name()));
        String theme = d.stage() == DealStage.WON ? "badge success" : d.stage() == DealStage.LOST ? "badge error"
                : "badge";
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("stage-badge");
        if (!d.isStalled()) {
            return badge;
        }
        Span stalled = new Span(VaadinIcon.HOURGLASS.create(), new Span(getTranslation("deal.stalled")));
        stalled.getElement().getThemeList().addAll(List.of("badge", "contrast"));
        stalled.addClassName("stalled-badge");
        stalled.getElement().setAttribute("title", getTranslation("deal.stalled-since",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                        .format(d.stalledSince().atZone(clock.getZone()))));
        HorizontalLayout both = new HorizontalLayout(badge, stalled);
        both.setSpacing(false);
        both.getStyle().set("gap", "var(--lumo-space-xs)");
        return both;
    }

    private String money(Deal d) {
        NumberFormat format = NumberFormat.getCurrencyInstance(getLocale());
        format.setCurrency(Currency.getInstance(d.currency()));
        return format.format(d.amount());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
