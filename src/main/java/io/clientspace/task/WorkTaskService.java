package io.clientspace.task;

import io.clientspace.client.ClientArchived;
import org.springframework.context.event.EventListener;

import io.clientspace.shared.ProcessOnly;
import io.clientspace.client.ClientRef;
import io.clientspace.security.Roles;
import java.util.Collection;
import java.util.Comparator;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import io.clientspace.deal.DealStepAssigned;
import io.clientspace.project.PlaceRef;
import io.clientspace.project.ProjectChanged;
import io.clientspace.project.ProjectService;
import io.clientspace.project.Visibility;
import io.clientspace.shared.ProcessTaskChanged;
import io.clientspace.shared.WorkScope;
import io.clientspace.deal.DealStepClosed;
import io.clientspace.deal.DealStepOpened;
import io.clientspace.deal.DealStepUpdated;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.task.domain.TaskCommentEntity;
import io.clientspace.task.domain.TaskCommentRepository;
import io.clientspace.task.domain.TimeEntryEntity;
import io.clientspace.task.domain.TimeEntryRepository;
import io.clientspace.task.domain.WorkTaskEntity;
import io.clientspace.task.domain.WorkTaskRepository;
import io.clientspace.task.process.AdHocTaskProcess;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks on clients, ad hoc and from processes. Every task is a Camunda user task (ad-hoc ones run the small
 * ad-hoc-task model, see docs/decisions/DD005); our work_task table mirrors them in the engine's own transaction, so
 * counters and lists are indexed queries that never scan the engine. Whoever may open the client may see, take,
 * hand on and complete its tasks; a deal's stage task is completed by moving the deal on.
 */
@Service
public class WorkTaskService {

    /** "My tasks" shows at most this many rows per view; the counts stay exact. */
    public static final int INBOX_LIMIT = 500;
    /** A workspace's task list shows at most this many, soonest due first; the counter stays exact. */
    public static final int LIST_LIMIT = 500;

    private final WorkTaskRepository tasks;
    private final TaskCommentRepository comments;
    private final TimeEntryRepository timeEntries;
    private final ClientService clients;
    private final ProjectService projects;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final TaskService engineTasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkTaskService(WorkTaskRepository tasks, TaskCommentRepository comments, TimeEntryRepository timeEntries,
                    ClientService clients, ProjectService projects, CurrentUserProvider currentUser, StaffDirectory staff,
                    RuntimeService runtime, TaskService engineTasks, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.comments = comments;
        this.timeEntries = timeEntries;
        this.clients = clients;
        this.projects = projects;
        this.currentUser = currentUser;
        this.staff = staff;
        this.runtime = runtime;
        this.engineTasks = engineTasks;
        this.events = events;
        this.clock = clock;
    }

    /** Open tasks on the client, its projects' included, soonest due first. */
    @Transactional(readOnly = true)
    public List<WorkTask> openForClient(UUID clientId) {
        return openIn(WorkScope.client(clientId));
    }

    @Transactional(readOnly = true)
    public long countOpenForClient(UUID clientId) {
        return countOpenIn(WorkScope.client(clientId));
    }

    /**
     * Open tasks in the scope, soonest due first, at most {@link #LIST_LIMIT}; a client's scope holds its projects'
     * tasks too.
     */
    @Transactional(readOnly = true)
    public List<WorkTask> openIn(WorkScope scope) {
        projects.requireAccess(scope);
        PageRequest page = PageRequest.of(0, LIST_LIMIT);
        return toRecords(scope.isProject() ? tasks.openByProject(scope.projectId(), page)
                : tasks.openByClient(scope.clientId(), page));
    }

