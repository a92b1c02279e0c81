package io.clientspace.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import io.clientspace.shared.ui.DomEvents;
import io.clientspace.shared.ui.LitTexts;
import java.util.HashSet;
import java.util.Set;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.checklist.RequiredDocuments;
import io.clientspace.deal.DealAttention;
import io.clientspace.task.TaskAttention;
import java.time.Instant;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.workspace.ClientReview;
import io.clientspace.workspace.ProjectReview;
import io.clientspace.shared.WorkScope;
import io.clientspace.workspace.ReviewService;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The manager's checklist at the top of a workspace: stalled deals and deals without a next step, overdue and
 * unassigned tasks, key documents, client requests breaching their SLA, external access and the last activity. Each
 * item opens the tab it is about. On a project's workspace, the project's own checklist (DD032): its deals and tasks,
 * its required documents missing or expired, and its acceptances waiting for the customer.
 */
@Uses(Button.class) // the chips are vaadin-button elements in markup
class ReviewPanel extends HorizontalLayout {

    private final WorkScope scope;
    private final ReviewService review;
    private final AsyncLoader loader;
    private final Clock clock;
    private final Consumer<String> openTab;
    /** The tabs the chips on show open: a click can only ask for one of these. */
    private final Set<String> targets = new HashSet<>();
    /** The chips drawn so far, as markup. */
    private final StringBuilder chips = new StringBuilder();

    /**
     * Whether the click was on a chip, so that clicks beside them send nothing. Not the same expression as
     * {@link #TAB_CLICKED}: the browser sends a filter's result under its expression too, as true or false.
     */
    private static final String ON_A_CHIP = "event.target.closest('[data-tab]') !== null";
    /** The tab of the chip the user clicked, from its data-tab attribute. */
    private static final String TAB_CLICKED = "event.target.closest('[data-tab]') && "
            + "event.target.closest('[data-tab]').getAttribute('data-tab')";

    ReviewPanel(UUID clientId, ReviewService review, AsyncLoader loader, Clock clock, Consumer<String> openTab) {
        this(WorkScope.client(clientId), review, loader, clock, openTab);
    }

