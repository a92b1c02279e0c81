package io.clientspace.portal.ui;

import io.clientspace.conversation.ProjectConversationService;
import java.util.Locale;
import io.clientspace.portal.PortalNavigation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.clientspace.shared.ui.LitTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import io.clientspace.portal.PortalDocument;
import io.clientspace.portal.PortalProfile;
import io.clientspace.portal.PortalProject;
import io.clientspace.portal.PortalService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.CommentThread;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import io.clientspace.task.CustomerTask;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/**
 * The portal's pages as components, for the portal's own routes and for a manager's read-only "view as client".
 * Everything comes from {@link PortalService} for one {@link CustomerScope}; each page loads off the request thread
 * and shows its loading, empty, error and not-available states.
 */
final class PortalPages {

    /** Where a customer's download starts: checked, recorded and sent on to storage by PortalDownloadController. */
    static final String DOWNLOAD_PATH = PortalNavigation.DOWNLOAD_PATH;

    private final PortalService portal;
    private final AsyncLoader loader;
    private final Clock clock;
    private final CustomerScope viewer;
    private final Component host;

    PortalPages(PortalService portal, AsyncLoader loader, Clock clock, CustomerScope viewer, Component host) {
        this.portal = portal;
        this.loader = loader;
        this.clock = clock;
        this.viewer = viewer;
        this.host = host;
    }

    /** Whose eyes the pages look through. */
    CustomerScope viewer() {
        return viewer;
    }

    /** Whether the viewer's contact may accept or decline (decision makers and approvers, DD035). */
    boolean mayDecide() {
        return portal.mayDecide(viewer);
    }

    /**
     * The line shown instead of accept and decline to a contact whose role does not decide: who does, and that the
     * server would refuse it too.
     */
    Component notDeciding(String id) {
        com.vaadin.flow.component.html.Paragraph note = new com.vaadin.flow.component.html.Paragraph(
                host.getTranslation("portal.decide.not-your-role"));
        note.setId(id);
        note.addClassName("muted");
        return note;
    }

    /** The component the pages translate with and load for. */
    Component host() {
        return host;
    }

    // ---------------------------------------------------------------------------------------------------- pages

    /**
     * The shared projects as cards.
     *
     * @param href links a card to its project's page; null to open it with {@code open} instead (preview)
     */
    Component projects(Function<UUID, String> href, Consumer<UUID> open) {
        Div page = page("portal-projects");
        page.add(new H1(t("portal.projects.title")));
        page.add(async(() -> portal.projects(viewer), list -> {
            if (list.isEmpty()) {
                return States.empty(VaadinIcon.FOLDER_OPEN_O, t("portal.projects.none.title"),
                        t("portal.projects.none.text"), null);
            }
            Div cards = new Div();
            cards.addClassName("portal-cards");
            for (PortalProject p : list) {
                cards.add(card(p, href, open));
            }
            return cards;
        }));
        return page;
    }

    /** One shared project: summary cards, then Documents, Tasks (when visible) and Comments. */
    Component project(UUID projectId, Component back) {
        Div page = page("portal-project");
        page.add(async(() -> portal.project(viewer, projectId), p -> {
            Div box = new Div();
            if (back != null) {
                box.add(back);
            }
            H1 title = new H1(p.name());
            title.setId("portal-project-title");
            box.add(title);
            if (p.description() != null) {
                Paragraph d = new Paragraph(p.description());
                d.addClassName("portal-description");
                box.add(d);
            }
            if (p.outcome() != null) {
                // what the project delivers, as the team wrote it (DD032); only shared projects reach this page
                Paragraph text = new Paragraph(p.outcome());
                text.addClassName("portal-description");
                text.getStyle().set("white-space", "pre-line");
                Div outcome = new Div(new H3(t("portal.project.outcome")), text);
                outcome.setId("portal-project-outcome");
                box.add(outcome);
            }
            // three read-only cards: one element of markup, not thirteen components the session keeps (issue 19 §6)
            box.add(new Html("<div class=\"portal-summary\">"
                    + summary("summary-total-hours", VaadinIcon.CLOCK, "portal.project.total-hours",
                            hours(p.totalMinutes()))
                    + summary("summary-billable-hours", VaadinIcon.CASH, "portal.project.billable-hours",
                            hours(p.billableMinutes()))
                    + summary("summary-last-activity", VaadinIcon.CALENDAR_CLOCK, "portal.project.last-activity",
                            p.lastActivity() == null ? t("portal.project.no-activity") : date(p.lastActivity()))
                    + "</div>"));

            TabSheet tabs = new TabSheet();
            tabs.setId("portal-project-tabs");
            tabs.setWidthFull();
            tabs.add(t("portal.tab.documents"), documentGrid(p.documents(), false, "portal-project-documents"))
                    .setId("portal-tab-documents");
            if (p.tasksVisible()) {
                tabs.add(t("portal.tab.tasks"), lazy(() -> tasks(projectId))).setId("portal-tab-tasks");
            }
            tabs.add(t("portal.tab.comments"), lazy(() -> comments(projectId))).setId("portal-tab-comments");
            box.add(tabs);
            return box;
        }));
        return page;
    }

