package io.clientspace.timeline;

import io.clientspace.shared.ActivityRecorded;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import io.clientspace.client.ClientCreated;
import io.clientspace.client.ClientService;
import io.clientspace.deal.DealEdited;
import io.clientspace.deal.DealStageChanged;
import io.clientspace.deal.DealStalled;
import io.clientspace.document.DocumentChanged;
import io.clientspace.extranet.PortalAccessChanged;
import io.clientspace.file.FileChanged;
import io.clientspace.project.ProjectChanged;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharingChanged;
import io.clientspace.shared.WorkScope;
import io.clientspace.security.StaffDirectory;
import io.clientspace.task.WorkTaskChanged;
import io.clientspace.timeline.domain.TimelineEntryEntity;
import io.clientspace.timeline.domain.TimelineEntryRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity timeline of a client, built from the modules' events. Each entry is written inside the transaction
 * of the change it records: they commit together or not at all, so a crash can never leave a change without its
 * entry, and entries keep the order in which things happened. Reading is scoped like the client itself.
 */
@Service
public class TimelineService {

    public static final int PAGE_SIZE = 25;

    /** Kinds whose detail is a username. */
    private static final Set<String> PEOPLE = Set.of("TASK_ASSIGNED", "TASK_CREATED",
            "PROJECT_MEMBER_ADDED", "PROJECT_MEMBER_REMOVED");

    private final TimelineEntryRepository entries;
    private final ClientService clients;
    private final ProjectService projects;
    private final StaffDirectory staff;
    private final Clock clock;

    TimelineService(TimelineEntryRepository entries, ClientService clients, ProjectService projects, StaffDirectory staff,
                    Clock clock) {
        this.entries = entries;
        this.clients = clients;
        this.projects = projects;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * One page of the client's timeline, its projects' activity included, newest first; page 0 is the latest
     * {@link #PAGE_SIZE} entries.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> forClient(UUID clientId, int page) {
        return in(WorkScope.client(clientId), page);
    }

    /** One page of the scope's timeline, newest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> in(WorkScope scope, int page) {
        projects.requireAccess(scope);
        PageRequest request = PageRequest.of(Math.max(0, page), PAGE_SIZE);
        return (scope.isProject() ? entries.pageOfProject(scope.projectId(), request)
                : entries.page(scope.clientId(), request)).stream()
                .map(e -> new TimelineEntry(e.getId(), e.getOccurredAt(),
                        e.getActor() == null ? "" : staff.displayName(e.getActor()), e.getKind(), e.getSubjectId(),
                        e.getSubjectTitle(), detail(e)))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countIn(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? entries.countByProjectId(scope.projectId()) : entries.countByClientId(scope.clientId());
    }

    /** When something last happened on the client; empty when nothing has. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastActivity(UUID clientId) {
        clients.requireAccess(clientId);
        return entries.findFirstByClientIdOrderByOccurredAtDesc(clientId).map(TimelineEntryEntity::getOccurredAt);
    }

    /** When something last happened in the scope: a project's own activity, or the client's; empty for nothing yet. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastActivity(WorkScope scope) {
        if (!scope.isProject()) {
            return lastActivity(scope.clientId());
        }
        projects.requireAccess(scope);
        return entries.findFirstByProjectIdOrderByOccurredAtDesc(scope.projectId())
                .map(TimelineEntryEntity::getOccurredAt);
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return entries.countByClientId(clientId);
    }

    // ------------------------------------------------------------------------------------------ from the modules

    @EventListener
    void on(ClientCreated e) {
        record(e.clientId(), null, e.createdBy(), "CLIENT_CREATED", e.clientId(), e.name(), e.kind().name());
    }

    @EventListener
    void on(DealStageChanged e) {
        String kind = switch (e.move()) {
            case FORWARD -> "DEAL_STAGE";
            case BACK -> "DEAL_MOVED_BACK";
            case REOPENED -> "DEAL_REOPENED";
        };
        record(e.clientId(), null, e.actor(), kind, e.dealId(), e.title(),
                e.reason() == null ? e.stage().code() : e.stage().code() + "|" + e.reason());
    }

    @EventListener
    void on(DealEdited e) {
        record(e.clientId(), null, e.actor(), "DEAL_EDITED", e.dealId(), e.title(), String.join(",", e.fields()));
    }

    @EventListener
    void on(DealStalled e) {
        record(e.clientId(), null, null, "DEAL_STALLED", e.dealId(), e.dealTitle(), e.stage().code());
    }

    @EventListener
    void on(WorkTaskChanged e) {
        switch (e.change()) {
            case CREATED -> record(e.clientId(), e.projectId(), e.actor(), "TASK_CREATED", e.taskId(), e.title(), e.detail());
            case ASSIGNED -> record(e.clientId(), e.projectId(), e.actor(), "TASK_ASSIGNED", e.taskId(), e.title(), e.detail());
            case COMPLETED -> record(e.clientId(), e.projectId(), e.actor(), "TASK_COMPLETED", e.taskId(), e.title(), null);
            case CANCELLED -> record(e.clientId(), e.projectId(), e.actor(), "TASK_CANCELLED", e.taskId(), e.title(),
                    e.detail());
            case REOPENED -> record(e.clientId(), e.projectId(), e.actor(), "TASK_REOPENED", e.taskId(), e.title(), null);
            default -> {
                // comments and time entries live on the task itself
            }
        }
    }

    @EventListener
    void on(FileChanged e) {
        record(e.clientId(), e.projectId(), e.actor(), "FILE_" + e.change().name(), e.fileId(), e.fileName(), null);
    }

    @EventListener
    void on(DocumentChanged e) {
        record(e.clientId(), e.projectId(), e.actor(), "DOCUMENT_" + e.change().name(), e.documentId(), e.title(), e.detail());
    }

    @EventListener
    void on(PortalAccessChanged e) {
        record(e.clientId(), null, e.actor(), "EXTERNAL_" + e.change().name(), e.accountId(), e.contactName(), null);
    }

    /** A comment in a project's portal thread; the author may be a customer, so the name is kept, not a username. */
    @EventListener
    void on(ProjectChanged e) {
        record(e.clientId(), e.projectId(), e.actor(), "PROJECT_" + e.change().name(), e.projectId(), e.name(),
                e.detail());
    }

    @EventListener
    void on(SharingChanged e) {
        record(e.clientId(), e.projectId(), e.actor(), e.timelineKind(), e.subjectId(), e.title(), null);
    }

    /** Activity from the modules that describe their steps themselves (proposals, requests, acceptances). */
    @EventListener
    void on(ActivityRecorded e) {
        record(e.clientId(), e.projectId(), e.actor(), e.kind(), e.subjectId(), e.title(), e.detail());
    }

    private void record(UUID clientId, UUID projectId, String actor, String kind, UUID subjectId, String title,
                        String detail) {
        // open workspaces show the new entry without a reload: the event that brought it here also reaches the
        // workspace's change relay, the one path to the client-changed NOTIFY
        entries.save(new TimelineEntryEntity(clientId, projectId, clock.instant(), actor, kind, subjectId, title, detail));
    }

    /** People are stored by username and shown by name; other details as recorded. */
    private String detail(TimelineEntryEntity e) {
        if (PEOPLE.contains(e.getKind()) && e.getDetail() != null) {
            return staff.displayName(e.getDetail());
        }
        return e.getDetail();
    }
}