    /**
     * The start of the scope's task list that the filter picks out: its length, its versions and its first
     * {@code limit} rows, read in one transaction with one access check. What the Tasks tab loads (off the UI thread)
     * when it opens; {@link #page} fetches the rest as the user scrolls (DD039). A client's scope holds its projects'
     * tasks too.
     *
     * @throws io.clientspace.shared.NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public TaskList firstPage(WorkScope scope, TaskFilter filter, int limit) {
        projects.requireAccess(scope);
        LocalDate today = LocalDate.now(clock);
        long[] size = tasks.listSize(scope.clientId(), scope.projectId(), filter, today);
        List<WorkTask> rows = size[0] == 0 ? List.of()
                : toRecords(tasks.listPage(scope.clientId(), scope.projectId(), filter, today, 0, limit));
        return new TaskList(filter, size[0], size[1], rows);
    }

    /**
     * One page of the scope's task list that the filter picks out, in the list's order.
     *
     * @throws io.clientspace.shared.NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public List<WorkTask> page(WorkScope scope, TaskFilter filter, int offset, int limit) {
        projects.requireAccess(scope);
        return toRecords(tasks.listPage(scope.clientId(), scope.projectId(), filter, LocalDate.now(clock), offset,
                limit));
    }

    @Transactional(readOnly = true)
    public long countOpenIn(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? tasks.countOpenByProject(scope.projectId())
                : tasks.countOpenByClient(scope.clientId());
    }

    /**
     * Overdue and unassigned open tasks on each of the clients the current user may see; clients they may not see
     * are left out. One grouped query.
     */
    @Transactional(readOnly = true)
    public Map<UUID, TaskAttention> attention(Collection<UUID> clientIds) {
        var visible = clients.refs(clientIds).keySet();
        Map<UUID, TaskAttention> result = new HashMap<>();
        if (!visible.isEmpty()) {
            for (Object[] row : tasks.attention(visible, LocalDate.now(clock))) {
                result.put((UUID) row[0], new TaskAttention(((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue()));
            }
        }
        return result;
    }

    /**
     * Overdue and unassigned open tasks in the scope: for a project, its own tasks only (its checklist, DD032); for
     * a client, all of them. One query.
     *
     * @throws io.clientspace.shared.NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public TaskAttention attention(WorkScope scope) {
        projects.requireAccess(scope);
        if (!scope.isProject()) {
            return attention(Set.of(scope.clientId())).getOrDefault(scope.clientId(), TaskAttention.NONE);
        }
        Object[] row = tasks.projectAttention(scope.projectId(), LocalDate.now(clock)).stream().findFirst()
                .orElse(null);
        return row == null ? TaskAttention.NONE : new TaskAttention(row[0] == null ? 0 : ((Number) row[0]).longValue(),
                row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    /** One task, if the current user may open its client. */
    @Transactional(readOnly = true)
    public WorkTask get(UUID taskId) {
        WorkTaskEntity task = requireTask(taskId);
        return toRecords(List.of(task)).get(0);
    }

    /**
     * The first {@code limit} rows of one view of "My tasks", soonest due first: the same list, one page, that
     * {@link #inboxFirstPage} starts. For callers that want a view's first tasks (the search text empty).
     */
    @Transactional(readOnly = true)
    public List<WorkTask> inbox(Inbox inbox) {
        return inboxPage(inbox, "", 0, INBOX_LIMIT);
    }

    /**
     * The start of one view of "My tasks", paged in the database (DD039): how many tasks it lists and the first
     * {@code limit} rows. {@code text}, when not blank, keeps the tasks whose title, description, client or project
     * name contains it. A member lists only what they can still open; the counters count the same.
     */
    @Transactional(readOnly = true)
    public InboxList inboxFirstPage(Inbox inbox, String text, int limit) {
        var query = inboxQuery(inbox, text);
        if (query == null) {
            return new InboxList(inbox, text, 0, List.of());
        }
        long length = tasks.inboxCount(query);
        List<WorkTask> rows = length == 0 ? List.of() : toRecords(tasks.inboxPage(query, 0, limit));
        return new InboxList(inbox, text, length, rows);
    }

    /** One page of a "My tasks" view, in the view's order; see {@link #inboxFirstPage}. */
    @Transactional(readOnly = true)
    public List<WorkTask> inboxPage(Inbox inbox, String text, int offset, int limit) {
        var query = inboxQuery(inbox, text);
        return query == null ? List.of() : toRecords(tasks.inboxPage(query, offset, limit));
    }

    /** The view's query for the signed-in user; null when they can open no client at all. */
    private io.clientspace.task.domain.InboxQuery inboxQuery(Inbox inbox, String text) {
        CurrentUser user = currentUser.requireStaff();
        Visibility v = projects.visibility();
        if (v.seesNothing()) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        String me = inbox == Inbox.UNASSIGNED ? null : user.username();
        LocalDate before = inbox == Inbox.OVERDUE ? today : null;
        LocalDate from = inbox == Inbox.THIS_WEEK ? today : null;
        LocalDate to = inbox == Inbox.THIS_WEEK ? endOfWeek(today) : null;
        return new io.clientspace.task.domain.InboxQuery(me, before, from, to, v.everything(), v.clientIds(),
                v.projectIds(), text);
    }

    /** How many tasks each view of "My tasks" holds. */
    @Transactional(readOnly = true)
    public Map<Inbox, Long> inboxCounts() {
        CurrentUser user = currentUser.requireStaff();
        LocalDate today = LocalDate.now(clock);
        Map<Inbox, Long> counts = new EnumMap<>(Inbox.class);
        Visibility v = projects.visibility();
        String me = user.username();
        if (!v.everything()) {
            // a member counts only what they can open: a task left on a client handed to someone else is not theirs
            boolean none = v.seesNothing();
            List<UUID> ids = v.clientIds();
            List<UUID> pids = v.projectIds();
            counts.put(Inbox.OPEN, none ? 0L : tasks.countAssignedOn(me, ids, pids));
            counts.put(Inbox.OVERDUE, none ? 0L : tasks.countAssignedDueBeforeOn(me, today, ids, pids));
            counts.put(Inbox.THIS_WEEK, none ? 0L
                    : tasks.countAssignedDueBetweenOn(me, today, endOfWeek(today), ids, pids));
            counts.put(Inbox.UNASSIGNED, none ? 0L : tasks.countUnassignedOn(ids, pids));
        } else {
            counts.put(Inbox.OPEN, tasks.countAssigned(me));
            counts.put(Inbox.OVERDUE, tasks.countAssignedDueBefore(me, today));
            counts.put(Inbox.THIS_WEEK, tasks.countAssignedDueBetween(me, today, endOfWeek(today)));
            counts.put(Inbox.UNASSIGNED, tasks.countUnassigned());
        }
        return counts;
    }

    /** Who may be given a task on the client: the people who can open it. */
    @Transactional(readOnly = true)
    public List<StaffMember> possibleAssignees(UUID clientId) {
        return possibleAssignees(WorkScope.client(clientId));
    }

    /** Who may be given a task in the scope: the people who can open it. */
    @Transactional(readOnly = true)
    public List<StaffMember> possibleAssignees(WorkScope scope) {
        return projects.workGroup(scope);
    }

    /**
     * Creates a task on the client and starts its ad-hoc-task process, whose user task carries assignee, due date
     * and priority; the link to the client is set here, not by the form.
     *
     * @throws InvalidInputException when a field is wrong; nothing is saved and no process starts
     */
    @Transactional
    public WorkTask create(UUID clientId, TaskDraft draft) {
        return create(WorkScope.client(clientId), draft);
    }

    /**
     * Creates a task in the scope (a client, or one of its projects) and starts its ad-hoc-task process.
     *
     * @throws InvalidInputException when a field is wrong; nothing is saved and no process starts
     */
    @Transactional
    public WorkTask create(WorkScope scope, TaskDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireWork(scope);
        UUID clientId = scope.clientId();
        List<FieldProblem> problems = new ArrayList<>(TaskRules.check(draft, LocalDate.now(clock)));
        String assignee = clean(draft.getAssignee());
        if (assignee != null && !canWorkOn(scope, assignee)) {
            problems.add(FieldProblem.of("assignee", "task.error.assignee-cannot-see-client",
                    staff.displayName(assignee)));
        }
        InvalidInputException.throwIfAny(problems);

        WorkTaskEntity task = WorkTaskEntity.adHoc(clientId, scope.projectId(), clean(draft.getTitle()), clean(draft.getDescription()),
                assignee, draft.getDue(), draft.getPriority().name(), user.username(), clock.instant());
        tasks.saveAndFlush(task);
        Map<String, Object> variables = new HashMap<>();
        variables.put(AdHocTaskProcess.VAR_WORK_TASK_ID, task.getId().toString());
        variables.put(AdHocTaskProcess.VAR_ASSIGNEE, assignee);
        variables.put(AdHocTaskProcess.VAR_DUE, toDate(draft.getDue()));
        variables.put(AdHocTaskProcess.VAR_PRIORITY, enginePriority(draft.getPriority()));
        runtime.startProcessInstanceByKey(AdHocTaskProcess.PROCESS_ID, task.getId().toString(), variables);
        events.publishEvent(new WorkTaskChanged(task.getId(), clientId, scope.projectId(), task.getTitle(),
                WorkTaskChanged.Change.CREATED, assignee, user.username()));
        // the listener attached the engine task: the version the caller gets must be the one an edit will find
        tasks.flush();
        return get(task.getId());
    }

    /**
     * Takes an unassigned task. Taking a task one already has changes nothing.
     *
     * @throws InvalidInputException when someone else took it first (names them)
     */
    @Transactional
    public WorkTask claim(UUID taskId) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = requireOpen(taskId);
        if (user.username().equals(task.getAssignee())) {
            return get(taskId);
        }
        if (task.getAssignee() != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("assignee", "task.error.taken",
                    staff.displayName(task.getAssignee()))));
        }
        return reassign(task, user.username(), user);
    }

    /**
     * Gives the task to someone who can open its client, or to nobody ({@code assignee} null).
     *
     * @param seenAssignee who had the task on the user's screen; when that changed since, nothing changes
     * @throws StaleDataException when the task was reassigned or completed since the user saw it
     */
    @Transactional
    public WorkTask assign(UUID taskId, String seenAssignee, String assignee) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = requireOpen(taskId);
        if (task.getLink() != null) {
            // another module's step that module assigns (a client request, DD031): its page hands it on
            throw new InvalidInputException(List.of(FieldProblem.of("assignee", "task.error.assigned-elsewhere")));
        }
        if (!Objects.equals(clean(seenAssignee), task.getAssignee())) {
            throw new StaleDataException("Task");
        }
        String to = clean(assignee);
        if (to != null && !canWorkOn(scopeOf(task), to)) {
            throw new InvalidInputException(List.of(FieldProblem.of("assignee",
                    "task.error.assignee-cannot-see-client", staff.displayName(to))));
        }
        if (Objects.equals(to, task.getAssignee())) {
            return get(taskId);
        }
        return reassign(task, to, user);
    }

    /**
     * Marks an ad-hoc task done. Completing a task that is already done changes nothing: a double click or a
     * second tab gets the same answer.
     *
     * @throws InvalidInputException for a deal's stage task, which is done by moving the deal on
     */
    @Transactional
    public WorkTask complete(UUID taskId) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = requireWorkTask(taskId);
        if (!task.isOpen()) {
            return get(taskId);
        }
        if (!task.isAdHoc()) {
            throw new InvalidInputException(List.of(FieldProblem.of("task", "task.error.process-step")));
        }
        task.complete(clock.instant(), user.username());
        try {
            tasks.saveAndFlush(task);
            engineTasks.complete(task.getEngineTaskId());
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockingException e) {
            throw new StaleDataException("Task");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.COMPLETED, null, user.username()));
        return get(taskId);
    }

    /**
     * Changes an open ad-hoc task: title, description, assignee, due date and priority; its engine task follows.
     * A due date that has passed may stay as it was, but a changed one must be today or later.
     *
     * @param seenVersion the {@link WorkTask#version()} the form was filled from
     * @throws InvalidInputException when a field is wrong, the task is done, or it is a process step (those change
     *                               in their own place); nothing is saved
     * @throws StaleDataException    when someone changed the task since the form was opened
     */
    @Transactional
    public WorkTask edit(UUID taskId, long seenVersion, TaskDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = lockedAdHoc(taskId, seenVersion);
        if (!task.isOpen()) {
            throw new InvalidInputException(List.of(FieldProblem.of("task", "task.error.done")));
        }
        List<FieldProblem> problems = new ArrayList<>(TaskRules.check(draft, LocalDate.now(clock)));
        problems.removeIf(p -> "due".equals(p.field()) && Objects.equals(draft.getDue(), task.getDueDate()));
        String assignee = clean(draft.getAssignee());
        if (assignee != null && !assignee.equals(task.getAssignee()) && !canWorkOn(scopeOf(task), assignee)) {
            problems.add(FieldProblem.of("assignee", "task.error.assignee-cannot-see-client",
                    staff.displayName(assignee)));
        }
        InvalidInputException.throwIfAny(problems);

        boolean reassigned = !Objects.equals(assignee, task.getAssignee());
        task.edit(clean(draft.getTitle()), clean(draft.getDescription()), draft.getDue(), draft.getPriority().name());
        try {
            tasks.saveAndFlush(task);
            var engineTask = engineTasks.createTaskQuery().taskId(task.getEngineTaskId()).singleResult();
            engineTask.setDueDate(toDate(draft.getDue()));
            engineTask.setPriority(enginePriority(draft.getPriority()));
            engineTasks.saveTask(engineTask);
            Map<String, Object> variables = new HashMap<>();
            variables.put(AdHocTaskProcess.VAR_ASSIGNEE, assignee);
            variables.put(AdHocTaskProcess.VAR_DUE, toDate(draft.getDue()));
            variables.put(AdHocTaskProcess.VAR_PRIORITY, enginePriority(draft.getPriority()));
            runtime.setVariables(engineTask.getProcessInstanceId(), variables);
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockingException e) {
            throw new StaleDataException("Task");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.EDITED, null, user.username()));
        if (reassigned) {
            return reassign(task, assignee, user);
        }
        return get(taskId);
    }

    /**
     * Cancels an open ad-hoc task with a reason: the ad-hoc-task process ends on its TaskCancelled message and the
     * task leaves every inbox; it shows under "Done" as cancelled, with who and why.
     *
     * @throws InvalidInputException when the reason is missing or too long, the task is finished already, or it is a
     *                               process step; nothing changes
     * @throws StaleDataException    when someone changed the task since the user saw it
     */
    @Transactional
    public WorkTask cancel(UUID taskId, long seenVersion, String reason) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = lockedAdHoc(taskId, seenVersion);
        List<FieldProblem> problems = new ArrayList<>(TaskRules.checkCancelReason(reason));
        if (!task.isOpen()) {
            problems.add(0, FieldProblem.of("task", "task.error.done"));
        }
        InvalidInputException.throwIfAny(problems);
        task.cancel(clock.instant(), user.username(), clean(reason));
        try {
            tasks.saveAndFlush(task);
            runtime.createMessageCorrelation(AdHocTaskProcess.MSG_CANCELLED)
                    .processInstanceBusinessKey(task.getId().toString())
                    .setVariable(AdHocTaskProcess.VAR_CANCEL_REASON, clean(reason))
                    .correlateWithResult();
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockingException e) {
            throw new StaleDataException("Task");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.CANCELLED, clean(reason), user.username()));
        return get(taskId);
    }

    /**
     * Archiving the client cancels its open ad-hoc tasks, projects' included, inside the archiving transaction
     * (DD013), with the archive's reason: they leave every inbox and show under Done as cancelled. A deal's stage
     * tasks end with its deal, which archiving closes as lost. The client module checked the archiving user's access.
     */
    @EventListener
    void on(ClientArchived event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "client archived" : event.reason();
        for (WorkTaskEntity open : tasks.openAdHocByClient(event.clientId())) {
            WorkTaskEntity task = tasks.findForUpdate(open.getId()).orElse(null);
            if (task == null || !task.isOpen()) {
                continue;
            }
            task.cancel(clock.instant(), event.actor(), reason);
            tasks.saveAndFlush(task);
            runtime.createMessageCorrelation(AdHocTaskProcess.MSG_CANCELLED)
                    .processInstanceBusinessKey(task.getId().toString())
                    .setVariable(AdHocTaskProcess.VAR_CANCEL_REASON, reason)
                    .correlateAllWithResult();
            events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(),
                    task.getTitle(), WorkTaskChanged.Change.CANCELLED, reason, event.actor()));
        }
    }

    /** What archiving the client will do to its tasks, for the preview; called after the client's access check. */
    List<String> openForArchive(UUID clientId) {
        return tasks.openAdHocByClient(clientId).stream().map(WorkTaskEntity::getTitle).toList();
    }

    /**
     * Opens a finished ad-hoc task again (done or cancelled): a new ad-hoc-task process runs for it, with the
     * assignee, due date and priority it had.
     *
     * @throws InvalidInputException when the task is open, or a process step; nothing changes
     * @throws StaleDataException    when someone changed the task since the user saw it
     */
    @Transactional
    public WorkTask reopen(UUID taskId, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = lockedAdHoc(taskId, seenVersion);
        if (task.isOpen()) {
            throw new InvalidInputException(List.of(FieldProblem.of("task", "task.error.open")));
        }
        String assignee = task.getAssignee() != null && canWorkOn(scopeOf(task), task.getAssignee())
                ? task.getAssignee() : null;
        task.reopen();
        task.assign(assignee);
        tasks.saveAndFlush(task);
        Map<String, Object> variables = new HashMap<>();
        variables.put(AdHocTaskProcess.VAR_WORK_TASK_ID, task.getId().toString());
        variables.put(AdHocTaskProcess.VAR_ASSIGNEE, assignee);
        variables.put(AdHocTaskProcess.VAR_DUE, toDate(task.getDueDate()));
        variables.put(AdHocTaskProcess.VAR_PRIORITY, enginePriority(TaskPriority.valueOf(task.getPriority())));
        runtime.startProcessInstanceByKey(AdHocTaskProcess.PROCESS_ID, task.getId().toString(), variables);
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.REOPENED, assignee, user.username()));
        tasks.flush();
        return get(taskId);
    }

    /** An ad-hoc task the user may open, under its row lock, as the user saw it. */
    private WorkTaskEntity lockedAdHoc(UUID taskId, long seenVersion) {
        WorkTaskEntity task = tasks.findForUpdate(taskId).orElseThrow(() -> new NotFoundException("Task"));
        projects.requireWork(scopeOf(task));
        if (task.getVersion() != seenVersion) {
            throw new StaleDataException("Task");
        }
        if (!task.isAdHoc()) {
            throw new InvalidInputException(List.of(FieldProblem.of("task", "task.error.process-step")));
        }
        return task;
    }

    /** The discussion on a task, oldest first. */
    @Transactional(readOnly = true)
    public List<TaskComment> comments(UUID taskId) {
        requireTask(taskId);
        return comments.findByTaskIdOrderByCreatedAtAsc(taskId).stream()
                .map(c -> new TaskComment(c.getId(), c.getTaskId(), c.getAuthor(), staff.displayName(c.getAuthor()),
                        c.getBody(), c.getCreatedAt()))
                .toList();
    }

    /** @throws InvalidInputException when the comment is empty or longer than {@link TaskRules#COMMENT_MAX} */
    @Transactional
    public TaskComment comment(UUID taskId, String text) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = requireWorkTask(taskId);
        InvalidInputException.throwIfAny(TaskRules.checkComment(text));
        TaskCommentEntity saved = comments.save(new TaskCommentEntity(taskId, user.username(), clean(text),
                clock.instant()));
        events.publishEvent(new WorkTaskChanged(taskId, task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.COMMENTED, null, user.username()));
        return new TaskComment(saved.getId(), taskId, user.username(), staff.displayName(user.username()),
                saved.getBody(), saved.getCreatedAt());
    }

    /** Time booked on a task, newest day first. */
    @Transactional(readOnly = true)
    public List<TimeEntry> timeEntries(UUID taskId) {
        requireTask(taskId);
        return timeEntries.findByTaskIdOrderByWorkDateDescCreatedAtDesc(taskId).stream().map(this::toRecord)
                .toList();
    }

    /**
     * Books the current user's time on a task, also after it is done (time is often booked later).
     *
     * @throws InvalidInputException when hours, date or note are wrong; nothing is saved
     */
    @Transactional
    public TimeEntry bookTime(UUID taskId, TimeEntryDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        WorkTaskEntity task = requireWorkTask(taskId);
        InvalidInputException.throwIfAny(TaskRules.check(draft, LocalDate.now(clock)));
        TimeEntryEntity saved = timeEntries.save(new TimeEntryEntity(taskId, task.getClientId(), user.username(),
                draft.workDate(), TaskRules.minutes(draft.hours()), draft.billable(), clean(draft.note()),
                clock.instant()));
        events.publishEvent(new WorkTaskChanged(taskId, task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.TIME_BOOKED, null, user.username()));
        return toRecord(saved);
    }

    /**
     * Corrects booked time. Staff change their own entries while the month they were booked for is the current
     * one (and keep them in it); managers and admins change any entry.
     *
     * @param seenVersion the {@link TimeEntry#version()} the user saw
     * @throws InvalidInputException when hours, date or note are wrong, or the month is closed for the user
     * @throws io.clientspace.shared.NoAccessException when it is someone else's entry and the user is not a manager
     * @throws StaleDataException    when someone changed or deleted the entry since the user saw it
     */
    @Transactional
    public TimeEntry editTime(UUID entryId, long seenVersion, TimeEntryDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        TimeEntryEntity entry = changeableEntry(entryId, seenVersion, user);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>(TaskRules.check(draft, today));
        if (draft.workDate() != null && !user.seesAllClients()
                && !YearMonth.from(draft.workDate()).equals(YearMonth.from(today))) {
            problems.add(FieldProblem.of("workDate", "time.error.other-month"));
        }
        InvalidInputException.throwIfAny(problems);
        WorkTaskEntity task = requireWorkTask(entry.getTaskId());
        entry.change(draft.workDate(), TaskRules.minutes(draft.hours()), draft.billable(), clean(draft.note()),
                clock.instant());
        try {
            timeEntries.saveAndFlush(entry);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Time entry");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.TIME_BOOKED, null, user.username()));
        return toRecord(entry);
    }

    /**
     * Deletes booked time, under the same rule as {@link #editTime}.
     *
     * @throws StaleDataException when someone changed or deleted the entry since the user saw it
     */
    @Transactional
    public void deleteTime(UUID entryId, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        TimeEntryEntity entry = changeableEntry(entryId, seenVersion, user);
        WorkTaskEntity task = requireWorkTask(entry.getTaskId());
        try {
            timeEntries.delete(entry);
            timeEntries.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Time entry");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.TIME_BOOKED, null, user.username()));
    }

    private TimeEntryEntity changeableEntry(UUID entryId, long seenVersion, CurrentUser user) {
        TimeEntryEntity entry = timeEntries.findById(entryId).orElseThrow(() -> new StaleDataException("Time entry"));
        requireWorkTask(entry.getTaskId());
        String problem = TaskRules.timeChangeProblem(user.username(), user.seesAllClients(), entry.getStaff(),
                entry.getWorkDate(), LocalDate.now(clock));
        if (TaskRules.NOT_YOURS.equals(problem)) {
            throw new io.clientspace.shared.NoAccessException("Only your own time entries",
                    staff.displayName(entry.getStaff()));
        }
        if (problem != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("time", problem)));
        }
        if (entry.getVersion() != seenVersion) {
            throw new StaleDataException("Time entry");
        }
        return entry;
    }

    // ---------------------------------------------------------------------------------------- customer reads

    /**
     * The tasks of one of the client's shared projects, when the project shows its tasks: open ones first, then in
     * progress, done and cancelled, each by title.
     *
     * @throws NotFoundException when the project is not the client's, not shared, or does not show its tasks
     */
    @Transactional(readOnly = true)
    public List<CustomerTask> visibleToCustomer(UUID clientId, UUID projectId) {
        if (!projects.sharedProject(clientId, projectId).tasksVisible()) {
            throw new NotFoundException("Project tasks");
        }
        return tasks.allInProject(clientId, projectId).stream()
                .map(t -> new CustomerTask(t.getId(), t.getTitle(),
                        t.getAssignee() == null ? null : staff.displayName(t.getAssignee()), customerStatus(t)))
                .sorted(Comparator.comparing(CustomerTask::status)
                        .thenComparing(CustomerTask::title, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Hours booked on one of the client's shared projects.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public ProjectHours hoursForCustomer(UUID clientId, UUID projectId) {
        projects.sharedProject(clientId, projectId);
        Object[] row = timeEntries.minutesInProject(clientId, projectId).get(0);
        return new ProjectHours(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static CustomerTask.Status customerStatus(WorkTaskEntity t) {
        if (t.isCancelled()) {
            return CustomerTask.Status.CANCELLED;
        }
        if (t.isOpen()) {
            return t.getAssignee() == null ? CustomerTask.Status.OPEN : CustomerTask.Status.IN_PROGRESS;
        }
        return t.getCompletedBy() == null ? CustomerTask.Status.CANCELLED : CustomerTask.Status.DONE;
    }

    // ---------------------------------------------------------------------------------------- engine mirroring

    @EventListener
    void on(DealStepOpened event) {
        tasks.save(WorkTaskEntity.fromProcess(event.clientId(), event.dealId(), event.dealTitle(),
                event.engineTaskId(), event.processStep(), event.assignee(), event.due(), clock.instant()));
    }

    @EventListener
    void on(DealStepAssigned event) {
        tasks.findByEngineTaskId(event.engineTaskId()).ifPresent(t -> t.assign(event.assignee()));
    }

    @EventListener
    void on(DealStepUpdated event) {
        tasks.findByEngineTaskId(event.engineTaskId()).ifPresent(t -> t.followDeal(event.dealTitle(), event.due()));
    }

    @EventListener
    void on(DealStepClosed event) {
        tasks.findByEngineTaskId(event.engineTaskId()).ifPresent(t -> t.complete(clock.instant()));
    }

    // ------------------------------------------------------------------ steps of other modules' processes

    /**
     * The engine opened a user task of another module's process: our row for it, so "My tasks" and the counters
     * list it like a deal's stage. Called by that module's task listener inside the engine's transaction.
     */
    public void processStepOpened(ProcessStep step) {
        WorkTaskEntity t = WorkTaskEntity.fromProcess(step.clientId(), null, step.title(), step.engineTaskId(),
                step.processStep(), step.assignee(), step.due(), clock.instant());
        if (step.link() != null) {
            t.placeStep(step.projectId(), step.link());
        }
        tasks.save(t);
    }

    /** The process step got a new assignee (null: nobody), also when someone reassigned it in Camunda Tasklist. */
    public void processStepAssigned(String engineTaskId, String assignee) {
        tasks.findByEngineTaskId(engineTaskId).ifPresent(t -> t.assign(assignee));
    }

    /** The process step was completed or cancelled in the engine. */
    public void processStepClosed(String engineTaskId) {
        tasks.findByEngineTaskId(engineTaskId).ifPresent(t -> t.complete(clock.instant()));
    }

    /** A process step of a module that cannot call this service directly (see {@link ProcessTaskChanged}). */
    @EventListener
    void on(ProcessTaskChanged e) {
        switch (e.change()) {
            case OPENED -> processStepOpened(new ProcessStep(e.clientId(), null, e.title(), e.engineTaskId(),
                    e.processStep(), e.assignee(), e.due()));
            case ASSIGNED -> processStepAssigned(e.engineTaskId(), e.assignee());
            case CLOSED -> processStepClosed(e.engineTaskId());
        }
    }

    /**
     * A task a process hands to the team (after a customer accepted a proposal, say): an ad-hoc task on the client,
     * done like any other. Nobody signed in creates it, so there is no permission check; an assignee who cannot open
     * the client is left out and the task goes to the work group's "unassigned" list.
     */
    @Transactional
    @ProcessOnly("process listeners that open a task")
    public UUID createForProcess(UUID clientId, String title, String description, String assignee, LocalDate due) {
        // nobody is signed in as staff here (the customer's answer moved the process): the work group's rule by hand
        String owner = clients.refForNotification(clientId).map(ClientRef::owner).orElse(null);
        String to = assignee == null ? null : staff.find(assignee).filter(m -> m.username().equals(owner)
                || m.roles().contains(Roles.ADMIN)
                || m.roles().contains(Roles.MANAGER))
                .map(StaffMember::username).orElse(null);
        WorkTaskEntity task = WorkTaskEntity.adHoc(clientId, null, title, description, to, due,
                TaskPriority.HIGH.name(), null, clock.instant());
        tasks.saveAndFlush(task);
        Map<String, Object> variables = new HashMap<>();
        variables.put(AdHocTaskProcess.VAR_WORK_TASK_ID, task.getId().toString());
        variables.put(AdHocTaskProcess.VAR_ASSIGNEE, to);
        variables.put(AdHocTaskProcess.VAR_DUE, toDate(due));
        variables.put(AdHocTaskProcess.VAR_PRIORITY, enginePriority(TaskPriority.HIGH));
        runtime.startProcessInstanceByKey(AdHocTaskProcess.PROCESS_ID, task.getId().toString(), variables);
        events.publishEvent(new WorkTaskChanged(task.getId(), clientId, null, task.getTitle(),
                WorkTaskChanged.Change.CREATED, to, null));
        return task.getId();
    }

    /**
     * Someone left a project's work group: their open tasks there go back to the work group's "unassigned" list, as
     * they can no longer open them. Runs in the transaction of the change, as the person who made it.
     */
    @EventListener
    void on(ProjectChanged event) {
        if (event.change() != ProjectChanged.Change.MEMBER_REMOVED) {
            return;
        }
        WorkScope scope = WorkScope.project(event.clientId(), event.projectId());
        if (canWorkOn(scope, event.detail())) {
            return;
        }
        CurrentUser user = currentUser.requireStaff();
        for (WorkTaskEntity task : tasks.openByProject(event.projectId())) {
            if (event.detail().equals(task.getAssignee())) {
                reassign(task, null, user);
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private WorkTask reassign(WorkTaskEntity task, String to, CurrentUser user) {
        task.assign(to);
        try {
            tasks.saveAndFlush(task);
            engineTasks.setAssignee(task.getEngineTaskId(), to);
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockingException e) {
            throw new StaleDataException("Task");
        }
        events.publishEvent(new WorkTaskChanged(task.getId(), task.getClientId(), task.getProjectId(), task.getTitle(),
                WorkTaskChanged.Change.ASSIGNED, to, user.username()));
        return get(task.getId());
    }

    /**
     * A handover's preview of the colleague's open tasks: each goes to the successor when they can work in its place
     * after the handover, otherwise back to nobody (the queue), so that no task stays with a deactivated colleague.
     */
    @Transactional(readOnly = true)
    public List<io.clientspace.shared.HandoverLine> handoverPreview(io.clientspace.shared.Handover handover) {
        currentUser.requireAdmin();
        List<WorkTaskEntity> open = tasks.findOpenAssignedTo(handover.from());
        var names = clients.refs(open.stream().map(WorkTaskEntity::getClientId).distinct().toList());
        return open.stream().map(t -> new io.clientspace.shared.HandoverLine("handover.kind.task", t.getId(),
                t.getTitle(), names.containsKey(t.getClientId()) ? names.get(t.getClientId()).name() : "",
                successorCanWorkOn(handover, t) ? io.clientspace.shared.HandoverLine.Outcome.MOVES
                        : io.clientspace.shared.HandoverLine.Outcome.UNASSIGNED)).toList();
    }

    /** Gives the colleague's open tasks to the successor, or back to nobody where the successor cannot open them. */
    @Transactional
    public void handOver(io.clientspace.shared.Handover handover) {
        CurrentUser user = currentUser.requireAdmin();
        for (WorkTaskEntity task : tasks.findOpenAssignedTo(handover.from())) {
            reassign(task, successorCanWorkOn(handover, task) ? handover.to() : null, user);
        }
    }

    private boolean successorCanWorkOn(io.clientspace.shared.Handover handover, WorkTaskEntity task) {
        return handover.clientsMoving().contains(task.getClientId()) || canWorkOn(scopeOf(task), handover.to());
    }


    private boolean canWorkOn(WorkScope scope, String username) {
        return projects.workGroup(scope).stream().anyMatch(m -> m.username().equals(username));
    }

    private static WorkScope scopeOf(WorkTaskEntity task) {
        return new WorkScope(task.getClientId(), task.getProjectId());
    }

    private WorkTaskEntity requireTask(UUID taskId) {
        WorkTaskEntity task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("Task"));
        projects.requireAccess(scopeOf(task));
        return task;
    }

    /** A task the user may work on: editor or above in its place (see ProjectService#may). */
    private WorkTaskEntity requireWorkTask(UUID taskId) {
        WorkTaskEntity task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("Task"));
        projects.requireWork(scopeOf(task));
        return task;
    }

    private WorkTaskEntity requireOpen(UUID taskId) {
        WorkTaskEntity task = requireWorkTask(taskId);
        if (!task.isOpen()) {
            throw new InvalidInputException(List.of(FieldProblem.of("task", "task.error.done")));
        }
        return task;
    }

    private List<WorkTask> toRecords(List<WorkTaskEntity> rows) {
        Set<WorkScope> places = rows.stream().map(WorkTaskService::scopeOf).collect(Collectors.toSet());
        Map<WorkScope, PlaceRef> refs = projects.places(places);
        LocalDate today = LocalDate.now(clock);
        return rows.stream()
                .filter(t -> refs.containsKey(scopeOf(t)))
                .map(t -> {
                    PlaceRef place = refs.get(scopeOf(t));
                    return new WorkTask(t.getId(), t.getClientId(), t.getProjectId(), place.label(), place.path(),
                            t.getTitle(), t.getDescription(), t.getProcessStep(), t.getDealId(), t.getAssignee(),
                            t.getAssignee() == null ? null : staff.displayName(t.getAssignee()), t.getDueDate(),
                            TaskPriority.valueOf(t.getPriority()),
                            t.isOpen() && t.getDueDate() != null && t.getDueDate().isBefore(today), !t.isOpen(),
                            t.getVersion(), t.getCompletedAt(), finishedBy(t), t.isCancelled(), t.getCancelReason(),
                            t.getLink());
                })
                .toList();
    }

    private String finishedBy(WorkTaskEntity t) {
        String by = t.isCancelled() ? t.getCancelledBy() : t.getCompletedBy();
        return by == null ? null : staff.displayName(by);
    }

    private TimeEntry toRecord(TimeEntryEntity e) {
        CurrentUser user = currentUser.requireStaff();
        return new TimeEntry(e.getId(), e.getTaskId(), e.getStaff(), staff.displayName(e.getStaff()),
                e.getWorkDate(), e.getMinutes(), e.isBillable(), e.getNote(),
                TaskRules.timeChangeProblem(user.username(), user.seesAllClients(), e.getStaff(), e.getWorkDate(),
                        LocalDate.now(clock)) == null, e.getVersion());
    }

    private static LocalDate endOfWeek(LocalDate today) {
        return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    private Date toDate(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }

    /** Camunda's scale: 50 is normal. */
    static int enginePriority(TaskPriority priority) {
        return switch (priority) {
            case LOW -> 25;
            case NORMAL -> 50;
            case HIGH -> 75;
            case URGENT -> 100;
        };
    }
}
