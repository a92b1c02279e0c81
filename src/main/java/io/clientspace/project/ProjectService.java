package io.clientspace.project;

import io.clientspace.shared.ProcessOnly;
import java.util.Optional;
import java.util.stream.Collectors;
import io.clientspace.shared.WorkScope;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.AccessRequestResult;
import io.clientspace.client.ClientAction;
import io.clientspace.client.AccessRequested;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.project.domain.ClientProjectEntity;
import io.clientspace.project.domain.ClientProjectRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client projects and the access rule for every workspace. Admins and managers open everything. A member opens the
 * clients they own, with all their projects, and the projects they own or are in the work group of; nothing else.
 * Changing a project or its work group is for admins, managers, the client's owner and the project's owner. Tasks,
 * files and documents ask {@link #requireAccess(WorkScope)} before they touch anything in a scope.
 */
@Service
public class ProjectService {

    /** Lists that span clients show at most this many projects. */
    public static final int LIST_LIMIT = 500;

    private final ClientProjectRepository projects;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    ProjectService(ClientProjectRepository projects, ClientService clients, CurrentUserProvider currentUser,
                   StaffDirectory staff, ApplicationEventPublisher events, Clock clock, JdbcTemplate jdbc) {
        this.projects = projects;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------------------------------------- access rule

    /**
     * Checks that the current user may open the scope: the client for a client scope; for a project scope, the
     * project, which must belong to that client.
     *
     * @throws NotFoundException when the client or project does not exist, or the project is another client's
     * @throws NoAccessException when the user may not open it; names the owner to ask
     */
    @Transactional(readOnly = true)
    public void requireAccess(WorkScope scope) {
        if (!scope.isProject()) {
            clients.requireAccess(scope.clientId());
            return;
        }
        ClientProjectEntity project = projects.findById(scope.projectId())
                .filter(p -> p.getClientId().equals(scope.clientId()))
                .orElseThrow(() -> new NotFoundException("Project"));
        checkAccess(currentUser.requireStaff(), project, clientOwner(project));
    }

    /**
     * The one permission answer for a workspace: may the current staff member do this in the scope? For a client,
     * their level on it ({@link ClientService#may}). In a project, the project's owner is its manager and a member
     * of its work group an editor, on top of what their level on the client gives them. See the README's matrix.
     *
     * @throws NotFoundException when the client or project does not exist, or the project is another client's
     */
    @Transactional(readOnly = true)
    public boolean may(WorkScope scope, ClientAction action) {
        return action.allowedAt(levelIn(scope));
    }

    /**
     * @throws NotFoundException when the client or project does not exist, or the project is another client's
     * @throws NoAccessException unless the current user {@link #may} do it in the scope; names the owner to ask
     */
    @Transactional(readOnly = true)
    public void require(WorkScope scope, ClientAction action) {
        if (!scope.isProject()) {
            clients.require(scope.clientId(), action);
            return;
        }
        if (!may(scope, action)) {
            ClientProjectEntity project = projects.findById(scope.projectId()).orElseThrow();
            throw new NoAccessException(action + " needs " + action.least() + " in the project",
                    staff.displayName(project.getOwner()));
        }
    }

    /** Checks that the current user may work (tasks, files, documents, chat) in the scope: editor or above. */
    @Transactional(readOnly = true)
    public void requireWork(WorkScope scope) {
        require(scope, ClientAction.WORK);
    }

    /**
     * The current user's level in the scope and whom to ask for more, for the tabs' "why not" lines: one call, so a
     * tab's load asks once.
     *
     * @throws NotFoundException when the client or project does not exist, or the project is another client's
     */
    @Transactional(readOnly = true)
    public WorkspaceRights rights(WorkScope scope) {
        AccessLevel level = levelIn(scope);
        String owner = scope.isProject()
                ? projects.findById(scope.projectId()).map(ClientProjectEntity::getOwner).orElse(null)
                : clients.refsForAccessDecision(List.of(scope.clientId())).values().stream()
                        .map(io.clientspace.client.ClientRef::owner).findFirst().orElse(null);
        return new WorkspaceRights(level, owner == null ? "" : staff.displayName(owner));
    }

    /**
     * Whether the current user reads amounts and the internal chat in the scope: editors and managers always, viewers
     * unless the firm keeps both from them (issue 15 §1). No query while the firm lets viewers see them.
     */
    @Transactional(readOnly = true)
    public boolean seesAmounts(WorkScope scope) {
        return clients.viewersSeeAmounts() || clients.seesAmountsAt(levelIn(scope));
    }

    /** The current user's level in the scope, see {@link #may}. */
    @Transactional(readOnly = true)
    public AccessLevel levelIn(WorkScope scope) {
        if (!scope.isProject()) {
            return clients.levelOf(scope.clientId());
        }
        ClientProjectEntity project = projects.findById(scope.projectId())
                .filter(p -> p.getClientId().equals(scope.clientId()))
                .orElseThrow(() -> new NotFoundException("Project"));
        return projectLevel(currentUser.requireStaff(), project);
    }

    private AccessLevel projectLevel(CurrentUser user, ClientProjectEntity project) {
        AccessLevel onClient = clients.levelOf(project.getClientId());
        if (user.username().equals(project.getOwner())) {
            return AccessLevel.MANAGER;
        }
        return project.hasMember(user.username()) ? onClient.max(AccessLevel.EDITOR) : onClient;
    }

    /** What the current user may open across clients, for "My tasks" and other lists that span them. */
    @Transactional(readOnly = true)
    public Visibility visibility() {
        CurrentUser user = currentUser.requireStaff();
        if (user.seesAllClients()) {
            return new Visibility(true, Set.of(), Set.of());
        }
        Set<UUID> ownClients = new HashSet<>(clients.scopeOfCurrentUser().orElse(List.of()));
        return new Visibility(false, ownClients, new HashSet<>(projects.idsOwnedOrJoinedBy(user.username())));
    }

    /**
     * Names and links of the places the current user may open, for rows that span clients; places they may not open
     * are left out. A project row links to the project; a client row to the client.
     */
    @Transactional(readOnly = true)
    public Map<WorkScope, PlaceRef> places(Collection<WorkScope> scopes) {
        if (scopes.isEmpty()) {
            return Map.of();
        }
        Visibility visibility = visibility();
        Set<WorkScope> visible = new HashSet<>();
        for (WorkScope s : scopes) {
            if (visibility.sees(s.clientId(), s.projectId())) {
                visible.add(s);
            }
        }
        Map<UUID, ClientRef> clientRefs = clients.refsForAccessDecision(
                visible.stream().map(WorkScope::clientId).collect(Collectors.toSet()));
        Map<UUID, String> projectNames = new HashMap<>();
        projects.findAllById(visible.stream().map(WorkScope::projectId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).forEach(p -> projectNames.put(p.getId(), p.getName()));
        Map<WorkScope, PlaceRef> result = new HashMap<>();
        for (WorkScope s : visible) {
            ClientRef client = clientRefs.get(s.clientId());
            if (client == null) {
                continue;
            }
            if (s.isProject()) {
                String name = projectNames.get(s.projectId());
                if (name != null) {
                    result.put(s, new PlaceRef(client.name(), name, ProjectNavigation.workspace(s.projectId())));
                }
            } else {
                result.put(s, new PlaceRef(client.name(), null, client.workspacePath()));
            }
        }
        return result;
    }

    /**
     * Staff who may be given work in the scope: those who can open it. For a client, admins, managers and its
     * owner; for a project, also the project's owner and its work group.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> workGroup(WorkScope scope) {
        if (!scope.isProject()) {
            return clients.workGroup(scope.clientId());
        }
        requireAccess(scope);
        ClientProjectEntity project = projects.findById(scope.projectId()).orElseThrow();
        Set<String> onClient = clients.workGroupForAccessDecision(project.getClientId()).stream()
                .map(StaffMember::username).collect(Collectors.toSet());
        return staff.assignable().stream()
                .filter(m -> onClient.contains(m.username()) || m.username().equals(project.getOwner())
                        || project.hasMember(m.username()))
                .toList();
    }

    /**
     * Whether the current user may decide what of the scope is shared with the client. Sharing decides what leaves
     * the company, so it is for admins, managers, the client's owner and, in a project, the project's owner; a
     * work-group member who may open the scope may not.
     */
    @Transactional(readOnly = true)
    public boolean canManage(WorkScope scope) {
        CurrentUser user = currentUser.requireStaff();
        requireAccess(scope);
        if (!scope.isProject()) {
            return clients.may(scope.clientId(), ClientAction.SHARE);
        }
        ClientProjectEntity project = projects.findById(scope.projectId()).orElseThrow();
        return manages(user, project);
    }

    /** @throws NoAccessException unless the current user may manage the scope, see {@link #canManage(WorkScope)} */
    @Transactional(readOnly = true)
    public void requireManage(WorkScope scope) {
        if (!canManage(scope)) {
            throw new NoAccessException("Only managers and the owner decide what is shared",
                    staff.displayName(clientOwnerOf(scope.clientId())));
        }
    }

    /**
     * Checks that the current user may read what the client's portal shows: the customer bound to that client, or a
     * manager or admin looking "as the client". Every customer-facing read calls this with the client id it filters
     * by, so a wrong id handed down by mistake fails here and never reaches a query.
     *
     * @throws AccessDeniedException for anybody else
     */
    public void requirePortalReader(UUID clientId) {
        CurrentUser user = currentUser.require();
        if (user.isCustomer()) {
            if (user.customerId() == null || !user.customerId().equals(clientId)) {
                throw new AccessDeniedException("Another customer's data");
            }
            return;
        }
        if (!user.isStaff() || !user.seesAllClients()) {
            throw new AccessDeniedException("The portal's view is for the customer and managers");
        }
    }

    // ------------------------------------------------------------------------------------------ customer reads

    /** The client's projects that are shared with the client, by name. */
    @Transactional(readOnly = true)
    public List<SharedProject> sharedWithCustomer(UUID clientId) {
        requirePortalReader(clientId);
        return projects.sharedByClient(clientId).stream().map(ProjectService::shared).toList();
    }

    /**
     * One of the client's projects, if it is shared with the client.
     *
     * @throws NotFoundException when there is no such project, it is another client's, or it is not shared
     */
    @Transactional(readOnly = true)
    public SharedProject sharedProject(UUID clientId, UUID projectId) {
        requirePortalReader(clientId);
        return projects.sharedOne(clientId, projectId).map(ProjectService::shared)
                .orElseThrow(() -> new NotFoundException("Project"));
    }

    private static SharedProject shared(ClientProjectEntity p) {
        return new SharedProject(p.getId(), p.getClientId(), p.getName(), p.getDescription(),
                ProjectStatus.valueOf(p.getStatus()), p.isTasksVisibleToClient(), p.getOutcome());
    }

    // ---------------------------------------------------------------------------------------------------- reads

    /** The client's projects by name. */
    @Transactional(readOnly = true)
    public List<ClientProject> forClient(UUID clientId) {
        clients.requireAccess(clientId);
        CurrentUser user = currentUser.requireStaff();
        return toRecords(user, projects.byClient(clientId));
    }

    /** The client's projects by name, as a list to choose one from shows them. */
    @Transactional(readOnly = true)
    public List<ProjectChoice> choicesFor(UUID clientId) {
        clients.requireAccess(clientId);
        return projects.byClient(clientId).stream().map(p -> new ProjectChoice(p.getId(), p.getName())).toList();
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return projects.countByClientId(clientId);
    }

    /** Who owns a project and whether its client's portal shows it. */
    public record OwnerAndSharing(String owner, boolean sharedWithClient) {
    }

    /**
     * Owner and sharing of a project, for callers that have checked access already or act where nobody is signed
     * in (a mail); empty when it does not exist. Not for screens: it asks nobody's permission.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("mail notifiers, after the change committed")
    public Optional<OwnerAndSharing> ownerAndSharing(UUID projectId) {
        return projects.findById(projectId).map(p -> new OwnerAndSharing(p.getOwner(), p.isSharedWithClient()));
    }

    /**
     * The project, if the current user may open it.
     *
     * @throws NotFoundException when there is no such project
     * @throws NoAccessException when the user may not open it; names the project's owner to ask
     */
    @Transactional(readOnly = true)
    public ClientProject get(UUID projectId) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        checkAccess(user, project, clientOwner(project));
        return toRecords(user, List.of(project)).get(0);
    }

    /** The projects the current user may open, by name; at most {@link #LIST_LIMIT}. */
    @Transactional(readOnly = true)
    public List<ClientProject> visibleToMe() {
        CurrentUser user = currentUser.requireStaff();
        Visibility v = visibility();
        PageRequest page = PageRequest.of(0, LIST_LIMIT);
        List<ClientProjectEntity> rows = v.everything() ? projects.all(page)
                : v.seesNothing() ? List.of() : projects.onClientsOrIds(v.clientIds(), v.projectIds(), page);
        return toRecords(user, rows);
    }

    // -------------------------------------------------------------------------------------------------- changes

    /**
     * Creates a project on a client the current user may open. The creator is its first member when they are not
     * its owner, so they keep access to what they made.
     *
     * @throws InvalidInputException when a field is wrong; nothing is saved
     */
    @Transactional
    public ClientProject create(UUID clientId, ProjectDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        // a new line of work for the client is work on it: an editor or above (README matrix)
        clients.require(clientId, ClientAction.WORK);
        validate(draft);
        ClientProjectEntity project = new ClientProjectEntity(clientId, user.username(), clock.instant());
        apply(draft, project);
        projects.saveAndFlush(project);
        publish(project, ProjectChanged.Change.CREATED, null, user);
        return toRecords(user, List.of(project)).get(0);
    }

    /**
     * Saves changes to a project the current user may manage.
     *
     * @throws StaleDataException when someone else saved it since the user opened it
     */
    @Transactional
    public ClientProject update(UUID projectId, ProjectDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = requireManaged(user, projectId);
        if (draft.getVersion() == null || draft.getVersion() != project.getVersion()) {
            throw new StaleDataException("Project");
        }
        validate(draft);
        ProjectStatus before = ProjectStatus.valueOf(project.getStatus());
        apply(draft, project);
        project.setUpdatedAt(clock.instant());
        try {
            projects.saveAndFlush(project);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Project");
        }
        if (before != draft.getStatus()) {
            publish(project, ProjectChanged.Change.STATUS_CHANGED, draft.getStatus().name(), user);
        } else {
            publish(project, ProjectChanged.Change.UPDATED, null, user);
        }
        return toRecords(user, List.of(project)).get(0);
    }

    /**
     * The project's outcome: what it must deliver (DD032).
     *
     * @throws NotFoundException when there is no such project
     * @throws NoAccessException when the user may not open it; names the project's owner to ask
     */
    @Transactional(readOnly = true)
    public ProjectOutcome outcome(UUID projectId) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        checkAccess(user, project, clientOwner(project));
        boolean canEdit = manages(user, project);
        return jdbc.queryForObject("select outcome, outcome_version, outcome_updated_by, outcome_updated_at"
                + " from client_project where id = ?", (rs, i) -> {
            String by = rs.getString(3);
            Timestamp at = rs.getTimestamp(4);
            return new ProjectOutcome(projectId, rs.getString(1), rs.getLong(2), canEdit,
                    by == null ? null : staff.displayName(by), at == null ? null : at.toInstant());
        }, projectId);
    }

    /**
     * Changes the project's outcome (null or blank clears it); the change goes on the project's timeline. The same
     * text again changes nothing. Whoever may manage the project may change it.
     *
     * @param seenVersion the {@link ProjectOutcome#version()} the user's form was loaded with
     * @throws InvalidInputException when it is longer than {@link ProjectRules#OUTCOME_MAX}; nothing changes
     * @throws StaleDataException    when someone changed the outcome since the user loaded it; nothing changes
     * @throws NoAccessException     unless the user may manage the project
     */
    @Transactional
    public ProjectOutcome saveOutcome(UUID projectId, long seenVersion, String text) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = requireManaged(user, projectId);
        InvalidInputException.throwIfAny(ProjectRules.checkOutcome(text));
        String outcome = clean(text);
        ProjectOutcome now = outcome(projectId);
        if (now.version() != seenVersion) {
            throw new StaleDataException("Project outcome");
        }
        if (Objects.equals(now.text(), outcome)) {
            return now;
        }
        // conditional on the version read: of two saves at once, the second finds it moved on and is refused
        int changed = jdbc.update("update client_project set outcome = ?, outcome_version = outcome_version + 1,"
                + " outcome_updated_by = ?, outcome_updated_at = ? where id = ? and outcome_version = ?", outcome,
                user.username(), Timestamp.from(clock.instant()), projectId, seenVersion);
        if (changed == 0) {
            throw new StaleDataException("Project outcome");
        }
        events.publishEvent(new io.clientspace.shared.ActivityRecorded(project.getClientId(), projectId,
                user.username(), "PROJECT_OUTCOME_CHANGED", projectId, project.getName(),
                outcome == null ? "–" : outcome.length() > 300 ? outcome.substring(0, 299) + "…" : outcome));
        return outcome(projectId);
    }

    /**
     * Adds a colleague to the work group; from then on they open the project and can be given its work. Adding
     * someone twice changes nothing.
     *
     * @throws InvalidInputException when the person is unknown or the work group is full
     */
    @Transactional
    public ClientProject addMember(UUID projectId, String username) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = requireManaged(user, projectId);
        String who = clean(username);
        if (who == null || staff.assignable().stream().noneMatch(m -> m.username().equals(who))) {
            throw new InvalidInputException(List.of(FieldProblem.of("member", "project.error.member-unknown")));
        }
        if (!project.hasMember(who) && project.getMembers().size() >= ProjectRules.MEMBERS_MAX) {
            throw new InvalidInputException(List.of(FieldProblem.of("member", "project.error.members-full",
                    ProjectRules.MEMBERS_MAX)));
        }
        if (project.addMember(who, user.username(), clock.instant())) {
            project.setUpdatedAt(clock.instant());
            saveMembers(project);
            publish(project, ProjectChanged.Change.MEMBER_ADDED, who, user);
        }
        return toRecords(user, List.of(project)).get(0);
    }

    /**
     * Shares the project with the client's portal, or stops sharing it, and says whether its tasks show there.
     * Tasks show only while the project itself is shared.
     *
     * @throws NoAccessException unless the current user may manage the project
     * @throws StaleDataException when someone else saved the project since the user opened it
     */
    @Transactional
    public ClientProject setSharing(UUID projectId, boolean shared, boolean tasksVisible) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = requireManaged(user, projectId);
        boolean sharedBefore = project.isSharedWithClient();
        boolean tasksBefore = project.isTasksVisibleToClient();
        project.setSharedWithClient(shared);
        project.setTasksVisibleToClient(tasksVisible);
        if (sharedBefore != shared || tasksBefore != tasksVisible) {
            project.setUpdatedAt(clock.instant());
            saveMembers(project);
        }
        if (sharedBefore != shared) {
            events.publishEvent(new SharingChanged(project.getClientId(), projectId, SharingChanged.Subject.PROJECT,
                    projectId, project.getName(), shared, shared, user.username()));
        }
        if (tasksBefore != tasksVisible) {
            events.publishEvent(new SharingChanged(project.getClientId(), projectId,
                    SharingChanged.Subject.PROJECT_TASKS, projectId, project.getName(), tasksVisible,
                    shared && tasksVisible, user.username()));
        }
        return toRecords(user, List.of(project)).get(0);
    }

    /** Takes a colleague out of the work group; their open tasks stay and show as needing a new assignee. */
    @Transactional
    public ClientProject removeMember(UUID projectId, String username) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = requireManaged(user, projectId);
        if (project.removeMember(clean(username))) {
            project.setUpdatedAt(clock.instant());
            saveMembers(project);
            publish(project, ProjectChanged.Change.MEMBER_REMOVED, clean(username), user);
        }
        return toRecords(user, List.of(project)).get(0);
    }

    /**
     * Asks the project's owner to add the current user to the work group; once a day at most per person.
     *
     * @throws NotFoundException when there is no such project
     */
    @Transactional
    public AccessRequestResult requestAccess(UUID projectId) {
        CurrentUser user = currentUser.requireStaff();
        ClientProjectEntity project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        if (sees(user, project, clientOwner(project))) {
            return AccessRequestResult.HAS_ACCESS;
        }
        Instant now = clock.instant();
        int fresh = jdbc.update("""
                insert into access_request (client_id, project_id, requester, requested_at) values (?, ?, ?, ?)
                on conflict (client_id, requester, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid))
                do update set requested_at = excluded.requested_at
                where access_request.requested_at < ?""", project.getClientId(), projectId, user.username(),
                Timestamp.from(now), Timestamp.from(now.minus(Duration.ofDays(1))));
        if (fresh == 0) {
            return AccessRequestResult.ALREADY_ASKED;
        }
        events.publishEvent(new AccessRequested(project.getClientId(), projectId, project.getName(),
                ProjectNavigation.workspace(projectId), project.getOwner(), user.username()));
        return AccessRequestResult.SENT;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private void validate(ProjectDraft draft) {
        List<FieldProblem> problems = new ArrayList<>(ProjectRules.check(draft));
        String owner = clean(draft.getOwner());
        if (owner != null && staff.assignable().stream().noneMatch(m -> m.username().equals(owner))) {
            problems.add(FieldProblem.of("owner", "project.error.owner-unknown"));
        }
        InvalidInputException.throwIfAny(problems);
    }

    private static void apply(ProjectDraft d, ClientProjectEntity p) {
        p.setName(clean(d.getName()));
        p.setDescription(clean(d.getDescription()));
        p.setStatus(d.getStatus().name());
        p.setStart(d.getStart());
        p.setEnd(d.getEnd());
        p.setOwner(clean(d.getOwner()));
    }

    private void saveMembers(ClientProjectEntity project) {
        try {
            projects.saveAndFlush(project);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Project");
        }
    }

    private ClientProjectEntity requireManaged(CurrentUser user, UUID projectId) {
        ClientProjectEntity project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project"));
        String clientOwner = clientOwner(project);
        checkAccess(user, project, clientOwner);
        if (!manages(user, project)) {
            throw new NoAccessException("Only the project's owner changes it", staff.displayName(project.getOwner()));
        }
        return project;
    }

    private void checkAccess(CurrentUser user, ClientProjectEntity project, String clientOwner) {
        if (!sees(user, project, clientOwner)) {
            throw new NoAccessException("Project is " + project.getOwner() + "'s",
                    staff.displayName(project.getOwner()));
        }
    }

    private boolean sees(CurrentUser user, ClientProjectEntity p, String clientOwner) {
        return projectLevel(user, p).atLeast(AccessLevel.VIEWER);
    }

    /** The project's owner, and whoever manages its client (admins, managers, the owner, manager-level members). */
    private boolean manages(CurrentUser user, ClientProjectEntity p) {
        return projectLevel(user, p).atLeast(AccessLevel.MANAGER);
    }

    private String clientOwnerOf(UUID clientId) {
        ClientRef ref = clients.refsForAccessDecision(List.of(clientId)).get(clientId);
        return ref == null ? null : ref.owner();
    }

    private String clientOwner(ClientProjectEntity project) {
        ClientRef ref = clients.refsForAccessDecision(List.of(project.getClientId())).get(project.getClientId());
        return ref == null ? null : ref.owner();
    }

    private void publish(ClientProjectEntity p, ProjectChanged.Change change, String detail, CurrentUser user) {
        events.publishEvent(new ProjectChanged(p.getId(), p.getClientId(), p.getName(), change, detail,
                user.username()));
    }

    private List<ClientProject> toRecords(CurrentUser user, List<ClientProjectEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, ClientRef> clientRefs = clients.refsForAccessDecision(
                rows.stream().map(ClientProjectEntity::getClientId).collect(Collectors.toSet()));
        Map<UUID, AccessLevel> levels = new HashMap<>();
        return rows.stream().map(p -> {
            ClientRef client = clientRefs.get(p.getClientId());
            AccessLevel onClient = levels.computeIfAbsent(p.getClientId(), clients::levelOf);
            boolean opensClient = onClient.atLeast(AccessLevel.VIEWER);
            boolean manages = user.username().equals(p.getOwner()) || onClient.atLeast(AccessLevel.MANAGER);
            List<StaffMember> members = p.getMembers().stream()
                    .sorted(Comparator.comparing(ClientProjectEntity.Member::getAddedAt))
                    .map(m -> staff.find(m.getUsername()).orElseGet(() -> new StaffMember(m.getUsername(),
                            staff.displayName(m.getUsername()), null, Set.of())))
                    .toList();
            return new ClientProject(p.getId(), p.getClientId(), client == null ? "" : client.name(),
                    opensClient && client != null ? client.workspacePath() : null, p.getName(), p.getDescription(),
                    ProjectStatus.valueOf(p.getStatus()), p.getStart(), p.getEnd(), p.getOwner(),
                    staff.displayName(p.getOwner()), members, manages, p.isSharedWithClient(),
                    p.isTasksVisibleToClient(), p.getVersion());
        }).toList();
    }
}
