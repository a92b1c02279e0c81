package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.checklist.RequiredDocuments;
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
class ReviewPanel extends HorizontalLayout {

    private final WorkScope scope;
    private final ReviewService review;
    private final AsyncLoader loader;
    private final Clock clock;
    private final Consumer<String> openTab;

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
    }

    void refresh() {
        if (scope.isProject()) {
            loader.load(this, () -> review.review(scope), this::showProject, e -> {
                removeAll();
                add(new Span(getTranslation("review.unavailable")));
            });
            return;
        }
        loader.load(this, () -> review.review(scope.clientId()), this::show, e -> {
            removeAll();
            add(new Span(getTranslation("review.unavailable")));
        });
    }

    private void show(ClientReview r) {
        removeAll();
        add(label());
        add(item("review-stalled", r.deals().stalled(), "review.stalled", "review.stalled-none", "deals:stalled"));
        add(item("review-no-next-step", r.deals().withoutNextStep(), "review.no-next-step", null,
                "deals:no-next-step"));
        add(item("review-overdue", r.tasks().overdue(), "review.overdue", "review.overdue-none", "tasks:overdue"));
        add(item("review-unassigned", r.tasks().unassigned(), "review.unassigned", null, "tasks:unassigned"));
        add(keyDocuments(r.keyDocuments()));
        add(item("review-requests-breached", r.requestsBreached(), "review.requests-breached", null,
                ClientRequestNavigation.TAB + ":" + ClientRequestNavigation.FILTER_BREACHED));
        if (r.externalAccess() != null) {
            add(chip("review-external", getTranslation("review.external", r.externalAccess().active()),
                    "badge contrast", "external"));
            if (r.externalAccess().expiringSoon() > 0) {
                add(chip("review-invitations-expiring", getTranslation("review.invitations-expiring",
                        r.externalAccess().expiringSoon()), "badge error", "external"));
            }
        }
        add(chip("review-last-activity", r.lastActivity() == null ? getTranslation("review.no-activity")
                : getTranslation("review.last-activity", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).format(r.lastActivity().atZone(clock.getZone()))),
                "badge contrast", "activity"));
    }

    private void showProject(ProjectReview r) {
        removeAll();
        add(label());
        add(item("review-stalled", r.deals().stalled(), "review.stalled", "review.stalled-none", "deals:stalled"));
        add(item("review-no-next-step", r.deals().withoutNextStep(), "review.no-next-step", null,
                "deals:no-next-step"));
        add(item("review-overdue", r.tasks().overdue(), "review.overdue", "review.overdue-none", "tasks:overdue"));
        add(item("review-unassigned", r.tasks().unassigned(), "review.unassigned", null, "tasks:unassigned"));
        add(item("review-required-documents", r.missingDocuments(), "review.project.documents-missing",
                "review.project.documents-complete", "required-documents"));
        if (r.pendingAcceptances() > 0) {
            // waiting for the customer, not for us: a quiet chip
            add(chip("review-pending-acceptances", getTranslation("review.project.acceptances-pending",
                    r.pendingAcceptances()), "badge contrast", "documents"));
        }
        add(chip("review-last-activity", r.lastActivity() == null ? getTranslation("review.no-activity")
                : getTranslation("review.last-activity", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).format(r.lastActivity().atZone(clock.getZone()))),
                "badge contrast", "activity"));
    }

    private Component label() {
        Span label = new Span(getTranslation("review.title"));
        label.addClassName("review-label");
        return label;
    }

    /** A count that needs someone; zero shows as a quiet "all good" line, or not at all when noneKey is null. */
    private Component item(String id, long count, String key, String noneKey, String tab) {
        if (count == 0) {
            if (noneKey == null) {
                Span none = new Span();
                none.setVisible(false);
                none.setId(id);
                return none;
            }
            // nothing to filter for: the chip opens the whole tab
            return chip(id, getTranslation(noneKey), "badge success", tab.split(":")[0]);
        }
        return chip(id, getTranslation(key, count), "badge error", tab);
    }

    private Component keyDocuments(RequiredDocuments key) {
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
        return chip("review-key-documents", text, theme, "documents");
    }

    private Component chip(String id, String text, String theme, String tab) {
        Button chip = new Button(text, e -> openTab.accept(tab));
        chip.setId(id);
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        chip.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        chip.addClassName("review-chip");
        chip.setIcon(theme.contains("success") ? VaadinIcon.CHECK.create() : theme.contains("error")
                ? VaadinIcon.EXCLAMATION_CIRCLE_O.create() : null);
        return chip;
    }
}
