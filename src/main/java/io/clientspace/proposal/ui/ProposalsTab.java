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
 * The client's proposals: drafts, those waiting for approval, and what the customer made of the sent ones. Create a
 * proposal here (or from a deal); open one to change, send, approve or return it. Without a portal contact on the
 * customer nothing can be sent, and the tab says so.
 */
class ProposalsTab extends WorkspaceTab<ProposalsTab.Data> {

    record Data(List<Proposal> proposals, boolean canSend) {
    }

    /** The Proposals tab on a client's workspace, next to Deals. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final ProposalService proposals;
        private final DealService deals;
        private final FileService files;

        Provider(ProposalService proposals, DealService deals, FileService files) {
            super(DealNavigation.PROPOSALS_TAB, 20, Where.CLIENT);
            this.proposals = proposals;
            this.deals = deals;
            this.files = files;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ProposalsTab(context, proposals, deals, files);
        }
    }

    private final NamedClient client;
    private final ProposalService proposals;
    private final DealService deals;
    private final FileService files;
    private final Runnable onChange;
    private final Clock clock;

    ProposalsTab(TabContext context, ProposalService proposals, DealService deals, FileService files) {
        super(DealNavigation.PROPOSALS_TAB, "workspace.tab.proposals", context.loader());
        this.client = context.client();
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
        return proposals.countForClient(client.id());
    }

    @Override
    protected Data fetch() {
        return new Data(proposals.forClient(client.id()), proposals.canSend(client.id()));
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
        grid.addComponentColumn(p -> statusBadge(this, p.status())).setHeader(getTranslation("proposal.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> getTranslation("proposal.fee-models." + p.feeModel().name()))
                .setHeader(getTranslation("proposal.fee-model")).setAutoWidth(true);
        grid.addColumn(p -> ProposalFormat.money(p.feeAmount(), p.currency(), getLocale()))
                .setHeader(getTranslation("proposal.fee-amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> TabParts.date(getLocale(), clock.getZone(), p.validUntil()))
                .setHeader(getTranslation("proposal.valid-until")).setAutoWidth(true);
        grid.addColumn(p -> TabParts.date(getLocale(), clock.getZone(), p.sentAt()))
                .setHeader(getTranslation("proposal.sent")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setItems(data.proposals());
        Div box = new Div(toolbar, grid);
        box.addClassName("tab-body");
        return box;
    }

    void open(UUID proposalId) {
        new ProposalDetailsDialog(proposalId, client, proposals, deals, files, clock, this::changed).open();
    }

    /** A new proposal on the client, linked to the deal when one is given. */
    void create(UUID dealId) {
        new ProposalDialog(client, null, dealId, proposals, deals, files, clock, saved -> {
            changed();
            open(saved.id());
        }).open();
    }

    private Button newButton(UUID dealId) {
        Button button = new Button(getTranslation("proposals.new"), VaadinIcon.PLUS.create(), e -> create(dealId));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-proposal");
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
