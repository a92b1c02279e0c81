package io.clientspace.bench;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.deal.DealFilter;
import io.clientspace.deal.DealService;
import io.clientspace.shared.ui.Grids;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.file.FileService;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.WorkScope;
import io.clientspace.timeline.TimelineService;
import io.clientspace.task.WorkTaskService;
import io.clientspace.workspace.ReviewService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The service calls behind opening a client's workspace, as WorkspaceView and its tabs make them: the header, the
 * review panel, every tab's counter and every tab's first page. The benchmark times them and the guards count and
 * explain their SQL. When a tab changes what it loads, change it here too.
 */
@Component
public class WorkspaceCalls {

    private final ClientService clients;
    private final ReviewService review;
    private final DealService deals;
    private final WorkTaskService tasks;
    private final FileService files;
    private final DocumentService documents;
    private final ExternalAccessService access;
    private final ProjectService projects;
    private final TimelineService timeline;
    private final AcceptanceService acceptances;

    WorkspaceCalls(ClientService clients, ReviewService review, DealService deals, WorkTaskService tasks,
                   FileService files, DocumentService documents, ExternalAccessService access,
                   ProjectService projects, TimelineService timeline,
                   AcceptanceService acceptances) {
        this.acceptances = acceptances;
        this.clients = clients;
        this.review = review;
        this.deals = deals;
        this.tasks = tasks;
        this.files = files;
        this.documents = documents;
        this.access = access;
        this.projects = projects;
        this.timeline = timeline;
    }

    /** Each tab's counter, by tab id, as WorkspaceTab.refreshCounter loads it. */
    public Map<String, Supplier<Object>> counters(UUID clientId) {
        WorkScope scope = WorkScope.client(clientId);
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("deals", () -> deals.countForClient(clientId));
        c.put("tasks", () -> tasks.countOpenIn(scope));
        c.put("files", () -> files.countIn(scope));
        c.put("documents", () -> documents.counts(scope));
        c.put("external", () -> access.canView() ? access.countForClient(clientId) : null);
        c.put("projects", () -> projects.countForClient(clientId));
        c.put("activity", () -> timeline.countIn(scope));
        return c;
    }

    /** Each tab's first page, by tab id, as each tab's fetch() loads it. */
    public Map<String, Supplier<Object>> firstPages(UUID clientId) {
        WorkScope scope = WorkScope.client(clientId);
        Map<String, Supplier<Object>> p = new LinkedHashMap<>();
        p.put("deals", () -> deals.firstPage(scope, DealFilter.of(DealFilter.Show.OPEN), Grids.WHOLE_LIST_ROWS));
        p.put("tasks", () -> tasks.firstPage(scope, io.clientspace.task.TaskFilter.OPEN, Grids.WHOLE_LIST_ROWS));
        p.put("files", () -> new Object[] {files.in(scope), files.trashIn(scope), files.canShare(scope)});
        p.put("documents", () -> {
            var list = documents.in(scope);
            return new Object[] {list, documents.keyDocuments(scope), documents.canShare(scope),
                    acceptances.latestStatuses(scope, list.stream().map(d -> d.id()).toList())};
        });
        p.put("external", () -> access.canView() ? access.forClient(clientId) : null);
        p.put("projects", () -> projects.forClient(clientId));
        p.put("activity", () -> timeline.in(scope, 0));
        return p;
    }

    /** The whole opening: header, review panel, all counters, all first pages. */
    public Map<String, Supplier<Object>> opening(UUID clientId) {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("header", () -> clients.get(ClientKind.COMPANY, clientId));
        all.put("review", () -> review.review(clientId));
        counters(clientId).forEach((tab, call) -> all.put("count-" + tab, call));
        firstPages(clientId).forEach((tab, call) -> all.put("page-" + tab, call));
        return all;
    }

    /** Opens the workspace once; returns nothing, the results are dropped as a page would show them. */
    public void open(UUID clientId) {
        opening(clientId).values().forEach(Supplier::get);
    }
}
