package io.clientspace.people;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.ClientAction;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.people.process.AccessRequestProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ProcessOnly;
import io.clientspace.shared.StaleDataException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspace members: the colleagues a client's managers let in, at a level ({@link AccessLevel}) and optionally
 * until a date, and the access requests they answer. Whoever may open a client sees who else can; whoever manages it
 * ({@link ClientAction#MANAGE_MEMBERS}: admins, managers, its owner and manager-level members) changes the list.
 * Every change is on the client's timeline.
 */
@Service
public class WorkspaceMemberService {

    /** What a manager may write to the requester. */
    public static final int MESSAGE_MAX = 500;

    private final JdbcTemplate jdbc;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;
    private final TaskService engineTasks;
    private final Clock clock;

    WorkspaceMemberService(JdbcTemplate jdbc, ClientService clients, CurrentUserProvider currentUser,
                           StaffDirectory staff, ApplicationEventPublisher events, RuntimeService runtime,
                           TaskService engineTasks, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.events = events;
        this.runtime = runtime;
        this.engineTasks = engineTasks;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- reads

    /**
     * Who can open the client by being let in (the owner first, then the members by name), the open requests when
     * the current user may answer them, and whether they may change the list.
     *
     * @throws io.clientspace.shared.NoAccessException when the current user may not open the client
     */
    @Transactional(readOnly = true)
    public WorkspaceMembers members(UUID clientId) {
        clients.requireAccess(clientId);
        boolean canManage = clients.may(clientId, ClientAction.MANAGE_MEMBERS);
        List<WorkspaceMember> list = new ArrayList<>();
        String owner = owner(clientId);
        if (owner != null) {
            list.add(new WorkspaceMember(owner, staff.displayName(owner), AccessLevel.MANAGER, true, null, null, null,
                    0));
        }
        list.addAll(grants(clientId).stream()
                .sorted(Comparator.comparing(WorkspaceMember::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
        return new WorkspaceMembers(list, canManage ? openRequests(clientId) : List.of(), canManage);
    }

    /** How many people the Members tab lists: the owner and the members. */
    @Transactional(readOnly = true)
    public long count(UUID clientId) {
        clients.requireAccess(clientId);
        Long n = jdbc.queryForObject("select count(*) from workspace_member where client_id = ? and "
                + "(ends_on is null or ends_on >= ?)", Long.class, clientId, Date.valueOf(today()));
        return 1 + (n == null ? 0 : n);
    }

    /**
     * Colleagues who could be let in: staff who can neither open every client (admins and managers do) nor own this
     * one, and are not members yet.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> candidates(UUID clientId) {
        clients.require(clientId, ClientAction.MANAGE_MEMBERS);
        String owner = owner(clientId);
        Set<String> members = grants(clientId).stream().map(WorkspaceMember::username).collect(Collectors.toSet());
        return staff.assignable().stream().filter(m -> !firmWide(m) && !m.username().equals(owner)
                && !members.contains(m.username())).toList();
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /**
     * Lets a colleague into the client.
     *
     * @param endsOn the last day of access; null for no end
     * @throws InvalidInputException for an unknown colleague, one who can open the client already, no level, or an
     *                               end date in the past
     */
    @Transactional
    public WorkspaceMember grant(UUID clientId, String username, AccessLevel level, LocalDate endsOn) {
        CurrentUser user = currentUser.requireStaff();
        clients.require(clientId, ClientAction.MANAGE_MEMBERS);
        List<FieldProblem> problems = new ArrayList<>();
        StaffMember who = username == null ? null : staff.find(username).orElse(null);
        if (who == null) {
            problems.add(FieldProblem.of("username", "members.error.unknown"));
        } else if (firmWide(who)) {
            problems.add(FieldProblem.of("username", "members.error.sees-all", who.displayName()));
        } else if (who.username().equals(owner(clientId))) {
            problems.add(FieldProblem.of("username", "members.error.owner", who.displayName()));
        }
        problems.addAll(checkLevelAndEnd(level, endsOn));
        InvalidInputException.throwIfAny(problems);
        int inserted = jdbc.update("""
                insert into workspace_member (client_id, username, level, ends_on, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?) on conflict (client_id, username) do nothing""", clientId, who.username(),
                level.name(), endsOn == null ? null : Date.valueOf(endsOn), user.username(),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "members.error.already",
                    who.displayName())));
        }
        record(clientId, user.username(), "MEMBER_ADDED_" + level.name(), who.username(), null);
        // whoever was let in directly needs no answer to their request any more
        openRequests(clientId).stream().filter(r -> r.requester().equals(who.username()))
                .forEach(r -> answer(r.id(), clientId, level, null, user));
        return grant(clientId, who.username()).orElseThrow();
    }

    /**
     * Changes a member's level or end date.
     *
     * @param seenVersion the row as the user saw it
     * @throws InvalidInputException for no level, an end date in the past, or lowering the client's last manager
     * @throws StaleDataException    when someone changed or removed the member since
     */
    @Transactional
    public WorkspaceMember change(UUID clientId, String username, AccessLevel level, LocalDate endsOn,
                                  long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        clients.require(clientId, ClientAction.MANAGE_MEMBERS);
        WorkspaceMember before = lockedGrant(clientId, username, seenVersion);
        List<FieldProblem> problems = new ArrayList<>(checkLevelAndEnd(level, endsOn));
        if (level != null && before.level() == AccessLevel.MANAGER && level != AccessLevel.MANAGER
                && lastManager(clientId, username)) {
            problems.add(FieldProblem.of("level", "members.error.last-manager", before.displayName()));
        }
        InvalidInputException.throwIfAny(problems);
        jdbc.update("update workspace_member set level = ?, ends_on = ?, version = version + 1 "
                + "where client_id = ? and username = ?", level.name(), endsOn == null ? null : Date.valueOf(endsOn),
                clientId, username);
        if (level != before.level()) {
            record(clientId, user.username(), "MEMBER_CHANGED_" + level.name(), username, null);
        } else if (!Objects.equals(endsOn, before.endsOn())) {
            record(clientId, user.username(), "MEMBER_END_CHANGED", username,
                    endsOn == null ? null : endsOn.toString());
        }
        return grant(clientId, username).orElseThrow();
    }

    /**
     * Takes a member's access away. Their open tasks there stay; the work group's lists show them as assigned to
     * someone who can no longer open the client, for a manager to hand on.
     *
     * @throws InvalidInputException when it is the owner, or the client's last manager
     * @throws StaleDataException    when someone changed or removed the member since
     */
    @Transactional
    public void remove(UUID clientId, String username, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        clients.require(clientId, ClientAction.MANAGE_MEMBERS);
        if (username != null && username.equals(owner(clientId))) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "members.error.remove-owner",
                    staff.displayName(username))));
        }
        WorkspaceMember before = lockedGrant(clientId, username, seenVersion);
        if (before.level() == AccessLevel.MANAGER && lastManager(clientId, username)) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "members.error.last-manager",
                    before.displayName())));
        }
        jdbc.update("delete from workspace_member where client_id = ? and username = ?", clientId, username);
        record(clientId, user.username(), "MEMBER_REMOVED", username, null);
    }

    /**
     * Grants an open access request at the chosen level, closes the decision in "My tasks" and tells the requester.
     *
     * @param message to the requester; null or blank for none
     * @throws InvalidInputException for no level, an end date in the past, or a message too long
     * @throws NotFoundException     when the request is not open any more (someone answered it)
     */
    @Transactional
    public WorkspaceMember grantRequest(UUID requestId, AccessLevel level, LocalDate endsOn, String message) {
        CurrentUser user = currentUser.requireStaff();
        MemberAccessRequest request = openRequest(requestId);
        clients.require(request.clientId(), ClientAction.MANAGE_MEMBERS);
        List<FieldProblem> problems = new ArrayList<>(checkLevelAndEnd(level, endsOn));
        problems.addAll(checkMessage(message));
        InvalidInputException.throwIfAny(problems);
        if (request.requester().equals(owner(request.clientId()))
                || staff.find(request.requester()).map(WorkspaceMemberService::firmWide).orElse(false)) {
            // an admin, a manager or the owner by now: nothing to grant, only the answer
            answer(requestId, request.clientId(), level, message, user);
            return null;
        }
        jdbc.update("""
                insert into workspace_member (client_id, username, level, ends_on, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?) on conflict (client_id, username)
                do update set level = excluded.level, ends_on = excluded.ends_on,
                              version = workspace_member.version + 1""",
                request.clientId(), request.requester(), level.name(), endsOn == null ? null : Date.valueOf(endsOn),
                user.username(), Timestamp.from(clock.instant()));
        record(request.clientId(), user.username(), "MEMBER_ADDED_" + level.name(), request.requester(), null);
        answer(requestId, request.clientId(), level, message, user);
        return grant(request.clientId(), request.requester()).orElseThrow();
    }

    /**
     * Declines an open access request with a message to the requester, and closes the decision in "My tasks".
     *
     * @throws InvalidInputException when the message is too long
     * @throws NotFoundException     when the request is not open any more
     */
    @Transactional
    public void declineRequest(UUID requestId, String message) {
        CurrentUser user = currentUser.requireStaff();
        MemberAccessRequest request = openRequest(requestId);
        clients.require(request.clientId(), ClientAction.MANAGE_MEMBERS);
        InvalidInputException.throwIfAny(checkMessage(message));
        record(request.clientId(), user.username(), "ACCESS_REQUEST_DECLINED", request.requester(), null);
        answer(requestId, request.clientId(), AccessLevel.NONE, message, user);
    }

    // ------------------------------------------------------------------------------------------- for the system

    /**
     * Opens a decision for a colleague's request to open a client, unless one is open already: a row, and the
     * workspace-access-request process whose task the owner sees in "My tasks".
     *
     * @return the request's id, or empty when one was open already or the client is gone
     */
    @Transactional
    @ProcessOnly("the client module's AccessRequested event")
    public Optional<UUID> openRequest(UUID clientId, String requester) {
        String owner = owner(clientId);
        if (owner == null) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into workspace_access_request (id, client_id, requester, requested_at, status)
                values (?, ?, ?, ?, 'OPEN') on conflict do nothing""", id, clientId, requester,
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(AccessRequestProcess.VAR_REQUEST_ID, id.toString());
        variables.put(AccessRequestProcess.VAR_CLIENT_ID, clientId.toString());
        variables.put(AccessRequestProcess.VAR_REQUESTER, requester);
        variables.put(AccessRequestProcess.VAR_DECIDER, owner);
        runtime.startProcessInstanceByKey(AccessRequestProcess.PROCESS_ID, id.toString(), variables);
        return Optional.of(id);
    }

    /**
     * Removes the access whose last day has passed, each with an entry on the client's timeline. Safe to run on
     * several nodes at once: a row is deleted, and recorded, once.
     *
     * @return how many were removed
     */
    @Transactional
    @ProcessOnly("the nightly expiry job")
    public int removeExpired() {
        LocalDate today = today();
        List<Object[]> gone = jdbc.query("delete from workspace_member where ends_on < ? "
                        + "returning client_id, username, ends_on",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate()},
                Date.valueOf(today));
        for (Object[] row : gone) {
            record((UUID) row[0], null, "MEMBER_EXPIRED", (String) row[1], row[2].toString());
        }
        return gone.size();
    }

    // -------------------------------------------------------------------------------------- the client's question

    /** The live grant's level; NONE when there is none or it has ended. Asks nobody: the client module checks. */
    AccessLevel grantedLevel(UUID clientId, String username) {
        List<String> levels = jdbc.queryForList("select level from workspace_member where client_id = ? "
                + "and username = ? and (ends_on is null or ends_on >= ?)", String.class, clientId, username,
                Date.valueOf(today()));
        return levels.isEmpty() ? AccessLevel.NONE : AccessLevel.valueOf(levels.get(0));
    }

    List<UUID> clientsOf(String username) {
        return jdbc.queryForList("select client_id from workspace_member where username = ? "
                + "and (ends_on is null or ends_on >= ?)", UUID.class, username, Date.valueOf(today()));
    }

    /** The clients where the user holds a live grant above viewer (editor or manager). */
    List<UUID> clientsWorkedOnBy(String username) {
        return jdbc.queryForList("select client_id from workspace_member where username = ? and level <> 'VIEWER' "
                + "and (ends_on is null or ends_on >= ?)", UUID.class, username, Date.valueOf(today()));
    }

    Map<String, AccessLevel> grantsOn(UUID clientId) {
        Map<String, AccessLevel> result = new HashMap<>();
        jdbc.query("select username, level from workspace_member where client_id = ? "
                        + "and (ends_on is null or ends_on >= ?)",
                rs -> {
                    result.put(rs.getString(1), AccessLevel.valueOf(rs.getString(2)));
                }, clientId, Date.valueOf(today()));
        return result;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private void answer(UUID requestId, UUID clientId, AccessLevel level, String message, CurrentUser user) {
        String text = message == null || message.isBlank() ? null : message.strip();
        int updated = jdbc.update("""
                update workspace_access_request set status = ?, answered_by = ?, answered_at = ?, level = ?,
                message = ? where id = ? and status = 'OPEN'""", level == AccessLevel.NONE ? "DECLINED" : "GRANTED",
                user.username(), Timestamp.from(clock.instant()), level == AccessLevel.NONE ? null : level.name(),
                text, requestId);
        if (updated == 0) {
            throw new NotFoundException("Access request");
        }
        String requester = jdbc.queryForObject("select requester from workspace_access_request where id = ?",
                String.class, requestId);
        for (Task task : engineTasks.createTaskQuery().processInstanceBusinessKey(requestId.toString())
                .taskDefinitionKey(AccessRequestProcess.DECIDE_TASK).list()) {
            engineTasks.complete(task.getId(), Map.of(AccessRequestProcess.VAR_ANSWER, level.name()));
        }
        ClientRef ref = clients.refForNotification(clientId).orElseThrow(() -> new NotFoundException("Client"));
        events.publishEvent(new AccessRequestAnswered(requestId, clientId, ref.name(), ref.workspacePath(), requester,
                user.username(), level, text));
    }

    private List<MemberAccessRequest> openRequests(UUID clientId) {
        return jdbc.query("select id, client_id, requester, requested_at from workspace_access_request "
                + "where client_id = ? and status = 'OPEN' order by requested_at", this::request, clientId);
    }

    private MemberAccessRequest openRequest(UUID requestId) {
        return jdbc.query("select id, client_id, requester, requested_at from workspace_access_request "
                        + "where id = ? and status = 'OPEN' for update", this::request, requestId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Access request"));
    }

    private MemberAccessRequest request(ResultSet rs, int row) throws SQLException {
        String requester = rs.getString("requester");
        return new MemberAccessRequest(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                requester, staff.displayName(requester), rs.getTimestamp("requested_at").toInstant());
    }

    private List<WorkspaceMember> grants(UUID clientId) {
        return jdbc.query("select * from workspace_member where client_id = ? and (ends_on is null or ends_on >= ?)",
                this::member, clientId, Date.valueOf(today()));
    }

    private Optional<WorkspaceMember> grant(UUID clientId, String username) {
        return jdbc.query("select * from workspace_member where client_id = ? and username = ?", this::member,
                clientId, username).stream().findFirst();
    }

    private WorkspaceMember lockedGrant(UUID clientId, String username, long seenVersion) {
        WorkspaceMember m = jdbc.query("select * from workspace_member where client_id = ? and username = ? "
                        + "for update", this::member, clientId, username).stream().findFirst()
                .orElseThrow(() -> new StaleDataException("Member"));
        if (m.version() != seenVersion) {
            throw new StaleDataException("Member");
        }
        return m;
    }

    private WorkspaceMember member(ResultSet rs, int row) throws SQLException {
        String username = rs.getString("username");
        Date ends = rs.getDate("ends_on");
        return new WorkspaceMember(username, staff.displayName(username), AccessLevel.valueOf(rs.getString("level")),
                false, ends == null ? null : ends.toLocalDate(), rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(), rs.getLong("version"));
    }

    /**
     * Whether taking manager level from this member leaves the client without a manager of its own: its owner
     * counts while they are an active colleague. Admins and managers of the firm do not count; they open every
     * client but look after none in particular.
     */
    private boolean lastManager(UUID clientId, String username) {
        String owner = owner(clientId);
        if (owner != null && staff.find(owner).isPresent()) {
            return false;
        }
        Long others = jdbc.queryForObject("select count(*) from workspace_member where client_id = ? "
                + "and level = 'MANAGER' and username <> ? and (ends_on is null or ends_on >= ?)", Long.class,
                clientId, username, Date.valueOf(today()));
        return others == null || others == 0;
    }

    private List<FieldProblem> checkLevelAndEnd(AccessLevel level, LocalDate endsOn) {
        List<FieldProblem> problems = new ArrayList<>();
        if (level == null || level == AccessLevel.NONE) {
            problems.add(FieldProblem.of("level", "members.error.level"));
        }
        if (endsOn != null && endsOn.isBefore(today())) {
            problems.add(FieldProblem.of("endsOn", "members.error.end-in-past"));
        }
        return problems;
    }

    private static List<FieldProblem> checkMessage(String message) {
        return message != null && message.strip().length() > MESSAGE_MAX
                ? List.of(FieldProblem.of("message", "members.error.message-too-long", MESSAGE_MAX)) : List.of();
    }

    private void record(UUID clientId, String actor, String kind, String member, String detail) {
        UUID subject = UUID.nameUUIDFromBytes((clientId + "/" + member).getBytes(StandardCharsets.UTF_8));
        events.publishEvent(new ActivityRecorded(clientId, null, actor, kind, subject, staff.displayName(member),
                detail));
    }

    private String owner(UUID clientId) {
        return clients.refForNotification(clientId).map(ClientRef::owner).orElse(null);
    }

    private static boolean firmWide(StaffMember m) {
        return m.roles().contains(Roles.ADMIN) || m.roles().contains(Roles.MANAGER);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
