package io.clientspace.timeline.ui;

import io.clientspace.timeline.TimelineNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.deal.DealStages;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.shared.ui.States;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The activity of a client or project, newest first, a page at a time: deals, tasks, files and documents, with who and when. */
class ActivityTab extends WorkspaceTab<List<TimelineEntry>> {

    /** The Activity tab, last on the client and the project workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final TimelineService timeline;
        private final DealStages stages;

        Provider(TimelineService timeline, DealStages stages) {
            super(TimelineNavigation.TAB, 100, Where.CLIENT, Where.PROJECT);
            this.timeline = timeline;
            this.stages = stages;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new ActivityTab(context, timeline, stages);
        }
    }

    private final TabContext context;
    private final TimelineService timeline;
    private final DealStages stages;
    private final Clock clock;
    private int nextPage = 1;

    ActivityTab(TabContext context, TimelineService timeline, DealStages stages) {
        super(TimelineNavigation.TAB, "workspace.tab.activity", context.loader());
        this.context = context;
        this.timeline = timeline;
        this.stages = stages;
        this.clock = context.clock();
    }

    @Override
    protected long count() {
        return timeline.countIn(context.scope());
    }

    @Override
    protected List<TimelineEntry> fetch() {
        return timeline.in(context.scope(), 0);
    }

    @Override
    protected String loadingKey() {
        return "timeline.loading";
    }

    @Override
    protected Component emptyState() {
        return States.empty(VaadinIcon.TIME_BACKWARD, getTranslation("timeline.none.title"),
                getTranslation("timeline.none.text"), null);
    }

    @Override
    protected Component render(List<TimelineEntry> data) {
        nextPage = 1;
        Div list = new Div();
        list.setId("timeline");
        list.addClassName("timeline");
        data.forEach(e -> list.add(entry(e)));
        Div box = new Div(list);
        box.addClassName("tab-body");
        if (data.size() == TimelineService.PAGE_SIZE) {
            Button more = new Button(getTranslation("timeline.more"), VaadinIcon.ANGLE_DOWN.create());
            more.setId("timeline-more");
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            more.addClickListener(e -> {
                List<TimelineEntry> page = timeline.in(context.scope(), nextPage++);
                page.forEach(entry -> list.add(entry(entry)));
                more.setVisible(page.size() == TimelineService.PAGE_SIZE);
            });
            box.add(more);
        }
        return box;
    }

    private Component entry(TimelineEntry e) {
        Div row = new Div();
        row.addClassName("timeline-entry");
        Span when = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(e.occurredAt().atZone(clock.getZone())));
        when.addClassName("timeline-when");
        String who = e.actorName().isEmpty() ? getTranslation("timeline.system") : e.actorName();
        String key = "TASK_CREATED".equals(e.kind()) && nz(e.detail()).isEmpty() ? "timeline.task-created-unassigned"
                : "timeline.kind." + e.kind();
        Span what = new Span(getTranslation(key, who, nz(e.subjectTitle()), detail(e)));
        what.addClassName("timeline-what");
        row.add(when, what);
        return row;
    }

    /** Stages, statuses and kinds are stored as names and shown in the user's language. */
    private String detail(TimelineEntry e) {
        String d = nz(e.detail());
        return switch (e.kind()) {
            case "DEAL_STAGE", "DEAL_MOVED_BACK", "DEAL_REOPENED" -> {
                String[] parts = d.split("\\|", 2);
                // stored by code; a stage a process owner added shows as the model names it
                String stage = stages.named(parts[0]).displayName(getLocale());
                yield parts.length == 2 ? getTranslation("timeline.with-reason", stage, parts[1]) : stage;
            }
            case "DEAL_STALLED" -> stages.named(d).displayName(getLocale());
            case "DEAL_EDITED" -> Arrays.stream(d.split(",")).filter(f -> !f.isEmpty())
                    .map(f -> getTranslation("timeline.deal-field." + f)).collect(Collectors.joining(", "));
            case "DOCUMENT_STATUS_CHANGED" -> getTranslation("document.statuses." + d);
            // inside a sentence: "added the contract", not "added the Contract"
            case "DOCUMENT_CREATED" -> getTranslation("timeline.document-type." + d);
            case "CLIENT_CREATED" -> getTranslation("timeline.client-kind." + d);
            case "PROJECT_STATUS_CHANGED" -> getTranslation("project.statuses." + d);
            case "DOCUMENT_VERSION_ADDED", "DOCUMENT_FINAL_MARKED" ->
                    d.matches("\\d+") ? getTranslation("document.version-number", Integer.parseInt(d)) : d;
            case "TASK_ASSIGNED", "TASK_CREATED" -> d.isEmpty() ? getTranslation("task.unassigned") : d;
            default -> d;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
