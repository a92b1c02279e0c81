package io.clientspace.proposal.ui;

import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.shared.NamedClient;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import io.clientspace.deal.DealNavigation;
import io.clientspace.deal.DealService;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.file.FileService;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalFormat;
import io.clientspace.proposal.ProposalService;
import io.clientspace.proposal.ProposalStatus;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The client's proposals, or a project's (DD032): drafts, those waiting for approval, and what the customer made of the sent ones. Create a
 * proposal here (or from a deal); open one to change, send, approve or return it. Without a portal contact on the
 * customer nothing can be sent, and the tab says so.
 */
class ProposalsTab extends WorkspaceTab<ProposalsTab.Data> {

    /** The proposals, whether they can be sent, and the client's projects (on a client's workspace; empty in a project's). */
    record Data(List<Proposal> proposals, boolean canSend, List<ClientProject> projects) {
    }

    /** The Proposals tab on a client's workspace and a project's, next to Deals. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ProposalService proposals;
        private final DealService deals;
        private final FileService files;
        private final ProjectService projects;

        Provider(ProposalService proposals, DealService deals, FileService files, ProjectService projects) {
            super(DealNavigation.PROPOSALS_TAB, 20, Where.CLIENT, Where.PROJECT);
            this.proposals = proposals;
            this.deals = deals;
            this.files = files;
            this.projects = projects;
        }

        /** On a project's workspace right after its Deals tab (35). */
        @Override
        public int order(Where where) {
            return where == Where.PROJECT ? 36 : order();
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ProposalsTab(context, proposals, deals, files, projects);
        }
    }

    private final NamedClient client;
    private final TabContext context;
    private final ProjectService projects;
    /** The project filter on the client's workspace: null for all proposals. */
    private ClientProject projectFilter;
    private boolean withoutProject;
    /** The client's projects as last fetched, for the dialogs. */
    private List<ClientProject> clientProjects = List.of();
    private final ProposalService proposals;
    private final DealService deals;
    private final FileService files;
    private final Runnable onChange;
    private final Clock clock;

    ProposalsTab(TabContext context, ProposalService proposals, DealService deals, FileService files,
                 ProjectService projects) {
        super(DealNavigation.PROPOSALS_TAB, "workspace.tab.proposals", context.loader());
        this.client = context.client();
        this.context = context;
        this.projects = projects;
        this.proposals = proposals;
        this.deals = deals;
        this.files = files;
        this.onChange = context.countersChanged();
        this.clock = context.clock();
    }

    /** Understands {@link DealNavigation#newProposalFor}: opens a new proposal for that deal over the list. */
    @Override
    public void openWith(String argument) {
        var deal = DealNavigation.dealOfNewProposal(argument);
        if (deal.isPresent()) {
            showFirstTime();
            create(deal.get());
        } else {
            super.openWith(argument);
        }
    }

    @Override
    protected long count() {
        return proposals.countIn(context.scope());
    }

    @Override
    protected Data fetch() {
        return new Data(proposals.in(context.scope()), proposals.canSend(context.scope()),
                context.isProject() ? List.of() : projects.forClient(client.id()));
    }

    @Override
    protected boolean isEmpty(Data data) {
        return data.proposals().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "proposals.loading";
    }

    @Override
    protected Component emptyState() {
        Div box = new Div(States.empty(VaadinIcon.FILE_TEXT, getTranslation("proposals.none.title"),
                getTranslation("proposals.none.text"), newButton(null)));
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected Component render(Data data) {
        clientProjects = data.projects();
        Map<UUID, String> projectNames = new HashMap<>();
        data.projects().forEach(p -> projectNames.put(p.id(), p.name()));
        HorizontalLayout toolbar = new HorizontalLayout(newButton(null));
        toolbar.addClassName("tab-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (!data.canSend()) {
            toolbar.add(noContactHint(this));
        }
        Grid<Proposal> grid = new Grid<>();
        grid.setId("proposal-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Proposal::number).setHeader(getTranslation("proposal.number")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Proposal::title).setHeader(getTranslation("proposal.title")).setFlexGrow(3);
        if (!context.isProject()) {
            grid.addColumn(p -> p.projectId() == null ? "" : projectNames.getOrDefault(p.projectId(), ""))
                    .setHeader(getTranslation("proposal.project")).setAutoWidth(true).setKey("project");
        }
        grid.addComponentColumn(p -> statusBadge(this, p.status())).setHeader(getTranslation("proposal.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> getTranslation("proposal.fee-models." + p.feeModel().name()))
                .setHeader(getTranslation("proposal.fee-model")).setAutoWidth(true);
        grid.addColumn(p -> p.amountsHidden() ? getTranslation("amounts.hidden")
                        : ProposalFormat.money(p.feeAmount(), p.currency(), getLocale()))
                .setHeader(getTranslation("proposal.fee-amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> TabParts.date(getLocale(), clock.getZone(), p.validUntil()))
                .setHeader(getTranslation("proposal.valid-until")).setAutoWidth(true);
        grid.addColumn(p -> TabParts.date(getLocale(), clock.getZone(), p.sentAt()))
                .setHeader(getTranslation("proposal.sent")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setItems(data.proposals().stream().filter(this::matches).toList());
        if (!data.projects().isEmpty()) {
            toolbar.add(projectFilter(data, grid));
        }
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    /** The client's workspace filters by project: all, one of them, or those on the client as a whole. */
    private Select<ClientProject> projectFilter(Data data, Grid<Proposal> grid) {
        Select<ClientProject> byProject = new Select<>();
        byProject.setId("proposal-project-filter");
        byProject.setAriaLabel(getTranslation("proposal.project"));
        ClientProject none = new ClientProject(null, null, null, null, getTranslation("proposal.no-project"), null,
                null, null, null, null, null, List.of(), false, false, false, 0);
        List<ClientProject> choices = new ArrayList<>(data.projects());
        choices.add(none);
        byProject.setItems(choices);
        byProject.setEmptySelectionAllowed(true);
        byProject.setEmptySelectionCaption(getTranslation("proposal.all-projects"));
        byProject.setItemLabelGenerator(p -> p == null ? getTranslation("proposal.all-projects") : p.name());
        byProject.setValue(withoutProject ? none : projectFilter);
        byProject.addValueChangeListener(e -> {
            withoutProject = e.getValue() == none;
            projectFilter = withoutProject ? null : e.getValue();
            grid.setItems(data.proposals().stream().filter(this::matches).toList());
        });
        return byProject;
    }

    private boolean matches(Proposal p) {
        return !(withoutProject && p.projectId() != null
                || projectFilter != null && !projectFilter.id().equals(p.projectId()));
    }

    private Place place() {
        return new Place(client, context.scope(), clientProjects);
    }

    void open(UUID proposalId) {
        new ProposalDetailsDialog(proposalId, place(), proposals, deals, files, clock, this::changed).open();
    }

    /** A new proposal on the client, linked to the deal when one is given. */
    void create(UUID dealId) {
        new ProposalDialog(place(), null, dealId, proposals, deals, files, clock, saved -> {
            changed();
            open(saved.id());
        }).open();
    }

    private Button newButton(UUID dealId) {
        Button button = new Button(getTranslation("proposals.new"), VaadinIcon.PLUS.create(), e -> create(dealId));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-proposal");
        if (!proposals.canCreate(context.scope())) {
            // proposals leave the firm: the client's managers, and a project's owner, create them
            button.setEnabled(false);
            button.setTooltipText(getTranslation("proposals.new-unavailable"));
        }
        return button;
    }

    /** Why nothing can be sent: the customer has nobody in the portal yet. */
    static Component noContactHint(Component host) {
        Span hint = new Span(VaadinIcon.INFO_CIRCLE_O.create(), new Span(host.getTranslation(
                "proposals.no-portal-contact")));
        hint.setId("proposal-send-unavailable");
        hint.addClassName("hint");
        return hint;
    }

    static Component statusBadge(Component host, ProposalStatus status) {
        Span badge = new Span(host.getTranslation("proposal.statuses." + status.name()));
        String theme = switch (status) {
            case ACCEPTED -> "badge success";
            case DECLINED -> "badge error";
            case EXPIRED, DRAFT, WITHDRAWN -> "badge contrast";
            case AWAITING_APPROVAL, SENT -> "badge";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.addClassName("proposal-status");
        return badge;
    }

    private void changed() {
        reload();
        onChange.run();
    }
}
