package io.clientspace.workspace;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.client.ClientRef;
import io.clientspace.shared.WorkScope;
import io.clientspace.client.ClientService;
import io.clientspace.deal.DealAttention;
import io.clientspace.deal.DealService;
import io.clientspace.document.DocumentService;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.request.ClientRequestService;
import io.clientspace.task.TaskAttention;
import io.clientspace.task.WorkTaskService;
import io.clientspace.timeline.TimelineService;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.Modules;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's review: for one client, and across all of my clients, what needs someone now. Each module answers
 * its own part with one grouped, indexed query; nothing here scans.
 */
@Service
public class ReviewService {

    private final ClientService clients;
    private final DealService deals;
    private final WorkTaskService tasks;
    private final DocumentService documents;
    private final ExternalAccessService externalAccess;
    private final TimelineService timeline;
    private final ClientRequestService clientRequests;
    private final ChecklistService checklist;
    private final AcceptanceService acceptances;
    private final Modules modules;

    ReviewService(ClientService clients, DealService deals, WorkTaskService tasks, DocumentService documents,
                  ExternalAccessService externalAccess, TimelineService timeline,
                  ClientRequestService clientRequests, ChecklistService checklist, AcceptanceService acceptances,
                  Modules modules) {
        this.modules = modules;
        this.clientRequests = clientRequests;
        this.checklist = checklist;
        this.acceptances = acceptances;
        this.clients = clients;
        this.deals = deals;
        this.tasks = tasks;
        this.documents = documents;
        this.externalAccess = externalAccess;
        this.timeline = timeline;
    }

    /** The checklist for one client the current user may open. */
    @Transactional(readOnly = true)
    public ClientReview review(UUID clientId) {
        clients.requireAccess(clientId);
        Set<UUID> one = Set.of(clientId);
        return new ClientReview(deals.attention(one).getOrDefault(clientId, DealAttention.NONE),
                tasks.attention(one).getOrDefault(clientId, TaskAttention.NONE),
                checklist.requiredDocuments(WorkScope.client(clientId)),
                // a module the firm switched off has no line on the checklist (DD034)
                modules.isOn(FirmModule.PORTAL) && externalAccess.canView() ? externalAccess.summary(clientId) : null,
                timeline.lastActivity(clientId).orElse(null),
                modules.isOn(FirmModule.CLIENT_REQUESTS) ? clientRequests.countBreached(clientId) : 0);
    }

    /**
     * The checklist for one project the current user may open (DD032): only what is in the project. A fixed number
     * of statements whatever the project holds; not read-only, because the required-documents list brings itself up
     * to date with its templates first (DD028).
     *
     * @throws io.clientspace.shared.NotFoundException when the project is not the scope's client's
     * @throws io.clientspace.shared.NoAccessException when the user may not open the project
     */
    @Transactional
    public ProjectReview review(WorkScope project) {
        if (!project.isProject()) {
            throw new IllegalArgumentException("A project's review needs a project scope");
        }
        return new ProjectReview(deals.attention(project), tasks.attention(project),
                checklist.countNeedingAction(project),
                modules.isOn(FirmModule.ACCEPTANCES) ? acceptances.countPending(project) : 0,
                timeline.lastActivity(project).orElse(null));
    }

    /** The clients I own that need attention, most first. */
    @Transactional(readOnly = true)
    public List<ClientAttention> myClientsNeedingAttention() {
        List<ClientRef> mine = clients.ownedByCurrentUser();
        Set<UUID> ids = mine.stream().map(ClientRef::id).collect(Collectors.toSet());
        var dealRows = deals.attention(ids);
        var taskRows = tasks.attention(ids);
        var keyRows = documents.keyDocuments(ids);
        return mine.stream()
                .map(c -> new ClientAttention(c, dealRows.getOrDefault(c.id(), DealAttention.NONE),
                        taskRows.getOrDefault(c.id(), TaskAttention.NONE), keyRows.get(c.id())))
                // a client handed to someone else while this ran has no key-document row: it is no longer mine
                .filter(a -> a.keyDocuments() != null && a.total() > 0)
                .sorted(Comparator.comparingLong(ClientAttention::total).reversed()
                        .thenComparing(a -> a.client().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