    /** Every shared document across the projects. */
    Component documents() {
        Div page = page("portal-documents");
        page.add(new H1(t("portal.documents.title")));
        page.add(async(() -> portal.documents(viewer), docs -> documentGrid(docs, true, "portal-all-documents")));
        return page;
    }

    Component profile() {
        Div page = page("portal-profile");
        page.add(new H1(t("portal.profile.title")));
        page.add(async(() -> portal.profile(viewer), (PortalProfile p) -> {
            Div facts = new Div();
            facts.addClassName("portal-profile-facts");
            fact(facts, "profile-name", "portal.profile.name", p.displayName());
            fact(facts, "profile-email", "portal.profile.email", p.email());
            fact(facts, "profile-customer", "portal.profile.customer", p.clientName());
            fact(facts, "profile-role", "portal.profile.role",
                    p.role() == null ? t("portal.profile.no-role") : t("portal.roles." + p.role()));
            return facts;
        }));
        return page;
    }

    /** What a customer without an active portal account sees instead of any page. */
    static Component noAccess(Component host) {
        Div page = new Div(States.hidden(host.getTranslation("portal.no-record.title"),
                host.getTranslation("portal.no-record.text")));
        page.setId("portal-no-access");
        page.addClassName("portal-page");
        return page;
    }

    // ------------------------------------------------------------------------------------------------ sections

    private Component card(PortalProject p, Function<UUID, String> href, Consumer<UUID> open) {
        H3 name = new H3(p.name());
        Paragraph description = new Paragraph(p.description() == null ? "" : p.description());
        description.addClassName("portal-card-text");
        Span count = new Span(VaadinIcon.FILE_TEXT_O.create(), new Span(t("portal.projects.documents",
                p.documentCount())));
        count.addClassName("portal-card-count");
        Component card;
        if (href != null) {
            Anchor a = new Anchor(href.apply(p.id()), name, description, count);
            card = a;
        } else {
            Div d = new Div(name, description, count);
            d.addClickListener(e -> open.accept(p.id()));
            card = d;
        }
        card.addClassName("portal-card");
        card.addClassName("portal-project-card");
        return card;
    }

