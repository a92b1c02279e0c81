package io.clientspace.deal.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import io.clientspace.shared.ui.DomEvents;
import io.clientspace.shared.ui.LitTexts;
import io.clientspace.shared.ui.RowButtons;

import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealCounts;
import io.clientspace.deal.DealList;
import io.clientspace.deal.DealFilter;
import io.clientspace.shared.FirstRows;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.Grids;
import io.clientspace.shared.ui.SignedIn;
import io.clientspace.project.ProjectChoice;
import io.clientspace.project.ProjectService;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.clientspace.deal.DealNavigation;
import io.clientspace.deal.DealRules;
import io.clientspace.deal.DealService;
import io.clientspace.deal.DealStage;
import io.clientspace.security.CurrentUser;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.ReasonDialog;
import io.clientspace.shared.ui.States;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The client's deals with their stage from the engine; create a deal and move it on from here. */
@Uses(RadioButtonGroup.class) // the view switch is a radio group in markup
class DealsTab extends WorkspaceTab<DealsTab.Data> {

    /** The radio group's new value, as its value-changed event carries it. */
    private static final String CHOSEN_VIEW = "event.detail.value";

    /**
     * The deals counted open, won and lost with the first page of the list on show, and the client's projects (on a
     * client's workspace; empty in a project's). The grid fetches further pages as the user scrolls (DD039).
     */
    record Data(DealList deals, List<ProjectChoice> projects) {
    }

