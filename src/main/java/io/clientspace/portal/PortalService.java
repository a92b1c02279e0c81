package io.clientspace.portal;

import io.clientspace.security.RateLimits;
import io.clientspace.extranet.PortalContactStatus;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import io.clientspace.document.DocumentService;
import io.clientspace.document.SharedDocument;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.file.FileService;
import io.clientspace.file.SharedDownload;
import io.clientspace.file.SharedFile;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.task.CustomerTask;
import io.clientspace.task.ProjectHours;
import io.clientspace.task.WorkTaskService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the customer portal shows, and the only thing portal pages call. It composes the modules' customer
 * reads, each of which filters by the client and by the sharing flags itself; this service adds who is looking (an
 * active portal account of that client, or a manager viewing as the client, read-only), the project thread between
 * customer and team, and the record of every download. Anything of another client answers NotFound, whatever it is,
 * so nobody learns what exists.
 */
@Service
public class PortalService {

    /** The longest comment, in characters; the table column holds exactly this. */
    public static final int COMMENT_MAX = 2000;

    private final ExternalAccessService externalAccess;
    private final ClientService clients;
    private final ProjectService projects;
    private final FileService files;
    private final DocumentService documents;
    private final WorkTaskService tasks;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final RateLimits rateLimits;
    private final Clock clock;