    ReviewPanel(WorkScope scope, ReviewService review, AsyncLoader loader, Clock clock, Consumer<String> openTab) {
        this.scope = scope;
        this.review = review;
        this.loader = loader;
        this.clock = clock;
        this.openTab = openTab;
        setId("review-panel");
        addClassName("review-panel");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.CENTER);
        getStyle().set("gap", "var(--lumo-space-s)");
        setSpacing(false);
        // one listener for every chip: the chip says which tab it opens (data-tab)
        getElement().addEventListener("click", e -> DomEvents.string(e, TAB_CLICKED).filter(targets::contains)
                .ifPresent(openTab)).addEventData(TAB_CLICKED).setFilter(ON_A_CHIP);
    }

    void refresh() {
        if (scope.isProject()) {
            loader.load(this, () -> review.review(scope), this::showProject, e -> unavailable());
            return;
        }
        loader.load(this, () -> review.review(scope.clientId()), this::show, e -> unavailable());
    }

    private void unavailable() {
        start();
        chips.append("<span>").append(LitTexts.text(getTranslation("review.unavailable"))).append("</span>");
        draw();
    }

    /**
     * The panel is markup: one element on the server where its chips, their icons and texts were some twenty nodes
     * (issue 19 §6). Each chip is a {@code vaadin-button} with its id and the tab it opens.
     */
    private void start() {
        chips.setLength(0);
        targets.clear();
    }

    private void draw() {
        getElement().setProperty("innerHTML", chips.toString());
    }

    private void show(ClientReview r) {
        start();
        label();
        dealsAndTasks(r.deals(), r.tasks());
        keyDocuments(r.keyDocuments());
        item("review-requests-breached", r.requestsBreached(), "review.requests-breached", null,
                ClientRequestNavigation.TAB + ":" + ClientRequestNavigation.FILTER_BREACHED);
        if (r.externalAccess() != null) {
            chip("review-external", getTranslation("review.external", r.externalAccess().active()),
                    "badge contrast", "external");
            if (r.externalAccess().expiringSoon() > 0) {
                chip("review-invitations-expiring", getTranslation("review.invitations-expiring",
                        r.externalAccess().expiringSoon()), "badge error", "external");
            }
        }
        lastActivity(r.lastActivity());
        draw();
    }

    private void showProject(ProjectReview r) {
        start();
        label();
        dealsAndTasks(r.deals(), r.tasks());
        item("review-required-documents", r.missingDocuments(), "review.project.documents-missing",
                "review.project.documents-complete", "required-documents");
        if (r.pendingAcceptances() > 0) {
            // waiting for the customer, not for us: a quiet chip
            chip("review-pending-acceptances", getTranslation("review.project.acceptances-pending",
                    r.pendingAcceptances()), "badge contrast", "documents");
        }
        lastActivity(r.lastActivity());
        draw();
    }

    /** What both checklists start with: stalled deals and deals without a next step, overdue and unassigned tasks. */
    private void dealsAndTasks(DealAttention deals, TaskAttention tasks) {
        item("review-stalled", deals.stalled(), "review.stalled", "review.stalled-none", "deals:stalled");
        item("review-no-next-step", deals.withoutNextStep(), "review.no-next-step", null, "deals:no-next-step");
        item("review-overdue", tasks.overdue(), "review.overdue", "review.overdue-none", "tasks:overdue");
        item("review-unassigned", tasks.unassigned(), "review.unassigned", null, "tasks:unassigned");
    }

    private void lastActivity(Instant last) {
        chip("review-last-activity", last == null ? getTranslation("review.no-activity")
                : getTranslation("review.last-activity", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).format(last.atZone(clock.getZone()))), "badge contrast", "activity");
    }

    private void label() {
        chips.append("<span class=\"review-label\">").append(LitTexts.text(getTranslation("review.title")))
                .append("</span>");
    }

    /** A count that needs someone; zero shows as a quiet "all good" chip, or not at all when noneKey is null. */
    private void item(String id, long count, String key, String noneKey, String tab) {
        if (count == 0) {
            if (noneKey != null) {
                // nothing to filter for: the chip opens the whole tab
                chip(id, getTranslation(noneKey), "badge success", tab.split(":")[0]);
            }
            return;
        }
        chip(id, getTranslation(key, count), "badge error", tab);
    }

    private void keyDocuments(RequiredDocuments key) {
        String text;
        String theme;
        if (key.complete()) {
            text = getTranslation("review.key-complete");
            theme = "badge success";
        } else {
            List<RequiredDocuments.Line> open = key.open();
            String names = String.join(", ", open.stream().map(l -> l.name() != null ? l.name()
                    : getTranslation("document.types." + l.type().name())).toList());
            long needing = key.needingAction().size();
            text = getTranslation(needing == open.size() ? "review.key-missing" : "review.key-open", names);
            theme = needing > 0 ? "badge error" : "badge contrast";
        }
        chip("review-key-documents", text, theme, "documents");
    }

    /** A small tertiary button in the badge's colours, with a tick or a warning sign, that opens {@code tab}. */
    private void chip(String id, String text, String theme, String tab) {
        targets.add(tab);
        chips.append("<vaadin-button id=\"").append(id).append("\" class=\"review-chip\" theme=\"small tertiary ")
                .append(theme).append("\" data-tab=\"").append(LitTexts.text(tab)).append("\">");
        if (theme.contains("success")) {
            chips.append(LitTexts.prefixIcon(VaadinIcon.CHECK));
        } else if (theme.contains("error")) {
            chips.append(LitTexts.prefixIcon(VaadinIcon.EXCLAMATION_CIRCLE_O));
        }
        chips.append(LitTexts.text(text)).append("</vaadin-button>");
    }
}