    /** The Deals tab on a client's workspace, first from the left. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final DealService deals;
        private final ProjectService projects;

        Provider(DealService deals, ProjectService projects) {
            super(DealNavigation.TAB, 10, Where.CLIENT, Where.PROJECT);
            this.projects = projects;
            this.deals = deals;
        }

        /** A client's workspace opens on its deals; a project's on its tasks, with its deals right after them. */
        @Override
        public int order(Where where) {
            return where == Where.PROJECT ? 35 : order();
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new DealsTab(context, deals, projects);
        }
    }

    private final TabContext context;
    private final DealService deals;
    private final CurrentUser user;
    private final Clock clock;

    private final ProjectService projects;
    /** The project filter on the client's workspace: null for all deals. */
    private ProjectChoice projectFilter;
    private boolean withoutProject;
    /** What the user may do here, read with the deals (off the UI thread) for the "why not" of New deal. */
    private volatile io.clientspace.project.WorkspaceRights rights;
    /** The user the grid's pages are fetched as, whichever thread asks for the next page. */
    private final SignedIn signedIn = SignedIn.now();

    DealsTab(TabContext context, DealService deals, ProjectService projects) {
        super(DealNavigation.TAB, "workspace.tab.deals", context.loader());
        this.projects = projects;
        this.context = context;
        this.deals = deals;
        this.user = context.user();
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return deals.countOpenIn(context.scope());
    }

    @Override
    protected Data fetch() {
        rights = projects.rights(context.scope());
        return new Data(deals.firstPage(context.scope(), current(), Grids.WHOLE_LIST_ROWS),
                context.isProject() ? List.of() : projects.choicesFor(context.clientId()));
    }

    @Override
    protected boolean isEmpty(Data data) {
        return data.deals().counts().all() == 0;
    }

    @Override
    protected String loadingKey() {
        return "deals.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.HANDSHAKE, getTranslation("deals.none.title"),
                getTranslation("deals.none.text"), newDealAction(List.of()));
    }

    @Override
    protected Component render(Data all) {
        DealList first = all.deals();
        java.util.Map<java.util.UUID, String> projectNames = new java.util.HashMap<>();
        all.projects().forEach(p -> projectNames.put(p.id(), p.name()));
        Grid<Deal> grid = new Grid<>();
        grid.setId("deal-grid");
        // a view or a project with no deals says so in the grid; the toolbar above stays to choose another
        grid.setEmptyStateText(getTranslation("deals.none-here"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        LocalDate today = LocalDate.now(clock);
        // the title and the actions stay in view when a narrow window scrolls the facts between them
        // 8rem, and the title wraps: with the side menu open on a laptop's screen, every column then fits beside the
        // frozen actions, and the expected close date's header is not cut off under them
        grid.addColumn(Deal::title).setHeader(getTranslation("deal.title")).setWidth("8rem").setFlexGrow(3)
                .setFrozen(true);
        // a client without projects has no project to show: an empty column would only take a laptop's room
        if (!context.isProject() && !all.projects().isEmpty()) {
            grid.addColumn(d -> d.projectId() == null ? "" : projectNames.getOrDefault(d.projectId(), ""))
                    // a project's name can be long: it wraps in a column that starts at 8rem, where sizing the column to
                    // the longest name pushed the expected close date under the frozen actions
                    .setHeader(getTranslation("deal.project")).setWidth("8rem").setFlexGrow(1).setKey("project");
        }
        // every cell is a Lit template filled from a few properties per row, not a server-side component: a busy
        // client's grid held some 1,600 components per open workspace (about 2 MB of heap per session) and sent each
        // of them to the browser (issue 19 §5, §6)
        grid.addColumn(stageRenderer()).setHeader(getTranslation("deal.stage")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> money(d)).setHeader(getTranslation("deal.amount")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(Deal::ownerName).setHeader(getTranslation("deal.owner")).setAutoWidth(true);
        // the next step and its due date share a column: a column costs its page some 7 kB of server memory (six
        // property listeners and a node each, issue 19 §6), and the date belongs to the step
        grid.addColumn(LitRenderer.<Deal>of(LitTexts.shared("${item.noNextStep ? html`<span"
                        + " class=\"no-next-step\" theme=\"badge error\">"
                        + LitTexts.text(getTranslation("deal.no-next-step")) + "</span>`"
                        + " : html`<span>${item.nextStep}</span>`}"
                        + "${!item.due ? '' : item.overdue ? html` <span class=\"next-step-due overdue\" title=\""
                        + LitTexts.text(getTranslation("deal.overdue")) + "\">\u00b7 ${item.due}</span>`"
                        + " : html` <span class=\"next-step-due muted\" title=\""
                        + LitTexts.text(getTranslation("deal.next-step-due")) + "\">\u00b7 ${item.due}</span>`}"))
                .withProperty("noNextStep", Deal::lacksNextStep)
                .withProperty("nextStep", d -> d.isOpen() ? nz(d.nextStep()) : nz(d.closeReason()))
                .withProperty("due", d -> d.nextStepDue() == null ? "" : date.format(d.nextStepDue()))
                .withProperty("overdue", d -> d.isOpen() && d.nextStepDue() != null
                        && d.nextStepDue().isBefore(today)))
                // 9rem holds the "no next step" badge on one line; a longer step wraps (with a stalled deal's second
                // badge in the stage column, 10rem pushed the expected close date under the frozen actions on a laptop)
                .setHeader(getTranslation("deal.next-step")).setWidth("9rem").setFlexGrow(3);
        grid.addColumn(d -> date.format(d.expectedClose())).setHeader(getTranslation("deal.expected-close"))
                .setAutoWidth(true);
        grid.addColumn(actionsRenderer(all.projects())).setWidth("16.5rem").setFlexGrow(0).setFrozenToEnd(true);
        // open, won or lost: the same radio group as markup, one element and one listener on the server where the
        // group, its buttons and their labels were a dozen nodes and four listeners (issue 19 §6)
        StringBuilder group = new StringBuilder("<vaadin-radio-group id=\"deal-view\" value=\"" + view.name() + "\">");
        for (View v : View.values()) {
            group.append("<vaadin-radio-button value=\"").append(v.name()).append("\" label=\"")
                    .append(LitTexts.text(getTranslation("deal.view." + v.name(), first.counts().of(v.show))))
                    .append("\"></vaadin-radio-button>");
        }
        Html views = new Html(group.append("</vaadin-radio-group>").toString());
        views.getElement().addEventListener("value-changed", e -> {
            // the browser says which button; anything but a view's name changes nothing
            View chosen = DomEvents.string(e, CHOSEN_VIEW).flatMap(View::named).orElse(view);
            if (chosen != view) {
                view = chosen;
                showRows(grid, first);
            }
        }).addEventData(CHOSEN_VIEW);
        showRows(grid, first);

        HorizontalLayout toolbar = new HorizontalLayout(newDealAction(all.projects()));
        if (filter() == null) {
            toolbar.add(views);
        }
        if (!all.projects().isEmpty()) {
            // a combo box, not a select: a busy client has dozens of projects, which a select would hold as one
            // server-side item component each (issue 19 §6), and typing finds one faster than scrolling
            ComboBox<ProjectChoice> byProject = new ComboBox<>();
            byProject.setId("deal-project-filter");
            byProject.setAriaLabel(getTranslation("deal.project"));
            byProject.setPlaceholder(getTranslation("deal.all-projects"));
            byProject.setClearButtonVisible(true);
            byProject.setWidth("16rem");
            ProjectChoice none = new ProjectChoice(null, getTranslation("deal.no-project"));
            List<ProjectChoice> choices = new java.util.ArrayList<>(all.projects());
            choices.add(none);
            byProject.setItems(choices);
            byProject.setItemLabelGenerator(ProjectChoice::name);
            byProject.setValue(withoutProject ? none : projectFilter);
            byProject.addValueChangeListener(e -> {
                withoutProject = e.getValue() == none;
                projectFilter = withoutProject ? null : e.getValue();
                showRows(grid, first);
            });
            toolbar.add(byProject);
        }
        toolbar.addClassName("tab-toolbar");
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
        return switch (filter == null ? "" : filter) {
            case "stalled" -> "deal.filter.stalled";
            case "no-next-step" -> "deal.filter.no-next-step";
            default -> null;
        };
    }

    /** Open deals by default; won and lost ones each under their own view. */
    enum View {
        OPEN(DealFilter.Show.OPEN), WON(DealFilter.Show.WON), LOST(DealFilter.Show.LOST);

        private final DealFilter.Show show;

        View(DealFilter.Show show) {
            this.show = show;
        }

        /** The view of this name; empty for any other text. */
        static Optional<View> named(String name) {
            return java.util.Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
        }
    }

    private View view = View.OPEN;

    /** What the grid lists now: the checklist's filter (about open deals) or the view, and the project chosen. */
    private DealFilter current() {
        String f = filter();
        DealFilter.Show show = "stalled".equals(f) ? DealFilter.Show.STALLED
                : "no-next-step".equals(f) ? DealFilter.Show.NO_NEXT_STEP : view.show;
        return new DealFilter(show, withoutProject ? null : projectFilter == null ? null : projectFilter.id(),
                withoutProject);
    }

    /**
     * Lists what {@link #current()} picks out, a page at a time from the database as the user scrolls. The list loaded
     * with the tab serves its first page; the counts give the length of a view over every project; a narrower list
     * is counted when chosen.
     */
    private void showRows(Grid<Deal> grid, DealList first) {
        DealFilter shows = current();
        WorkScope scope = context.scope();
        FirstRows<Deal> rows = shows.equals(first.filter()) ? first.firstRows()
                : new FirstRows<>(DealCounts.counts(shows) ? first.counts().of(shows.show())
                : signedIn.call(() -> deals.count(scope, shows)), List.of());
        Grids.showPaged(grid, rows, signedIn, (offset, limit) -> deals.page(scope, shows, offset, limit));
    }

    private ReasonDialog.Texts reasonTexts(String id, String title, String text, String confirm) {
        return new ReasonDialog.Texts(id, title, text, getTranslation("deal.reason"), confirm,
                getTranslation("action.cancel"), getTranslation("deal.error.stale"));
    }

    private void changed() {
        reload();
        context.countersChanged().run();
    }

    /** "New deal", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component newDealAction(List<ProjectChoice> clientProjects) {
        io.clientspace.project.WorkspaceRights r = rights;
        return io.clientspace.shared.ui.Unavailable.editorAction(newDealButton(clientProjects), r == null || r.work(),
                "deals-read-only", r == null ? null : r.askName());
    }

    private Button newDealButton(List<ProjectChoice> clientProjects) {
        Button button = new Button(getTranslation("deals.new"), VaadinIcon.PLUS.create(),
                e -> new DealDialog(context.scope(), context.name(), clientProjects, deals, user, clock,
                        saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-deal");
        return button;
    }

    /** The stage as a badge, and "Stalled" beside it with since when. */
    private LitRenderer<Deal> stageRenderer() {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        // the stalled badge goes under the stage, not beside it: the column is then as wide as the wider badge, and on
        // a laptop's screen the grid still fits beside its frozen actions
        return LitRenderer.<Deal>of(LitTexts.shared("<span class=\"stage-cell\"><span class=\"stage-badge\""
                        + " theme=\"${item.stageTheme}\">${item.stage}</span>${item.stalledSince ? html`<span"
                        + " class=\"stalled-badge\" theme=\"badge contrast\" title=\"${item.stalledSince}\">"
                        + RowButtons.icon(VaadinIcon.HOURGLASS, null) + "<span>"
                        + LitTexts.text(getTranslation("deal.stalled")) + "</span></span>` : ''}</span>"))
                .withProperty("stage", d -> d.stage().displayName(getLocale()))
                .withProperty("stageTheme", d -> DealStage.WON.equals(d.stage()) ? "badge success"
                        : DealStage.LOST.equals(d.stage()) ? "badge error" : "badge")
                .withProperty("stalledSince", d -> d.isStalled() ? getTranslation("deal.stalled-since",
                        date.format(d.stalledSince().atZone(clock.getZone()))) : "");
    }

    /**
     * A row's actions: move on, edit, move back and a proposal for an open deal; edit and reopen for a closed one;
     * for a colleague who may not change the deal, a lock that says who can. Each action checks that again on the
     * server, since a browser can call any row's function.
     */
    private LitRenderer<Deal> actionsRenderer(List<ProjectChoice> clientProjects) {
        // native buttons and inline icons, not vaadin-button and vaadin-icon: a row in view then costs the browser
        // no custom element and no shadow tree (DD043); the tooltips are the page's one shared tooltip (DD042)
        String edit = RowButtons.iconButton("edit-deal", VaadinIcon.EDIT, getTranslation("deal.edit"), "edit");
        String reopen = RowButtons.button("reopen-deal", VaadinIcon.ROTATE_LEFT, getTranslation("deal.reopen"),
                "reopen");
        String move = RowButtons.button("move-deal", VaadinIcon.ARROW_RIGHT, getTranslation("deal.move-on"), "move");
        String back = RowButtons.iconButton("move-deal-back", VaadinIcon.ARROW_BACKWARD, getTranslation("deal.back"),
                "back");
        String proposal = context.shell().has(DealNavigation.PROPOSALS_TAB)
                ? RowButtons.iconButton("deal-create-proposal", VaadinIcon.FILE_TEXT,
                getTranslation("deal.create-proposal"), "proposal") : "";
        String locked = "<span class=\"action-unavailable\">"
                + RowButtons.labelledIcon(VaadinIcon.LOCK, "deal-owner-only unavailable-icon", "item.ownerOnly")
                + "</span>";
        return LitRenderer.<Deal>of(LitTexts.shared("${item.ownerOnly ? html`" + locked + "`"
                        + " : item.open ? html`<span class=\"cell-row\">" + move + edit
                        + "${item.back ? html`" + back + "` : ''}" + proposal + "</span>`"
                        + " : html`<span class=\"cell-row\">" + edit + "${item.lost ? html`" + reopen
                        + "` : ''}</span>`}"))
                .withProperty("ownerOnly", d -> mayChange(d) ? "" : getTranslation("deal.owner-only",
                        d.ownerName() == null ? d.owner() : d.ownerName()))
                .withProperty("open", Deal::isOpen)
                .withProperty("lost", d -> DealStage.LOST.equals(d.stage()))
                .withProperty("back", d -> d.previousStage() != null)
                .withFunction("edit", d -> ifMayChange(d, () -> new DealDialog(d, clientProjects, deals, user, clock,
                        saved -> changed()).open()))
                .withFunction("move", d -> ifMayChange(d, () -> {
                    if (d.isOpen()) {
                        new MoveDealDialog(d, deals, clock, this::changed).open();
                    }
                }))
                .withFunction("back", d -> ifMayChange(d, () -> Optional.ofNullable(d.previousStage())
                        .filter(previous -> d.isOpen()).ifPresent(previous -> new ReasonDialog(reasonTexts(
                                "move-deal-back", getTranslation("deal.back.title", d.title()),
                                getTranslation("deal.back.text", d.stage().displayName(getLocale()),
                                        previous.displayName(getLocale())), getTranslation("deal.back")),
                                DealRules.REASON_MAX, reason -> DealRules.checkBack(d.stage(), previous, reason),
                                reason -> deals.moveBack(d.id(), d.stage(), reason), this::changed).open())))
                .withFunction("reopen", d -> ifMayChange(d, () -> {
                    if (DealStage.LOST.equals(d.stage())) {
                        new ReasonDialog(reasonTexts("reopen-deal", getTranslation("deal.reopen.title", d.title()),
                                getTranslation("deal.reopen.text", d.lostFrom().displayName(getLocale())),
                                getTranslation("deal.reopen")), DealRules.REASON_MAX,
                                reason -> DealRules.checkReopen(d.stage(), reason),
                                reason -> deals.reopen(d.id(), d.version(), reason), this::changed).open();
                    }
                }))
                .withFunction("proposal", d -> ifMayChange(d, () -> context.shell().open(DealNavigation.PROPOSALS_TAB,
                        DealNavigation.newProposalFor(d.id()))));
    }

    /** Whether the current user may change this deal: its owner, or someone who sees every client. */
    private boolean mayChange(Deal d) {
        return user.seesAllClients() || user.username().equals(d.owner());
    }

    private void ifMayChange(Deal d, Runnable action) {
        if (mayChange(d)) {
            action.run();
        }
    }

    private String money(Deal d) {
        if (d.amountHidden()) {
            // the firm keeps amounts from colleagues who only view the client (issue 15 §1)
            return getTranslation("amounts.hidden");
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(getLocale());
        format.setCurrency(Currency.getInstance(d.currency()));
        return format.format(d.amount());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
