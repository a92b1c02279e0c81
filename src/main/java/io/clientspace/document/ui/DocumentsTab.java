package io.clientspace.document.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.Unavailable;

import java.util.Locale;
import java.util.UUID;
import java.util.HashMap;
import java.util.Map;
import io.clientspace.document.DocumentNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.SharingSwitch;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentCounts;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentStatus;
import io.clientspace.document.DocumentType;
import io.clientspace.document.KeyDocuments;
import io.clientspace.shared.ui.States;
import java.time.Clock;
import java.util.List;

/**
 * Contracts, invoices, acts and other documents with their versions. The counter shows ready and pending apart, and
 * the required documents that need someone. The key-documents line says at a glance where the workspace's required
 * documents stand (from the checklist module), or, where it has none, whether contract, invoice and act exist and are
 * final.
 */
class DocumentsTab extends WorkspaceTab<DocumentsTab.Data> {

    record Data(List<ClientDocument> documents, KeyDocuments key, DocumentExtension.RequiredLine required,
                boolean canShare,
                Map<UUID, DocumentExtension.Badge> badges, List<ClientDocument> archived) {
    }

    /** The Documents tab, on the client and the project workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final DocumentService documents;
        private final List<DocumentExtension> extensions;
        private final ProjectService projects;

        Provider(DocumentService documents, List<DocumentExtension> extensions, ProjectService projects) {
            super(DocumentNavigation.TAB, 50, Where.CLIENT, Where.PROJECT);
            this.documents = documents;
            this.extensions = extensions;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new DocumentsTab(context, documents, extensions, projects);
        }
    }

    private final TabContext context;
    private final DocumentService documents;
    private final List<DocumentExtension> extensions;
    private final Clock clock;
    private final Runnable onChange;

    private final ProjectService projects;
    /** What the user may do here, read with the list (off the UI thread) for the "why not" of New document. */
    private volatile WorkspaceRights rights;

    DocumentsTab(TabContext context, DocumentService documents, List<DocumentExtension> extensions,
                 ProjectService projects) {
        super(DocumentNavigation.TAB, "workspace.tab.documents", context.loader());
        this.context = context;
        this.projects = projects;
        this.documents = documents;
        this.extensions = extensions;
        this.clock = context.clock();
        this.onChange = context.countersChanged();
    }

    @Override
    protected long count() {
        return documents.countIn(context.scope());
    }

    /** The counter's figures: the documents by status, and the required ones that need someone (0 without). */
    record Counter(DocumentCounts documents, long requiredNeedingAction) {
    }

    @Override
    protected Object counterValue() {
        return new Counter(documents.counts(context.scope()),
                required().map(DocumentExtension.RequiredLine::needingAction).orElse(0L));
    }

    @Override
    protected String counterText(Object value) {
        Counter counter = (Counter) value;
        DocumentCounts c = counter.documents();
        String text = c.draft() == 0 ? getTranslation("documents.counter", c.ready(), c.pending())
                : getTranslation("documents.counter-drafts", c.ready(), c.pending(), c.draft());
        return counter.requiredNeedingAction() == 0 ? text
                : text + getTranslation("documents.counter-required", counter.requiredNeedingAction());
    }

    private java.util.Optional<DocumentExtension.RequiredLine> required() {
        return extensions.stream().map(x -> x.requiredDocuments(context.scope())).flatMap(java.util.Optional::stream)
                .findFirst();
    }

    @Override
    protected Data fetch() {
        rights = projects.rights(context.scope());
        var list = documents.in(context.scope());
        List<UUID> ids = list.stream().map(ClientDocument::id).toList();
        Map<UUID, DocumentExtension.Badge> badges = new HashMap<>();
        extensions.forEach(x -> badges.putAll(x.badges(context.scope(), ids)));
        DocumentExtension.RequiredLine required = required().orElse(null);
        return new Data(list, required == null ? documents.keyDocuments(context.scope()) : null, required,
                documents.canShare(context.scope()), badges,
                documents.archivedIn(context.scope()));
    }