    private Component documentGrid(List<PortalDocument> docs, boolean withProject, String id) {
        if (docs.isEmpty()) {
            return States.empty(VaadinIcon.FILE_TEXT_O, t("portal.documents.none.title"),
                    t("portal.documents.none.text"), null);
        }
        Grid<PortalDocument> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(d -> withProject ? d.fileName() : d.name())
                .setHeader(t(withProject ? "portal.document.file" : "portal.document.name")).setFlexGrow(3);
        if (withProject) {
            grid.addColumn(d -> d.projectName() == null ? t("portal.document.general") : d.projectName())
                    .setHeader(t("portal.document.project")).setFlexGrow(2);
        }
        grid.addColumn(d -> UploadTexts.size(host, d.sizeBytes())).setHeader(t("portal.document.size"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(d -> date(d.uploadedAt())).setHeader(t("portal.document.uploaded")).setAutoWidth(true);
        if (viewer.preview()) {
            grid.addComponentColumn(this::previewDownload).setAutoWidth(true).setFlexGrow(0);
        } else {
            // a plain link per row drawn by the browser from two properties, not three components per row
            grid.addColumn(LitRenderer.<PortalDocument>of("<a class=\"portal-download\" router-ignore target=\"_blank\""
                            + " href=\"${item.href}\" aria-label=\"${item.label}\">"
                            + LitTexts.icon(VaadinIcon.DOWNLOAD_ALT) + "<span>"
                            + LitTexts.text(t("portal.document.download")) + "</span></a>")
                    .withProperty("href", d -> DOWNLOAD_PATH + d.kind().name() + "/" + d.id())
                    .withProperty("label", d -> t("portal.document.download-named", d.name())))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(docs);
        return grid;
    }

    /** A manager's look does not count as the customer's download, so it does not pass the recording link. */
    private Component previewDownload(PortalDocument d) {
        Button b = new Button(t("portal.document.download"), VaadinIcon.DOWNLOAD_ALT.create(), e ->
                Downloads.start(UI.getCurrent(), portal.download(viewer, d.kind(), d.id())));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.addClassName("portal-download");
        return b;
    }

    private Component tasks(UUID projectId) {
        return async(() -> portal.tasks(viewer, projectId), list -> {
            if (list.isEmpty()) {
                return States.empty(VaadinIcon.TASKS, t("portal.tasks.none.title"), t("portal.tasks.none.text"),
                        null);
            }
            Grid<CustomerTask> grid = new Grid<>();
            grid.setId("portal-tasks-grid");
            grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.addColumn(CustomerTask::title).setHeader(t("portal.task.name")).setFlexGrow(3);
            grid.addColumn(x -> x.assigneeName() == null ? t("portal.task.unassigned") : x.assigneeName())
                    .setHeader(t("portal.task.assignee")).setAutoWidth(true);
            grid.addComponentColumn(x -> statusBadge(x.status())).setHeader(t("portal.task.status"))
                    .setAutoWidth(true);
            grid.setItems(list);
            return grid;
        });
    }

    private Component statusBadge(CustomerTask.Status status) {
        Span badge = new Span(t("portal.task.statuses." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case OPEN -> "badge";
            case IN_PROGRESS -> "badge contrast";
            case DONE -> "badge success";
            case CANCELLED -> "badge error";
        });
        badge.addClassName("task-status");
        return badge;
    }

    private Component comments(UUID projectId) {
        Div box = new Div();
        box.setId("portal-comments");
        box.addClassName("comment-thread");
        Div list = new Div();
        list.addClassName("comment-list");
        box.add(list);
        Runnable refresh = () -> {
            list.removeAll();
            list.add(async(() -> portal.comments(viewer, projectId), c -> CommentThread.list(host,
                    c.stream().map(x -> new CommentThread.Item(x.authorName(), x.fromCustomer(), x.body(),
                            x.createdAt())).toList(), clock.getZone())));
        };
        refresh.run();
        if (viewer.preview()) {
            Paragraph note = new Paragraph(t("portal.comments.read-only"));
            note.addClassName("muted");
            box.add(note);
            return box;
        }
        box.add(CommentThread.form(host, "portal.comments.placeholder", ProjectConversationService.COMMENT_MAX,
                text -> portal.comment(viewer, projectId, text), refresh));
        return box;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** Loads off the request thread; shows loading first, then the result, a not-available or an error state. */
    <T> Div async(Supplier<T> query, Function<T, Component> render) {
        Div box = new Div(States.loading(t("portal.loading")));
        box.addClassName("portal-async");
        loader.load(host, query, result -> {
            box.removeAll();
            box.add(render.apply(result));
        }, error -> {
            box.removeAll();
            if (error instanceof NotFoundException) {
                Div gone = new Div(States.empty(VaadinIcon.SEARCH, t("portal.not-found.title"),
                        t("portal.not-found.text"), null));
                gone.setId("portal-not-found");
                box.add(gone);
            } else if (error instanceof io.clientspace.shared.NoAccessException) {
                // the contact's policy leaves this out (a project, a section): say so (DD035)
                box.add(PortalPage.sectionHidden(host));
            } else if (error instanceof AccessDeniedException) {
                Div hidden = new Div(States.hidden(t("portal.no-record.title"), t("portal.no-record.text")));
                hidden.setId("portal-no-access");
                box.add(hidden);
            } else {
                box.add(States.error(t("portal.error.title"), t("portal.error.text"), () -> {
                    box.removeAll();
                    box.add(async(query, render));
                }, t("action.retry")));
            }
        });
        return box;
    }

    /** A tab's content built when the tab is first shown. */
    private static Component lazy(Supplier<Component> content) {
        Div box = new Div();
        box.addAttachListener(e -> {
            if (box.getChildren().findAny().isEmpty()) {
                box.add(content.get());
            }
        });
        return box;
    }

    Div page(String id) {
        Div page = new Div();
        page.setId(id);
        page.addClassName("portal-page");
        return page;
    }

    /** One summary card as markup: the label is a translation and the value a number or a date, escaped all the same. */
    private String summary(String id, VaadinIcon icon, String labelKey, String value) {
        return "<div id=\"" + id + "\" class=\"portal-summary-card\">" + LitTexts.icon(icon)
                + "<span class=\"summary-label\">" + LitTexts.text(t(labelKey))
                + "</span><span class=\"summary-value\">" + LitTexts.text(value) + "</span></div>";
    }

    private void fact(Div facts, String id, String labelKey, String value) {
        Span label = new Span(t(labelKey));
        label.addClassName("fact-label");
        Span v = new Span(value == null ? "" : value);
        v.setId(id);
        facts.add(new Div(label, v));
    }

    private String hours(long minutes) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(2);
        f.setMinimumFractionDigits(0);
        return t("portal.project.hours", f.format(minutes / 60.0));
    }

    String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(instant.atZone(clock.getZone()));
    }

    static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    String t(String key, Object... args) {
        return host.getTranslation(key, args);
    }
}
