package io.clientspace.deal;

import io.clientspace.shared.ProcessOnly;
import org.camunda.bpm.engine.ManagementService;
import io.clientspace.security.StaffMember;
import java.util.Collection;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import io.clientspace.deal.domain.DealEntity;
import io.clientspace.deal.domain.DealRepository;
import io.clientspace.deal.process.DealStagesProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import io.clientspace.deal.process.NewDeal;
import io.clientspace.deal.process.StageMoveNote;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals on a client, each run by the deal-stages process. Creating a deal starts the process in the same
 * transaction; moving it on completes the stage's user task. Only the deal's owner, an admin or a manager moves a
 * deal, and only on a client the user may see.
 */
@Service
public class DealService {

    /** The workspace's deal list shows at most this many, newest first; the counter stays exact. */
    public static final int LIST_LIMIT = 500;

    private final DealRepository deals;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final DealStages stages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final io.clientspace.project.ProjectService projects;

    DealService(DealRepository deals, ClientService clients, CurrentUserProvider currentUser, StaffDirectory staff,
                RuntimeService runtime, TaskService tasks, ManagementService management, DealStages stages,
                ApplicationEventPublisher events, Clock clock, io.clientspace.project.ProjectService projects) {
        this.projects = projects;
        this.deals = deals;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The client's deals, newest first, at most {@link #LIST_LIMIT}, with the current stage of open deals read from
     * the engine.
     */
    @Transactional(readOnly = true)
    public List<Deal> forClient(UUID clientId) {
        requireClient(clientId);
        boolean amounts = clients.seesAmounts(clientId);
        List<DealEntity> rows = deals.findByClientIdOrderByCreatedAtDesc(clientId,
                PageRequest.of(0, LIST_LIMIT));
        Map<String, Position> engineStages = openStagesFromEngine(rows);
        return rows.stream().map(d -> toDeal(d, engineStages.getOrDefault(d.getId().toString(), positionOf(d))))
                .map(d -> amounts ? d : d.withoutAmount()).toList();
    }

    /**
     * The deals in the scope, newest first, at most {@link #LIST_LIMIT}: a client's scope holds all its deals, its
     * projects' too; a project's only its own. A member in the project's work group who may not open the client sees
     * the project's deals and no others.
     */
    @Transactional(readOnly = true)
    public List<Deal> in(io.clientspace.shared.WorkScope scope) {
        if (!scope.isProject()) {
            return forClient(scope.clientId());
        }
        projects.requireAccess(scope);
        boolean amounts = projects.seesAmounts(scope);
        List<DealEntity> rows = deals.findByProjectIdOrderByCreatedAtDesc(scope.projectId(),
                PageRequest.of(0, LIST_LIMIT));
        Map<String, Position> engineStages = openStagesFromEngine(rows);
        return rows.stream().map(d -> toDeal(d, engineStages.getOrDefault(d.getId().toString(), positionOf(d))))
                .map(d -> amounts ? d : d.withoutAmount()).toList();
    }

    /** Open deals in the scope: the Deals tab's counter. One indexed count. */
    @Transactional(readOnly = true)
    public long countOpenIn(io.clientspace.shared.WorkScope scope) {
        if (!scope.isProject()) {
            return countOpenForClient(scope.clientId());
        }
        projects.requireAccess(scope);
        return deals.countByProjectIdAndClosedAtIsNull(scope.projectId());
    }

    /**
     * One page of the deals in the scope that the filter picks out, newest first, with the current stage of open deals
     * read from the engine: what the Deals tab's grid fetches as the user scrolls, so no list is held whole on the
     * server (DD039). A client's scope holds its projects' deals too; a project's only its own.
     *
     * @throws NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public List<Deal> page(io.clientspace.shared.WorkScope scope, DealFilter filter, int offset, int limit) {
        return pageIn(scope, filter, offset, limit, requireScope(scope));
    }

    /**
     * The scope's deals counted, and the first {@code limit} rows of the list the filter picks out with its length:
     * what the Deals tab loads (off the UI thread) when it opens; {@link #page} fetches the rest as the user scrolls.
     *
     * @throws NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public DealList firstPage(io.clientspace.shared.WorkScope scope, DealFilter filter, int limit) {
        boolean amounts = requireScope(scope);
        DealCounts counts = countsIn(scope);
        long length = DealCounts.counts(filter) ? counts.of(filter.show())
                : deals.listCount(scope.clientId(), scope.projectId(), filter);
        return new DealList(counts, filter, length,
                length == 0 ? List.of() : pageIn(scope, filter, 0, limit, amounts));
    }

    private List<Deal> pageIn(io.clientspace.shared.WorkScope scope, DealFilter filter, int offset, int limit,
                              boolean amounts) {
        List<DealEntity> rows = deals.listPage(scope.clientId(), scope.projectId(), filter, offset, limit);
        Map<String, Position> engineStages = openStagesFromEngine(rows);
        return rows.stream().map(d -> toDeal(d, engineStages.getOrDefault(d.getId().toString(), positionOf(d))))
                .map(d -> amounts ? d : d.withoutAmount()).toList();
    }

    /** How many deals {@link #page} pages through. One indexed count. */
    @Transactional(readOnly = true)
    public long count(io.clientspace.shared.WorkScope scope, DealFilter filter) {
        requireScope(scope);
        return deals.listCount(scope.clientId(), scope.projectId(), filter);
    }

    /** The scope's deals counted open, won and lost, with what tells a changed list apart. One grouped query. */
    @Transactional(readOnly = true)
    public DealCounts counts(io.clientspace.shared.WorkScope scope) {
        requireScope(scope);
        return countsIn(scope);
    }

    private DealCounts countsIn(io.clientspace.shared.WorkScope scope) {
        long open = 0;
        long won = 0;
        long lost = 0;
        long versions = 0;
        for (Object[] row : deals.stageCounts(scope.clientId(), scope.projectId())) {
            DealStage stage = (DealStage) row[0];
            long all = ((Number) row[1]).longValue();
            long openHere = ((Number) row[2]).longValue();
            open += openHere;
            if (DealStage.WON.equals(stage)) {
                won += all - openHere;
            } else if (DealStage.LOST.equals(stage)) {
                lost += all - openHere;
            }
            versions += ((Number) row[3]).longValue();
        }
        return new DealCounts(open, won, lost, versions);
    }

    /** Checks that the user may open the scope; whether they see the deals' amounts there. */
    private boolean requireScope(io.clientspace.shared.WorkScope scope) {
        if (scope.isProject()) {
            projects.requireAccess(scope);
            return projects.seesAmounts(scope);
        }
        requireClient(scope.clientId());
        return clients.seesAmounts(scope.clientId());
    }

    /** Whom the current user may make owner of a deal in the scope; see {@link #possibleOwners(UUID)}. */
    @Transactional(readOnly = true)
    public List<StaffMember> possibleOwners(io.clientspace.shared.WorkScope scope) {
        CurrentUser user = currentUser.requireStaff();
        return projects.workGroup(scope).stream()
                .filter(m -> user.seesAllClients() || m.username().equals(user.username()))
                .toList();
    }

    /**
     * Moves the deal to another project of the same client, or to the client as a whole ({@code projectId} null); the
     * move is recorded on the timeline. Moving it where it is changes nothing.
     *
     * @throws InvalidInputException when the project is another client's (field "project")
     * @throws StaleDataException    when someone changed the deal since {@code seenVersion}
     * @throws NoAccessException     unless the user owns the deal or is an admin or manager
     */
    @Transactional
    public Deal moveToProject(UUID dealId, long seenVersion, UUID projectId) {
        CurrentUser user = currentUser.requireStaff();
        DealEntity deal = lockedDealToChange(dealId, user, seenVersion);
        if (java.util.Objects.equals(deal.getProjectId(), projectId)) {
            return get(dealId);
        }
        String to = projectName(deal.getClientId(), projectId);
        String from = deal.getProjectId() == null ? "–" : projects.get(deal.getProjectId()).name();
        deal.setProjectId(projectId);
        deal.setUpdatedAt(clock.instant());
        deals.flush();
        events.publishEvent(new io.clientspace.shared.ActivityRecorded(deal.getClientId(), projectId,
                user.username(), "DEAL_PROJECT_CHANGED", deal.getId(), deal.getTitle(), from + " → " + to));
        return get(dealId);
    }

    /** The project's name, if it is the client's and the user may open it; "–" for none. */
    private String projectName(UUID clientId, UUID projectId) {
        if (projectId == null) {
            return "–";
        }
        var project = projects.get(projectId);
        if (!project.clientId().equals(clientId)) {
            throw new InvalidInputException(List.of(FieldProblem.of("project", "deal.error.project-other-client")));
        }
        return project.name();
    }

    /**
     * Stalled deals and deals without a next step on each of the clients the current user may see; clients they may
     * not see are left out. One grouped query.
     */
    @Transactional(readOnly = true)
    public Map<UUID, DealAttention> attention(Collection<UUID> clientIds) {
        var visible = clients.refs(clientIds).keySet();
        Map<UUID, DealAttention> result = new HashMap<>();
        if (!visible.isEmpty()) {
            for (Object[] row : deals.attention(visible)) {
                result.put((UUID) row[0], new DealAttention(((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue()));
            }
        }
        return result;
    }

    /**
     * Stalled deals and deals without a next step in the scope: for a project, its own deals only (its checklist,
     * DD032); for a client, all of them. One query.
     *
     * @throws NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public DealAttention attention(io.clientspace.shared.WorkScope scope) {
        projects.requireAccess(scope);
        if (!scope.isProject()) {
            return attention(java.util.Set.of(scope.clientId())).getOrDefault(scope.clientId(), DealAttention.NONE);
        }
        Object[] row = deals.projectAttention(scope.projectId()).stream().findFirst().orElse(null);
        return row == null ? DealAttention.NONE : new DealAttention(count(row[0]), count(row[1]));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /** How many deals the client has; one indexed count. */
    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        requireClient(clientId);
        return deals.countByClientId(clientId);
    }

    /** How many open deals the client has: the Deals tab's counter. One indexed count. */
    @Transactional(readOnly = true)
    public long countOpenForClient(UUID clientId) {
        requireClient(clientId);
        return deals.countByClientIdAndClosedAtIsNull(clientId);
    }

    @Transactional(readOnly = true)
    public Deal get(UUID dealId) {
        DealEntity deal = deals.findById(dealId).orElseThrow(() -> new NotFoundException("Deal"));
        requireDeal(deal);
        Deal d = toDeal(deal, currentStage(deal));
        return seesAmountOf(deal) ? d : d.withoutAmount();
    }

    /** A viewer of the deal's client (or project) reads its amount only if the firm lets viewers see amounts. */
    private boolean seesAmountOf(DealEntity deal) {
        return deal.getProjectId() == null ? clients.seesAmounts(deal.getClientId())
                : projects.seesAmounts(io.clientspace.shared.WorkScope.project(deal.getClientId(),
                deal.getProjectId()));
    }

    /**
     * Whom the current user may make owner of a deal on the client: admins, managers and the client's owner, as only
     * they can open it. Members may only make themselves owner.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> possibleOwners(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        return clients.workGroup(clientId).stream()
                .filter(m -> user.seesAllClients() || m.username().equals(user.username()))
                .toList();
    }

    /**
     * Creates a deal on the client and starts its deal-stages process; the deal is linked to the client here, not
     * by the caller's form.
     *
     * @throws InvalidInputException when a field is wrong; nothing is saved and no process starts
     */
    @Transactional
    public Deal create(UUID clientId, DealDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        UUID projectId = draft.getProjectId();
        if (projectId != null) {
            // a project of another client is refused, whatever the form sent
            projectName(clientId, projectId);
        }
        // a deal is work on the client: an editor or above (the README's matrix); a viewer reads the deals. Who may
        // own a deal here is the scope's work group, the same rule tasks use; on a client both come from one read
        Predicate<String> inWorkGroup;
        if (projectId == null) {
            inWorkGroup = clients.requireAndWorkGroup(clientId, io.clientspace.client.ClientAction.WORK);
        } else {
            var scope = io.clientspace.shared.WorkScope.project(clientId, projectId);
            projects.requireWork(scope);
            inWorkGroup = member(projects.workGroup(scope));
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>(DealRules.check(draft, today));
        String owner = clean(draft.getOwner());
        problems.addAll(ownerProblems(owner, user, inWorkGroup));
        InvalidInputException.throwIfAny(problems);

        DealEntity deal = new DealEntity(UUID.randomUUID(), clientId, stages.first(), clock.instant());
        deal.setProjectId(projectId);
        deal.setTitle(clean(draft.getTitle()));
        deal.setAmount(draft.getAmount().setScale(2, RoundingMode.UNNECESSARY));
        deal.setCurrency(draft.getCurrency());
        deal.setExpectedClose(draft.getExpectedClose());
        deal.setOwner(owner);
        deal.setNextStep(clean(draft.getNextStep()));
        deal.setNextStepDue(draft.getNextStepDue());
        // not persisted yet: the stage listener persists it with its first stage and process instance id, so the
        // row goes in with one INSERT (persisted here, the listener's changes cost an UPDATE at the flush)
        if (!NewDeal.hold(deal)) {
            deals.save(deal);
        }

        Map<String, Object> variables = new HashMap<>();
        variables.put(DealStagesProcess.VAR_DEAL_ID, deal.getId().toString());
        variables.put(DealStagesProcess.VAR_OWNER, owner);
        variables.put(DealStagesProcess.VAR_NEXT_STEP_DUE, toDate(draft.getNextStepDue()));
        ProcessInstance instance;
        try {
            instance = runtime.startProcessInstanceByKey(DealStagesProcess.PROCESS_ID, deal.getId().toString(),
                    variables);
            deal.setProcessInstanceId(instance.getId());
            // a model whose first task has no stage listener: nobody took the deal, and it must still be saved
            NewDeal.take(deal.getId()).ifPresent(deals::save);
            // the version the caller gets must be the one an edit will find: the flush writes the row (it would at
            // commit anyway) and leaves its version on the entity, so no query reads it back
            deals.flush();
        } catch (RuntimeException e) {
            // an admin's or a manager's check read no client (requireAndWorkGroup): the deal row's foreign key is what
            // refuses one that is not there, and the whole transaction, engine rows included, rolls back
            if (ClientService.isMissingClient(e)) {
                throw new NotFoundException("Client");
            }
            throw e;
        }
        DealStage first = deal.getStage();
        return toDeal(deal, new Position(first, stages.previous(instance.getProcessDefinitionId(), first)
                .orElse(null), stages.next(instance.getProcessDefinitionId(), first).orElse(null)));
    }

    private static Predicate<String> member(List<StaffMember> workGroup) {
        return username -> workGroup.stream().anyMatch(m -> m.username().equals(username));
    }

    private List<FieldProblem> ownerProblems(String owner, CurrentUser user, Predicate<String> inWorkGroup) {
        var ownerMember = owner == null ? null
                : staff.assignable().stream().filter(m -> m.username().equals(owner)).findFirst().orElse(null);
        if (owner != null && ownerMember == null) {
            return List.of(FieldProblem.of("owner", "deal.error.owner-unknown"));
        } else if (owner != null && !user.seesAllClients() && !owner.equals(user.username())) {
            return List.of(FieldProblem.of("owner", "deal.error.owner-self-only"));
        } else if (ownerMember != null && !inWorkGroup.test(owner)) {
            // a member sees only their own clients: they could never open the deal they were given
            return List.of(FieldProblem.of("owner", "deal.error.owner-cannot-see-client", ownerMember.displayName()));
        }
        return List.of();
    }

    /**
     * Changes a deal's fields in place, without moving its stage: title, value, currency, expected close, owner, and
     * for an open deal its next step and due date (the stage's task in the engine follows the owner and the due
     * date). Saving what is already saved changes nothing and records nothing.
     *
     * @param seenVersion the {@link Deal#version()} the user's form was filled from
     * @throws InvalidInputException when a field is wrong; nothing is saved
     * @throws NoAccessException     unless the user owns the deal or is an admin or manager
     * @throws StaleDataException    when someone changed or moved the deal since the user opened the form
     */
    @Transactional
    public Deal edit(UUID dealId, long seenVersion, DealDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        DealEntity deal = lockedDealToChange(dealId, user, seenVersion);
        boolean open = deal.getClosedAt() == null;
        List<FieldProblem> problems = new ArrayList<>(DealRules.checkEdit(draft, deal.getExpectedClose(),
                deal.getNextStepDue(), open, LocalDate.now(clock)));
        String owner = clean(draft.getOwner());
        if (!Objects.equals(owner, deal.getOwner())) {
            problems.addAll(ownerProblems(owner, user, member(clients.workGroup(deal.getClientId()))));
        }
        InvalidInputException.throwIfAny(problems);

        String title = clean(draft.getTitle());
        var amount = draft.getAmount().setScale(2, RoundingMode.UNNECESSARY);
        String nextStep = open ? clean(draft.getNextStep()) : deal.getNextStep();
        LocalDate due = open ? draft.getNextStepDue() : deal.getNextStepDue();
        List<String> changed = new ArrayList<>();
        if (!title.equals(deal.getTitle())) {
            changed.add("title");
        }
        if (amount.compareTo(deal.getAmount()) != 0) {
            changed.add("amount");
        }
        if (!draft.getCurrency().equals(deal.getCurrency())) {
            changed.add("currency");
        }
        if (!draft.getExpectedClose().equals(deal.getExpectedClose())) {
            changed.add("expectedClose");
        }
        if (!owner.equals(deal.getOwner())) {
            changed.add("owner");
        }
        if (!Objects.equals(nextStep, deal.getNextStep())) {
            changed.add("nextStep");
        }
        if (!Objects.equals(due, deal.getNextStepDue())) {
            changed.add("nextStepDue");
        }
        if (changed.isEmpty()) {
            return toDeal(deal, currentStage(deal));
        }
        deal.setTitle(title);
        deal.setAmount(amount);
        deal.setCurrency(draft.getCurrency());
        deal.setExpectedClose(draft.getExpectedClose());
        deal.setOwner(owner);
        deal.setNextStep(nextStep);
        deal.setNextStepDue(due);
        deal.setUpdatedAt(clock.instant());
        if (open) {
            followInEngine(deal, changed);
        }
        try {
            deals.saveAndFlush(deal);
        } catch (ObjectOptimisticLockingFailureException | OptimisticLockingException e) {
            throw new StaleDataException("Deal");
        }
        events.publishEvent(new DealEdited(deal.getId(), deal.getClientId(), deal.getTitle(), List.copyOf(changed),
                user.username()));
        return toDeal(deal, currentStage(deal));
    }

    /**
     * A handover's preview of the colleague's open deals: each moves when the successor can open its client after
     * the handover; otherwise the handover is refused (a deal must have an owner who can open it).
     */
    @Transactional(readOnly = true)
    public List<io.clientspace.shared.HandoverLine> handoverPreview(io.clientspace.shared.Handover handover) {
        currentUser.requireAdmin();
        var names = clients.refs(deals.findOpenOwnedBy(handover.from()).stream().map(DealEntity::getClientId)
                .distinct().toList());
        return deals.findOpenOwnedBy(handover.from()).stream().map(d -> new io.clientspace.shared.HandoverLine(
                "handover.kind.deal", d.getId(), d.getTitle(),
                names.containsKey(d.getClientId()) ? names.get(d.getClientId()).name() : "",
                successorCanOpen(handover, d) ? io.clientspace.shared.HandoverLine.Outcome.MOVES
                        : io.clientspace.shared.HandoverLine.Outcome.BLOCKED)).toList();
    }

    /** Gives every open deal of the departing colleague to the successor; the stage task follows in the engine. */
    @Transactional
    public void handOver(io.clientspace.shared.Handover handover) {
        CurrentUser user = currentUser.requireAdmin();
        for (DealEntity deal : deals.findOpenOwnedBy(handover.from())) {
            if (!successorCanOpen(handover, deal)) {
                throw new InvalidInputException(List.of(FieldProblem.of("successor",
                        "colleagues.error.successor-cannot-open", deal.getTitle())));
            }
            deal.setOwner(handover.to());
            deal.setUpdatedAt(clock.instant());
            followInEngine(deal, List.of("owner"));
            deals.saveAndFlush(deal);
            events.publishEvent(new DealEdited(deal.getId(), deal.getClientId(), deal.getTitle(), List.of("owner"),
                    user.username()));
        }
    }

    private boolean successorCanOpen(io.clientspace.shared.Handover handover, DealEntity deal) {
        return handover.clientsMoving().contains(deal.getClientId()) || clients.workGroup(deal.getClientId())
                .stream().anyMatch(m -> m.username().equals(handover.to()));
    }


    /** The stage's task carries the owner and the due date; the task module's row carries the title too. */
    private void followInEngine(DealEntity deal, List<String> changed) {
        Task task = activeStageTask(deal.getId());
        if (task == null) {
            return;
        }
        if (changed.contains("owner")) {
            runtime.setVariable(task.getProcessInstanceId(), DealStagesProcess.VAR_OWNER, deal.getOwner());
            // the stage listener reports the new assignee to the task module
            tasks.setAssignee(task.getId(), deal.getOwner());
        }
        if (changed.contains("nextStepDue")) {
            runtime.setVariable(task.getProcessInstanceId(), DealStagesProcess.VAR_NEXT_STEP_DUE,
                    toDate(deal.getNextStepDue()));
            task.setDueDate(toDate(deal.getNextStepDue()));
            tasks.saveTask(task);
        }
        if (changed.contains("title") || changed.contains("nextStepDue")) {
            events.publishEvent(new DealStepUpdated(task.getId(), deal.getTitle(), deal.getNextStepDue()));
        }
    }

    /**
     * Moves an open deal back to the stage before the one the user saw it in, with a reason: the model's
     * DealMovedBack message cancels the stage's task and opens the previous stage again.
     *
     * @throws InvalidInputException when the reason is missing or too long, or the deal is in its first stage or
     *                               closed; nothing changes
     * @throws NoAccessException     unless the user owns the deal or is an admin or manager
     * @throws StaleDataException    when the deal moved since the user saw it
     */
    @Transactional
    public Deal moveBack(UUID dealId, DealStage seenStage, String reason) {
        CurrentUser user = currentUser.requireStaff();
        DealEntity deal = lockedDealToChange(dealId, user);
        Task task = activeStageTask(dealId);
        Position at = task == null ? positionOf(deal) : position(task);
        if (!at.stage().equals(seenStage)) {
            throw new StaleDataException("Deal");
        }
        InvalidInputException.throwIfAny(DealRules.checkBack(at.stage(), at.previous(), reason));
        StageMoveNote.leave(dealId, new StageMoveNote(DealStageChanged.Move.BACK, clean(reason)));
        try {
            runtime.createMessageCorrelation(DealStagesProcess.MSG_MOVED_BACK)
                    .processInstanceId(task.getProcessInstanceId())
                    .setVariable(DealStagesProcess.VAR_MOVED_BACK_REASON, clean(reason))
                    .correlateWithResult();
            deals.flush();
        } catch (OptimisticLockingException | ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Deal");
        }
        return toDeal(deal, currentStage(deal));
    }

    /**
     * Reopens a lost deal, with a reason: the model's DealReopened message starts a new deal-stages instance for it
     * at the stage it was lost from (the model's first stage for deals lost before that was recorded, or when the latest
     * model no longer has that stage).
     *
     * @param seenVersion the {@link Deal#version()} the user saw
     * @throws InvalidInputException when the reason is missing or too long, or the deal is not lost; nothing changes
     * @throws NoAccessException     unless the user owns the deal or is an admin or manager
     * @throws StaleDataException    when the deal changed since the user saw it (for example, reopened already)
     */
    @Transactional
    public Deal reopen(UUID dealId, long seenVersion, String reason) {
        CurrentUser user = currentUser.requireStaff();
        DealEntity deal = lockedDealToChange(dealId, user, seenVersion);
        InvalidInputException.throwIfAny(DealRules.checkReopen(deal.getStage(), reason));
        DealStage at = reopensAt(deal);
        StageMoveNote.leave(dealId, new StageMoveNote(DealStageChanged.Move.REOPENED, clean(reason)));
        Map<String, Object> variables = new HashMap<>();
        variables.put(DealStagesProcess.VAR_DEAL_ID, deal.getId().toString());
        variables.put(DealStagesProcess.VAR_OWNER, deal.getOwner());
        variables.put(DealStagesProcess.VAR_NEXT_STEP_DUE, toDate(deal.getNextStepDue()));
        variables.put(DealStagesProcess.VAR_REOPEN_AT, at.taskId());
        variables.put(DealStagesProcess.VAR_REOPEN_REASON, clean(reason));
        var instance = runtime.createMessageCorrelation(DealStagesProcess.MSG_REOPENED)
                .processInstanceBusinessKey(dealId.toString()).setVariables(variables).correlateStartMessage();
        deal.setProcessInstanceId(instance.getId());
        try {
            deals.saveAndFlush(deal);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Deal");
        }
        return toDeal(deal, currentStage(deal));
    }

    /** As {@link #lockedDealToChange(UUID, CurrentUser)}, and as the user saw it. */
    private DealEntity lockedDealToChange(UUID dealId, CurrentUser user, long seenVersion) {
        DealEntity deal = lockedDealToChange(dealId, user);
        if (deal.getVersion() != seenVersion) {
            throw new StaleDataException("Deal");
        }
        return deal;
    }

    /** The deal under its row lock, when the user may change it: its owner, an admin or a manager. */
    private DealEntity lockedDealToChange(UUID dealId, CurrentUser user) {
        DealEntity deal = deals.findForUpdate(dealId).orElseThrow(() -> new NotFoundException("Deal"));
        requireDeal(deal);
        requireMover(user, deal);
        return deal;
    }

    private void requireMover(CurrentUser user, DealEntity deal) {
        if (!user.seesAllClients() && !user.username().equals(deal.getOwner())) {
            throw new NoAccessException("Only the deal owner changes the deal", staff.displayName(deal.getOwner()));
        }
    }

    private Task activeStageTask(UUID dealId) {
        return tasks.createTaskQuery().processDefinitionKey(DealStagesProcess.PROCESS_ID)
                .processInstanceBusinessKey(dealId.toString()).active().singleResult();
    }

    private Position currentStage(DealEntity deal) {
        return openStagesFromEngine(List.of(deal)).getOrDefault(deal.getId().toString(), positionOf(deal));
    }

    /** The stage whose task is open, with its neighbours in the model version the deal runs on. */
    private Position position(Task task) {
        DealStage stage = stages.named(task.getTaskDefinitionKey());
        String definition = task.getProcessDefinitionId();
        return new Position(stage, stages.previous(definition, stage).orElse(null),
                stages.next(definition, stage).orElse(null));
    }

    /** Where a deal stands: its stage, and the stages before and after it (null at either end, and when closed). */
    private record Position(DealStage stage, DealStage previous, DealStage next) {
    }

    /** A deal whose process has no open stage task: closed, or between two stages within a transaction. */
    private static Position positionOf(DealEntity deal) {
        return new Position(deal.getStage(), null, null);
    }

    /**
     * Moves a deal on from the stage the user saw it in.
     *
     * @param seenStage the stage the user's screen showed; when the deal has moved since, nothing changes
     * @throws InvalidInputException when the move is incomplete (next step, due date, lost reason) or not allowed
     *                               from this stage; nothing changes
     * @throws NoAccessException     unless the user owns the deal or is an admin or manager
     * @throws StaleDataException    when someone else moved or closed the deal since the user saw it
     */
    @Transactional
    public Deal moveOn(UUID dealId, DealStage seenStage, StageMove move) {
        CurrentUser user = currentUser.requireStaff();
        DealEntity deal = deals.findById(dealId).orElseThrow(() -> new NotFoundException("Deal"));
        requireDeal(deal);
        requireMover(user, deal);
        Task task = activeStageTask(dealId);
        Position from = task == null ? positionOf(deal) : position(task);
        if (!from.stage().equals(seenStage)) {
            // a second tab or a colleague got there first: advancing again would skip a stage
            throw new StaleDataException("Deal");
        }
        if (task == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("outcome", "deal.error.closed")));
        }
        InvalidInputException.throwIfAny(DealRules.check(move, from.stage(), from.next(), LocalDate.now(clock)));

        Map<String, Object> variables = new HashMap<>();
        switch (move.outcome()) {
            case ADVANCE -> {
                variables.put(DealStagesProcess.VAR_OUTCOME, DealStagesProcess.OUTCOME_ADVANCE);
                variables.put(DealStagesProcess.VAR_NEXT_STEP_DUE, toDate(move.nextStepDue()));
                deal.setNextStep(clean(move.nextStep()));
                deal.setNextStepDue(move.nextStepDue());
            }
            case WON -> {
                variables.put(DealStagesProcess.VAR_OUTCOME, DealStagesProcess.OUTCOME_WON);
                variables.put(DealStagesProcess.VAR_WON_REASON, clean(move.reason()));
            }
            case LOST -> {
                variables.put(DealStagesProcess.VAR_OUTCOME, DealStagesProcess.OUTCOME_LOST);
                variables.put(DealStagesProcess.VAR_LOST_REASON, clean(move.reason()));
            }
        }
        deal.setUpdatedAt(clock.instant());
        try {
            deals.saveAndFlush(deal);
            tasks.complete(task.getId(), variables);
            // the stage listener changed the row: the version the caller gets must be the one an edit will find
            deals.flush();
        } catch (OptimisticLockingException | NullValueException
                 | ObjectOptimisticLockingFailureException e) {
            // the engine saw a concurrent completion of the same stage task
            throw new StaleDataException("Deal");
        }
        DealEntity after = deals.findById(dealId).orElseThrow();
        return toDeal(after, currentStage(after));
    }

    /**
     * A proposal for the deal was accepted by the customer: the deal is won, from whatever open stage it is in, with
     * {@code reason} as why. Runs on the customer's behalf inside their answer's transaction, so it asks no staff
     * permission; the deal must be the client's. A deal that is closed already stays as it is.
     *
     * @return whether the deal moved to Won now
     * @throws NotFoundException when the deal is not the client's
     */
    @Transactional
    @ProcessOnly("the proposal-approval model, when the customer accepted")
    public boolean winByProposal(UUID clientId, UUID dealId, String reason) {
        DealEntity deal = deals.findById(dealId).filter(d -> d.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("Deal"));
        if (deal.getClosedAt() != null) {
            return false;
        }
        return !runtime.createMessageCorrelation(DealStagesProcess.MSG_PROPOSAL_ACCEPTED)
                .processInstanceBusinessKey(dealId.toString())
                .setVariable(DealStagesProcess.VAR_WON_REASON, abbreviate(clean(reason), DealRules.REASON_MAX))
                .correlateAllWithResult().isEmpty();
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A deal in a project is open to whoever may open the project; any other to whoever may open the client. */
    private void requireDeal(DealEntity deal) {
        if (deal.getProjectId() != null) {
            projects.requireAccess(io.clientspace.shared.WorkScope.project(deal.getClientId(), deal.getProjectId()));
        } else {
            requireClient(deal.getClientId());
        }
    }

    private void requireClient(UUID clientId) {
        // throws NotFound or NoAccess (naming the owner) when the user may not see the client
        clients.requireAccess(clientId);
    }

    /** One engine query for the whole list: deal id to the stage of its process's active user task. */
    private Map<String, Position> openStagesFromEngine(List<DealEntity> rows) {
        Map<String, String> instanceToDeal = new HashMap<>();
        rows.stream().filter(d -> d.getClosedAt() == null && d.getProcessInstanceId() != null)
                .forEach(d -> instanceToDeal.put(d.getProcessInstanceId(), d.getId().toString()));
        Map<String, Position> result = new HashMap<>();
        if (instanceToDeal.isEmpty()) {
            return result;
        }
        tasks.createTaskQuery().processInstanceIdIn(instanceToDeal.keySet().toArray(String[]::new)).list()
                .forEach(t -> result.put(instanceToDeal.get(t.getProcessInstanceId()), position(t)));
        return result;
    }

    private Deal toDeal(DealEntity d, Position at) {
        return new Deal(d.getId(), d.getClientId(), d.getTitle(), d.getAmount(), d.getCurrency(), d.getExpectedClose(),
                d.getOwner(), staff.displayName(d.getOwner()), stages.named(at.stage()), d.getNextStep(),
                d.getNextStepDue(), d.getCloseReason(), d.getCreatedAt(), d.getStageChangedAt(), d.getStalledAt(),
                DealStage.LOST.equals(d.getStage()) ? reopensAt(d) : null, at.previous(), at.next(), d.getVersion(),
                d.getProjectId());
    }

    /** Where reopening the lost deal puts it: the stage it was lost from, when the latest model still has it. */
    private DealStage reopensAt(DealEntity deal) {
        DealStage from = deal.getLostFrom();
        return from != null && stages.open().contains(from) ? stages.named(from) : stages.first();
    }

    private Date toDate(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }

    /**
     * Fires the deal's due stall timer now, as if it had sat in its stage for the whole stall period: the demo data
     * shows a stalled deal without waiting for one.
     *
     * @throws IllegalStateException when the deal's process waits on no timer
     */
    @ProcessOnly("the demo data")
    public void fireStallTimerNow(UUID dealId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(dealId.toString())
                .processDefinitionKey(DealStagesProcess.PROCESS_ID).singleResult().getId();
        var job = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        if (job == null) {
            throw new IllegalStateException("Deal " + dealId + " waits on no timer");
        }
        management.executeJob(job.getId());
    }
}