    @Override
    protected boolean isEmpty(Data data) {
        return data.documents().isEmpty() && data.archived().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "documents.loading";
    }

    @Override
    protected Component emptyState() {
        Div box = new Div(States.empty(VaadinIcon.FILE_TEXT_O, getTranslation("documents.none.title"),
                getTranslation("documents.none.text"), newDocumentAction()));
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected Component render(Data data) {
        HorizontalLayout toolbar = new HorizontalLayout(newDocumentAction(),
                data.required() != null ? requiredDocuments(data.required(), data.documents())
                        : keyDocuments(data.key()));
        toolbar.addClassName("tab-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWidthFull();

        Grid<ClientDocument> grid = new Grid<>();
        grid.setId("document-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ClientDocument::title).setHeader(getTranslation("document.title")).setFlexGrow(3);
        grid.addColumn(d -> getTranslation("document.types." + d.type().name()))
                .setHeader(getTranslation("document.type")).setAutoWidth(true);
        grid.addComponentColumn(d -> withBadge(statusBadge(d.status()), data.badges().get(d.id())))
                .setHeader(getTranslation("document.status")).setAutoWidth(true);
        grid.addColumn(d -> d.finalVersion() == 0 ? getTranslation("document.no-final")
                        : getTranslation("document.version-number", d.finalVersion()))
                .setHeader(getTranslation("document.final")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("document.version-number", d.latestVersion()))
                .setHeader(getTranslation("document.latest")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation("document.updated-line", d.updatedByName(),
                TabParts.date(getLocale(), clock.getZone(), d.updatedAt())))
                .setHeader(getTranslation("document.updated")).setAutoWidth(true);
        var shared = grid.addComponentColumn(d -> SharingSwitch.of(this, d.sharedWithClient(), data.canShare(),
                        d.title(), on -> documents.setShared(d.id(), on).sharedWithClient()))
                .setHeader(getTranslation("sharing.column")).setAutoWidth(true).setFlexGrow(0);
        // the switch sits in the row: flipping it must not open the document as well
        grid.addItemClickListener(e -> {
            if (e.getColumn() != shared) {
                new DocumentDialog(e.getItem().id(), documents, extensions, clock, this::changed).open();
            }
        });
        io.clientspace.shared.ui.Grids.show(grid, data.documents());

        Div box = new Div(toolbar);
        box.addClassName("tab-body");
        if (data.documents().isEmpty()) {
            box.add(States.empty(VaadinIcon.FILE_TEXT_O, getTranslation("documents.none.title"),
                    getTranslation("documents.all-archived"), null));
        } else {
            box.add(grid);
            TabParts.limitNote(box, data.documents().size(), DocumentService.LIST_LIMIT);
        }
        if (!data.archived().isEmpty()) {
            box.add(archived(data.archived()));
        }
        return box;
    }

    /** Archived documents stay readable: each opens in the same dialog, where it can be brought back. */
    private Component archived(List<ClientDocument> rows) {
        Grid<ClientDocument> grid = new Grid<>();
        grid.setId("document-archived-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ClientDocument::title).setHeader(getTranslation("document.title")).setFlexGrow(3);
        grid.addColumn(d -> getTranslation("document.types." + d.type().name()))
                .setHeader(getTranslation("document.type")).setAutoWidth(true);
        grid.addComponentColumn(d -> statusBadge(d.status())).setHeader(getTranslation("document.status"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation("document.updated-line", d.archivedByName(),
                TabParts.date(getLocale(), clock.getZone(), d.archivedAt())))
                .setHeader(getTranslation("document.archived")).setAutoWidth(true);
        grid.addItemClickListener(e -> new DocumentDialog(e.getItem().id(), documents, extensions, clock,
                this::changed).open());
        grid.setItems(rows);
        Details details = new Details(getTranslation("documents.archived-section", rows.size()), grid);
        details.setId("document-archived-section");
        details.setWidthFull();
        return details;
    }

    /** The document's status, and an extension's badge (where its latest acceptance stands) when it has one. */
    private Component withBadge(Component status, DocumentExtension.Badge extra) {
        if (extra == null) {
            return status;
        }
        Span badge = new Span(getTranslation(extra.labelKey()));
        badge.getElement().getThemeList().add(extra.themes());
        badge.addClassName(extra.className());
        HorizontalLayout both = new HorizontalLayout(status, badge);
        both.setSpacing(false);
        both.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        return both;
    }

    private Component keyDocuments(KeyDocuments key) {
        HorizontalLayout line = new HorizontalLayout();
        line.setId("key-documents");
        line.setSpacing(false);
        line.getStyle().set("gap", "var(--lumo-space-s)").set("margin-left", "auto");
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.add(new Span(getTranslation("documents.key")));
        for (DocumentType type : List.of(DocumentType.CONTRACT, DocumentType.INVOICE, DocumentType.ACT)) {
            KeyDocuments.State state = key.states().get(type);
            Span chip = new Span(getTranslation("documents.key-state." + state.name(),
                    getTranslation("document.types." + type.name())));
            chip.getElement().getThemeList().add(switch (state) {
                case FINAL -> "badge success";
                case IN_PROGRESS -> "badge contrast";
                case MISSING -> "badge error";
            });
            chip.addClassName("key-" + type.name().toLowerCase(Locale.ROOT));
            line.add(chip);
        }
        return line;
    }

    /**
     * The workspace's required documents (issue 20), each with its state. A missing one that a document in the list
     * would satisfy once it has a final version says "not final", as the fixed key documents did.
     */
    private Component requiredDocuments(DocumentExtension.RequiredLine required, List<ClientDocument> list) {
        HorizontalLayout line = new HorizontalLayout();
        line.setId("key-documents");
        line.setSpacing(false);
        line.getStyle().set("gap", "var(--lumo-space-s)").set("margin-left", "auto").set("flex-wrap", "wrap");
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        line.add(new Span(getTranslation("documents.required")));
        for (DocumentExtension.RequiredChip c : required.chips()) {
            boolean inProgress = c.missing() && list.stream().anyMatch(d -> c.type() != DocumentType.OTHER
                    && d.type() == c.type() || d.title().trim().equalsIgnoreCase(c.name().trim()));
            Span chip = new Span(inProgress ? getTranslation("documents.key-state.IN_PROGRESS", c.name())
                    : getTranslation(c.labelKey(), c.name()));
            chip.getElement().getThemeList().add(inProgress ? "badge contrast" : c.themes());
            chip.addClassName(c.className());
            if (c.type() != DocumentType.OTHER) {
                chip.addClassName("key-" + c.type().name().toLowerCase(Locale.ROOT));
            }
            line.add(chip);
        }
        return line;
    }

    Component statusBadge(DocumentStatus status) {
        Span badge = new Span(getTranslation("document.statuses." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case READY -> "badge success";
            case PENDING -> "badge";
            case DRAFT -> "badge contrast";
        });
        badge.addClassName("document-status");
        return badge;
    }

    /** "New document", or, for someone who may only read here, the button disabled with why and whom to ask. */
    private Component newDocumentAction() {
        WorkspaceRights r = rights;
        return Unavailable.editorAction(newDocumentButton(), r == null || r.work(), "documents-read-only",
                r == null ? null : r.askName());
    }

    private Button newDocumentButton() {
        Button button = new Button(getTranslation("documents.new"), VaadinIcon.PLUS.create(),
                e -> new NewDocumentDialog(context.scope(), context.name(), documents, saved -> changed()).open());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("new-document");
        return button;
    }

    private void changed() {
        reload();
        onChange.run();
    }
}