    PortalService(ExternalAccessService externalAccess, ClientService clients, ProjectService projects,
                  FileService files, DocumentService documents, WorkTaskService tasks,
                  CurrentUserProvider currentUser, StaffDirectory staff, JdbcTemplate jdbc,
                  ApplicationEventPublisher events, RateLimits rateLimits, Clock clock) {
        this.externalAccess = externalAccess;
        this.clients = clients;
        this.projects = projects;
        this.files = files;
        this.documents = documents;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.staff = staff;
        this.jdbc = jdbc;
        this.events = events;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ who looks

    /**
     * The signed-in customer as a viewer; empty when their portal account is not active for the client record their
     * sign-in claims, in which case the portal shows nothing.
     *
     * @throws AccessDeniedException for anybody but a customer
     */
    @Transactional(readOnly = true)
    public Optional<PortalViewer> current() {
        CurrentUser user = currentUser.requireCustomer();
        return externalAccess.currentCustomerAccount().flatMap(account -> clients.forCurrentCustomer()
                .map(record -> new PortalViewer(account.id(), record.id(), record.name(), user.username(),
                        account.displayName(), account.email(), false)));
    }

    /**
     * "View as client": what one active portal account would see, for a manager or admin, read-only.
     *
     * @throws NoAccessException unless the current user is a manager or admin
     * @throws NotFoundException when there is no such active account
     */
    @Transactional(readOnly = true)
    public PortalViewer asContact(UUID accountId) {
        requireManager();
        var a = externalAccess.identityForPortalCheck(accountId)
                .filter(x -> x.status() == PortalContactStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("Portal account"));
        return new PortalViewer(a.id(), a.clientId(), clients.get(a.clientId()).name(), a.username(),
                a.displayName(), a.email(), true);
    }

    // ------------------------------------------------------------------------------------------------ the pages

    /** The client's shared projects, by name, each with how many documents it shows. */
    @Transactional(readOnly = true)
    public List<PortalProject> projects(PortalViewer viewer) {
        check(viewer);
        List<SharedProject> shared = projects.sharedWithCustomer(viewer.clientId());
        Map<UUID, Long> counts = allDocuments(viewer.clientId(), shared).stream()
                .filter(d -> d.projectId() != null)
                .collect(Collectors.groupingBy(PortalDocument::projectId, Collectors.counting()));
        return shared.stream().map(p -> new PortalProject(p.id(), p.name(), p.description(),
                counts.getOrDefault(p.id(), 0L).intValue())).toList();
    }

    /**
     * One shared project: its summary and documents.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public PortalProjectDetail project(PortalViewer viewer, UUID projectId) {
        check(viewer);
        SharedProject p = projects.sharedProject(viewer.clientId(), projectId);
        List<PortalDocument> docs = projectDocuments(viewer.clientId(), p);
        ProjectHours hours = tasks.hoursForCustomer(viewer.clientId(), projectId);
        Instant last = Stream.concat(docs.stream().map(PortalDocument::uploadedAt),
                        comments(viewer.clientId(), projectId).stream().map(PortalComment::createdAt))
                .max(Comparator.naturalOrder()).orElse(null);
        return new PortalProjectDetail(p.id(), p.name(), p.description(), p.tasksVisible(), hours.totalMinutes(),
                hours.billableMinutes(), last, docs);
    }

    /**
     * The tasks of a shared project that shows them.
     *
     * @throws NotFoundException when the project is not the client's, not shared or does not show its tasks
     */
    @Transactional(readOnly = true)
    public List<CustomerTask> tasks(PortalViewer viewer, UUID projectId) {
        check(viewer);
        return tasks.visibleToCustomer(viewer.clientId(), projectId);
    }

    /** Every shared document and file of the client, newest first, across its shared projects. */
    @Transactional(readOnly = true)
    public List<PortalDocument> documents(PortalViewer viewer) {
        check(viewer);
        return allDocuments(viewer.clientId(), projects.sharedWithCustomer(viewer.clientId()));
    }

    @Transactional(readOnly = true)
    public PortalProfile profile(PortalViewer viewer) {
        check(viewer);
        return new PortalProfile(viewer.displayName(), viewer.email(), viewer.clientName(),
                externalAccess.identityForPortalCheck(viewer.accountId()).map(i -> i.role().name()).orElse(null));
    }

    /**
     * A link (valid for at most 5 minutes) that downloads a shared file or document. A customer's download is
     * recorded (who, what, when); a manager's "view as client" download is not, as it is not the customer's.
     *
     * @throws NotFoundException when it is not the client's or not shared
     */
    @Transactional
    public String download(PortalViewer viewer, PortalDocument.Kind kind, UUID id) {
        check(viewer);
        SharedDownload d = kind == PortalDocument.Kind.FILE ? files.customerDownload(viewer.clientId(), id)
                : documents.customerDownload(viewer.clientId(), id);
        recordDownload(viewer, kind, id, d.title());
        return d.link();
    }

    /** Records a customer's download (who, what, when); a manager's "view as client" is not the customer's. */
    void recordDownload(PortalViewer viewer, PortalDocument.Kind kind, UUID id, String title) {
        if (!viewer.preview()) {
            jdbc.update("""
                    insert into portal_download (id, account_id, client_id, subject_kind, subject_id, subject_title,
                                                 downloaded_at) values (?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID(), viewer.accountId(), viewer.clientId(), kind.name(), id,
                    abbreviate(title, 300), Timestamp.from(clock.instant()));
        }
    }

    // ----------------------------------------------------------------------------------------------- the thread

    /**
     * The thread of a shared project, oldest first.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public List<PortalComment> comments(PortalViewer viewer, UUID projectId) {
        check(viewer);
        projects.sharedProject(viewer.clientId(), projectId);
        return comments(viewer.clientId(), projectId);
    }

    /**
     * The customer writes in a shared project's thread; the team is told by e-mail.
     *
     * @throws InvalidInputException when the text is empty or longer than {@link #COMMENT_MAX}, or the account wrote
     *                               more comments than its rate limit allows just now; nothing is saved
     * @throws NoAccessException     for a manager viewing as the client: that view is read-only
     * @throws NotFoundException     when the project is not the client's or not shared
     */
    @Transactional
    public PortalComment comment(PortalViewer viewer, UUID projectId, String text) {
        check(viewer);
        if (viewer.preview()) {
            throw new NoAccessException("Viewing as the client is read-only", null);
        }
        SharedProject p = projects.sharedProject(viewer.clientId(), projectId);
        InvalidInputException.throwIfAny(checkComment(text));
        rateLimits.take(RateLimits.Action.PORTAL_COMMENT, viewer.accountId().toString(),
                "comment");
        return save(viewer.clientId(), p.id(), p.name(), true, viewer.username(), viewer.displayName(), text);
    }

    /** The thread of a project the current staff member may open, oldest first; shared or not. */
    @Transactional(readOnly = true)
    public List<PortalComment> teamComments(UUID projectId) {
        ClientProject p = projects.get(projectId);
        return comments(p.clientId(), p.id());
    }

    @Transactional(readOnly = true)
    public long countTeamComments(UUID projectId) {
        ClientProject p = projects.get(projectId);
        Long n = jdbc.queryForObject("select count(*) from portal_comment where project_id = ? and client_id = ?",
                Long.class, p.id(), p.clientId());
        return n == null ? 0 : n;
    }

    /**
     * The team answers in a project's thread; whoever may open the project may. The customer is told by e-mail while
     * the project is shared.
     *
     * @throws InvalidInputException when the text is empty or longer than {@link #COMMENT_MAX}; nothing is saved
     */
    @Transactional
    public PortalComment answer(UUID projectId, String text) {
        CurrentUser user = currentUser.requireStaff();
        ClientProject p = projects.get(projectId);
        return save(p.clientId(), p.id(), p.name(), false, user.username(), staff.displayName(user.username()), text);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** Checks the rules for a comment; the form shows the same problems before sending. */
    public static List<FieldProblem> checkComment(String text) {
        String body = clean(text);
        if (body == null) {
            return List.of(FieldProblem.of("comment", "portal.comments.error.empty"));
        }
        if (body.length() > COMMENT_MAX) {
            return List.of(FieldProblem.of("comment", "validation.too-long", COMMENT_MAX));
        }
        return List.of();
    }

    private PortalComment save(UUID clientId, UUID projectId, String projectName, boolean fromCustomer,
                               String author, String authorName, String text) {
        InvalidInputException.throwIfAny(checkComment(text));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String body = clean(text);
        String name = abbreviate(authorName == null || authorName.isBlank() ? author : authorName, 200);
        jdbc.update("""
                insert into portal_comment (id, project_id, client_id, author_kind, author, author_name, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, projectId, clientId, fromCustomer ? "CUSTOMER" : "STAFF",
                abbreviate(author, 254), name, body, Timestamp.from(now));
        events.publishEvent(new PortalCommentPosted(id, clientId, projectId, projectName, fromCustomer, name, author));
        return new PortalComment(id, name, fromCustomer, body, now);
    }

    private List<PortalComment> comments(UUID clientId, UUID projectId) {
        return jdbc.query("""
                select id, author_name, author_kind, body, created_at from portal_comment
                where project_id = ? and client_id = ? order by created_at, id""",
                (rs, i) -> new PortalComment(rs.getObject(1, UUID.class), rs.getString(2),
                        "CUSTOMER".equals(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()),
                projectId, clientId);
    }

    private List<PortalDocument> projectDocuments(UUID clientId, SharedProject p) {
        List<PortalDocument> result = new ArrayList<>();
        documents.sharedInProject(clientId, p.id()).forEach(d -> result.add(document(d, p.name())));
        files.sharedInProject(clientId, p.id()).forEach(f -> result.add(file(f, p.name())));
        result.sort(Comparator.comparing(PortalDocument::uploadedAt).reversed());
        return result;
    }

    private List<PortalDocument> allDocuments(UUID clientId, List<SharedProject> shared) {
        Map<UUID, String> names = shared.stream().collect(Collectors.toMap(SharedProject::id, SharedProject::name));
        Function<UUID, String> name = id -> id == null ? null : names.get(id);
        List<PortalDocument> result = new ArrayList<>();
        documents.sharedForCustomer(clientId).forEach(d -> result.add(document(d, name.apply(d.projectId()))));
        files.sharedForCustomer(clientId).forEach(f -> result.add(file(f, name.apply(f.projectId()))));
        result.sort(Comparator.comparing(PortalDocument::uploadedAt).reversed());
        return result;
    }

    private static PortalDocument document(SharedDocument d, String projectName) {
        return new PortalDocument(PortalDocument.Kind.DOCUMENT, d.id(), d.projectId(), projectName, d.title(),
                d.fileName(), d.sizeBytes(), d.uploadedAt());
    }

    private static PortalDocument file(SharedFile f, String projectName) {
        return new PortalDocument(PortalDocument.Kind.FILE, f.id(), f.projectId(), projectName, f.name(), f.name(),
                f.sizeBytes(), f.uploadedAt());
    }

    /**
     * Checks the viewer again, as the current user: a customer's viewer must still be their own active account; a
     * preview is for managers and admins only.
     */
    void check(PortalViewer viewer) {
        Objects.requireNonNull(viewer, "viewer");
        if (viewer.preview()) {
            requireManager();
            return;
        }
        CurrentUser user = currentUser.requireCustomer();
        boolean active = externalAccess.identityForPortalCheck(viewer.accountId())
                .filter(a -> a.status() == PortalContactStatus.ACTIVE && a.clientId().equals(viewer.clientId())
                        && a.clientId().equals(user.customerId()) && a.username().equals(user.username()))
                .isPresent();
        if (!active) {
            throw new AccessDeniedException("Not this customer's active portal account");
        }
    }

    /**
     * For a customer's own action (accept, decline, answer, upload): {@link #check} and not a preview.
     *
     * @throws NoAccessException for a manager's read-only "view as client"
     */
    void checkActing(PortalViewer viewer) {
        check(viewer);
        if (viewer.preview()) {
            throw new NoAccessException("Viewing as the client is read-only", null);
        }
    }

    private void requireManager() {
        if (!currentUser.requireStaff().seesAllClients()) {
            throw new NoAccessException("Viewing as the client is for managers", null);
        }
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
