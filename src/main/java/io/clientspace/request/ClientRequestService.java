package io.clientspace.request;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.file.FileService;
import io.clientspace.file.FileTypes;
import io.clientspace.file.SharedDownload;
import io.clientspace.file.SharedFile;
import io.clientspace.file.StoredFile;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.project.Visibility;
import io.clientspace.request.domain.ClientRequestEntity;
import io.clientspace.request.domain.ClientRequestEntryEntity;
import io.clientspace.request.domain.ClientRequestEntryRepository;
import io.clientspace.request.domain.ClientRequestRepository;
import io.clientspace.request.process.ClientRequestProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.LockSwitch;
import io.clientspace.shared.YearlyNumbers;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ProcessOnly;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.WorkScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Client requests: the client asks the firm for something, in the portal or through staff who log it on the client's
 * behalf. Raising one starts client-request.bpmn (business key = the request's id), whose triage table decides
 * priority, handling group and SLA targets in the same transaction. The group takes it, the assignee asks the client,
 * hands it on or resolves it; the client answers, confirms, reopens or cancels.
 *
 * Every change row-locks the request first and decides from the locked row (DD014); a change made from a page that
 * showed an older version of the request is refused as stale, so a double click or a second tab never moves it twice.
 * Staff see a request when they may open its place (the client, or its project); customers through a
 * {@link CustomerScope} that {@link PortalAccessPolicy} verifies, and only their client's requests outside projects or
 * in projects shared with them; anything else is "not found". The SLA clock stops while the client has the turn
 * (DD018).
 */
@Service
public class ClientRequestService {

    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int MESSAGE_MAX = 10_000;
    public static final int NOTE_MAX = 4_000;
    /** The most files a request is raised with. */
    public static final int ATTACHMENTS_MAX = 10;

    private final ClientRequestRepository requests;
    private final ClientRequestEntryRepository entries;
    private final ClientService clients;
    private final ProjectService projects;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final YearlyNumbers numbers;
    private final Clock clock;
    private final FileService files;
    private final TransactionTemplate transactions;

    ClientRequestService(ClientRequestRepository requests, ClientRequestEntryRepository entries,
                         ClientService clients, ProjectService projects, PortalAccessPolicy portalAccess,
                         CurrentUserProvider currentUser, StaffDirectory staff, RuntimeService runtime,
                         TaskService tasks, RepositoryService repository, ApplicationEventPublisher events,
                         JdbcTemplate jdbc, Clock clock, FileService files,
                         PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.entries = entries;
        this.clients = clients;
        this.projects = projects;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.events = events;
        this.jdbc = jdbc;
        this.numbers = new YearlyNumbers(jdbc, "client_request_counter", "CR");
        this.clock = clock;
        this.files = files;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ------------------------------------------------------------------------------------------- categories

    /**
     * The categories a request can have, in the order process owners keep them: the allowed values of the Category
     * input of the deployed triage table (client-request-triage.dmn). Shown as clientrequest.category.CODE.
     */
    @Transactional(readOnly = true)
    public List<String> categories() {
        DecisionDefinition d = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ClientRequestProcess.DECISION_ID).latestVersion().singleResult();
        if (d == null) {
            return List.of();
        }
        Input input = repository.getDmnModelInstance(d.getId()).getModelElementById(ClientRequestProcess.CATEGORY_INPUT);
        if (input == null || input.getInputValues() == null) {
            return List.of();
        }
        return Arrays.stream(input.getInputValues().getTextContent().split(","))
                .map(v -> v.trim().replace("\"", "")).filter(v -> !v.isEmpty()).toList();
    }

    // ------------------------------------------------------------------------------------------------ raise

    /**
     * Raises a request for the scope's client, as the contact. Triage runs before this returns. Its files are checked
     * first (how many, size, type from the bytes), then scanned and stored as the workspace's files in the request's
     * place, all or nothing with the request itself (DD031): a refused file leaves no request, no file row and no
     * object behind.
     *
     * @throws InvalidInputException when a field is wrong (empty subject, description too long, a project not shared
     *                               with the client, a "needed by" date in the past, an unknown category) or a file
     *                               is refused (field "attachments", naming the file); nothing is saved
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest raiseForCustomer(CustomerScope scope, RequestDraft draft) {
        // checks first, in their own transaction: nothing is stored while any of them fails
        WorkScope place = transactions.execute(status -> {
            InvalidInputException.throwIfAny(customerProblems(scope, draft, true));
            return placeOf(scope.clientId(), draft.projectId());
        });
        if (draft.attachments().isEmpty()) {
            return transactions.execute(status -> raiseCustomerChecked(scope, draft, List.of()));
        }
        return attachmentProblems(() -> files.receiveAll(place, incoming(draft), abbreviate(scope.username(), 100),
                stored -> transactions.execute(status -> raiseCustomerChecked(scope, draft, stored))));
    }

    /** Checks again in the transaction that saves (the project may have stopped being shared meanwhile). */
    private ClientRequest raiseCustomerChecked(CustomerScope scope, RequestDraft draft, List<StoredFile> stored) {
        InvalidInputException.throwIfAny(customerProblems(scope, draft, false));
        ClientRequestEntity r = newRequest(scope.clientId(), draft);
        r.raisedByCustomer(scope.accountId(), scope.displayName());
        return raised(r, true, scope.displayName(), null, stored);
    }

    private List<FieldProblem> customerProblems(CustomerScope scope, RequestDraft draft, boolean withFiles) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        Set<UUID> shared = projects.sharedWithCustomer(scope.clientId()).stream().map(SharedProject::id)
                .collect(Collectors.toSet());
        List<FieldProblem> problems = check(draft, categories(), LocalDate.now(clock));
        if (draft.projectId() != null && !shared.contains(draft.projectId())) {
            problems.add(FieldProblem.of("project", "clientrequest.error.project-not-shared"));
        }
        if (withFiles) {
            problems.addAll(checkAttachments(draft.attachments(), true));
        }
        return problems;
    }

    /**
     * Logs a request on the client's behalf, for example after a phone call, with the contact it came from. Files
     * go the way of {@link #raiseForCustomer}'s, as the colleague's uploads.
     *
     * @throws InvalidInputException when a field is wrong, the project is not the client's, the contact is not one
     *                               of the client's, or a file is refused; nothing is saved
     * @throws NoAccessException     when the user may not open the client (or the project), or may not add files
     *                               there
     */
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest raiseForClient(UUID clientId, RequestDraft draft) {
        currentUser.requireStaff();
        WorkScope place = transactions.execute(status -> {
            staffProblems(clientId, draft, true);
            return placeOf(clientId, draft.projectId());
        });
        if (draft.attachments().isEmpty()) {
            return transactions.execute(status -> raiseStaffChecked(clientId, draft, List.of()));
        }
        return attachmentProblems(() -> files.uploadAll(place, incoming(draft),
                stored -> transactions.execute(status -> raiseStaffChecked(clientId, draft, stored))));
    }

    private ClientRequest raiseStaffChecked(UUID clientId, RequestDraft draft, List<StoredFile> stored) {
        CurrentUser user = currentUser.requireStaff();
        String contactName = staffProblems(clientId, draft, false);
        ClientRequestEntity r = newRequest(clientId, draft);
        r.raisedByStaff(user.username(), user.displayName(), draft.contactId());
        return raised(r, false, user.username(), contactName, stored);
    }

    /** Throws the problems of a logged request's draft; returns the contact's name, if one was given. */
    private String staffProblems(UUID clientId, RequestDraft draft, boolean withFiles) {
        projects.requireAccess(WorkScope.client(clientId));
        List<FieldProblem> problems = check(draft, categories(), LocalDate.now(clock));
        if (draft.projectId() != null && projects.forClient(clientId).stream()
                .noneMatch(p -> p.id().equals(draft.projectId()))) {
            problems.add(FieldProblem.of("project", "clientrequest.error.project-unknown"));
        }
        String contactName = null;
        if (draft.contactId() != null) {
            contactName = contactsOf(clientId).get(draft.contactId());
            if (contactName == null) {
                problems.add(FieldProblem.of("contact", "clientrequest.error.contact-unknown"));
            }
        }
        if (withFiles) {
            problems.addAll(checkAttachments(draft.attachments(), false));
        }
        InvalidInputException.throwIfAny(problems);
        // logging a request for the client is work in its workspace (or the project's): an editor or above
        projects.requireWork(draft.projectId() == null ? WorkScope.client(clientId)
                : WorkScope.project(clientId, draft.projectId()));
        return contactName;
    }

    /** Whether the current user may log requests in the workspace, and whom to ask if not, for the tab's button. */
    @Transactional(readOnly = true)
    public io.clientspace.project.WorkspaceRights rights(WorkScope scope) {
        return projects.rights(scope);
    }

    /**
     * The file module's rules (size, type from the bytes, no programs; for customers also none of the types staff
     * alone may upload) and the count, before anything is stored, so that a refused file comes with the form's other
     * problems and the typed text stays. The virus scan follows when the files are stored.
     */
    private List<FieldProblem> checkAttachments(List<RequestDraft.Upload> uploads, boolean fromCustomer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (uploads.size() > ATTACHMENTS_MAX) {
            problems.add(FieldProblem.of("attachments", "clientrequest.error.attachments-too-many", ATTACHMENTS_MAX,
                    uploads.size()));
            return problems;
        }
        for (RequestDraft.Upload upload : uploads) {
            String name = upload.originalName() == null ? "" : upload.originalName();
            try {
                long size = java.nio.file.Files.size(upload.content());
                if (size > files.maxSizeBytes()) {
                    problems.add(FieldProblem.of("attachments", "file.error.too-big", name,
                            files.maxSizeBytes() / (1024 * 1024)));
                    continue;
                }
                String type = FileTypes.detect(upload.content(), name);
                if (FileTypes.isProgram(type)) {
                    problems.add(FieldProblem.of("attachments", "file.error.program", name));
                } else if (!FileTypes.isAllowed(type)) {
                    problems.add(FieldProblem.of("attachments", "file.error.type", name, type));
                } else if (fromCustomer && !FileTypes.isAllowedFromCustomers(type)) {
                    // as the file module's customer uploads (DD010): no macro Office, RTF or ZIP from outside
                    problems.add(FieldProblem.of("attachments", "file.error.type-customer", name));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot read the uploaded file", e);
            }
        }
        return problems;
    }

    private static List<FileService.Incoming> incoming(RequestDraft draft) {
        return draft.attachments().stream().map(u -> new FileService.Incoming(u.originalName(), u.content()))
                .toList();
    }

    /** The file module's refusals (field "file", e.g. the virus scan's) belong to the form's "attachments" field. */
    private static <T> T attachmentProblems(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> "file".equals(p.field()) ? new FieldProblem("attachments", p.messageKey(), p.args()) : p)
                    .toList());
        }
    }

    private static WorkScope placeOf(UUID clientId, UUID projectId) {
        return projectId == null ? WorkScope.client(clientId) : WorkScope.project(clientId, projectId);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** The largest file a request takes: the file module's limit. */
    public long maxUploadBytes() {
        return files.maxSizeBytes();
    }

    /** The contacts a request can come from: the client itself for a contact, its people for a company. */
    @Transactional(readOnly = true)
    public Map<UUID, String> contactsOf(UUID clientId) {
        var client = clients.get(clientId);
        Map<UUID, String> result = new java.util.LinkedHashMap<>();
        if (client.kind() == io.clientspace.client.ClientKind.CONTACT) {
            result.put(client.id(), client.name());
        } else {
            clients.contactPeople(clientId).stream().filter(c -> !c.archived())
                    .forEach(c -> result.put(c.id(), c.name()));
        }
        return result;
    }

    private ClientRequestEntity newRequest(UUID clientId, RequestDraft d) {
        return new ClientRequestEntity(UUID.randomUUID(), clientId, d.projectId(), nextNumber(), d.category(),
                clean(d.subject()), clean(d.description()), d.neededBy(), clock.instant());
    }

    private ClientRequest raised(ClientRequestEntity r, boolean byCustomer, String actor, String contactName,
                                 List<StoredFile> attached) {
        requests.saveAndFlush(r);
        for (StoredFile f : attached) {
            jdbc.update("insert into client_request_attachment (request_id, file_id, name) values (?, ?, ?)",
                    r.getId(), f.id(), abbreviate(f.name(), 255));
        }
        entry(r, "RAISED", byCustomer, r.getRaisedByName(), r.getDescription(), contactName, true);
        LocalDate today = LocalDate.now(clock);
        // the triage inputs are transient: the table reads them now, nothing keeps the client's tags in the engine
        VariableMap vars = Variables.createVariables()
                .putValue(ClientRequestProcess.VAR_REQUEST_ID, r.getId().toString())
                .putValue(ClientRequestProcess.VAR_CATEGORY, r.getCategory())
                .putValueTyped(ClientRequestProcess.VAR_CLIENT_TAGS, Variables.objectValue(
                        new ArrayList<>(clients.tagsForTriage(r.getClientId())
                                .stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()), true).create())
                .putValueTyped(ClientRequestProcess.VAR_SUBJECT_WORDS,
                        Variables.stringValue(subjectWords(r.getSubject()), true))
                .putValueTyped(ClientRequestProcess.VAR_NEEDED_IN_DAYS, Variables.integerValue(
                        r.getNeededBy() == null ? null : (int) ChronoUnit.DAYS.between(today, r.getNeededBy()), true));
        runtime.startProcessInstanceByKey(ClientRequestProcess.PROCESS_ID, r.getId().toString(), vars);
        ClientRequestEntity triaged = requests.findById(r.getId()).orElseThrow();
        publish(triaged, ClientRequestChanged.Change.RAISED, actor, null);
        return byCustomer ? customerRecord(triaged, true) : record(triaged, true);
    }

    /** The subject as triage matches words: lower case, single spaces, a space at each end. */
    public static String subjectWords(String subject) {
        String words = subject == null ? "" : subject.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return " " + words + " ";
    }

    // ------------------------------------------------------------------------------------------- staff reads

    /**
     * @throws NotFoundException when there is no such request
     * @throws NoAccessException when the user may not open its client or project
     */
    @Transactional(readOnly = true)
    public ClientRequest get(UUID requestId) {
        ClientRequestEntity r = requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request"));
        projects.requireAccess(place(r));
        return record(r, true);
    }

    /** The client's requests, newest first: those outside projects and in every project of the client. */
    @Transactional(readOnly = true)
    public List<ClientRequest> forClient(UUID clientId) {
        projects.requireAccess(WorkScope.client(clientId));
        return records(requests.byClient(clientId));
    }

    @Transactional(readOnly = true)
    public List<ClientRequest> inProject(WorkScope scope) {
        projects.requireAccess(scope);
        return records(requests.byProject(scope.projectId()));
    }

    /** Open requests in the place: for a client all of them, for a project those in it. */
    @Transactional(readOnly = true)
    public long countOpen(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? requests.countOpenByProject(scope.projectId())
                : requests.countOpenByClient(scope.clientId());
    }

    /**
     * Open requests of the client whose SLA is breached now ({@link SlaStatus#BREACHED}: the target that runs has
     * passed, and the team has the turn), for the manager's checklist; the Requests tab's "breached" filter shows the
     * same requests.
     */
    @Transactional(readOnly = true)
    public long countBreached(UUID clientId) {
        projects.requireAccess(WorkScope.client(clientId));
        return requests.countBreachedByClient(clientId, clock.instant());
    }

    /**
     * The queue: open requests across every client and project the user may open, filtered, soonest due first.
     *
     * @param filter null fields mean "any"
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public List<ClientRequest> queue(QueueFilter filter) {
        currentUser.requireStaff();
        Visibility visibility = projects.visibility();
        Instant now = clock.instant();
        return records(requests.allOpen().stream()
                .filter(r -> visibility.sees(r.getClientId(), r.getProjectId()))
                .filter(r -> filter.group() == null || filter.group().equals(r.getHandlingGroup()))
                .filter(r -> filter.priority() == null || filter.priority().equals(r.getPriority()))
                .filter(r -> filter.state() == null || filter.state().name().equals(r.getState()))
                .filter(r -> filter.assignee() == null || filter.assignee().equals(r.getAssignee()))
                .filter(r -> filter.sla() == null || filter.sla() == slaStatus(r, now))
                .toList());
    }

    /** Filters of the queue; null means any. */
    public record QueueFilter(String group, String priority, RequestState state, SlaStatus sla, String assignee) {
        public static QueueFilter any() {
            return new QueueFilter(null, null, null, null, null);
        }
    }

    /** Everyone who may be given requests, for the queue's bulk assignment (each assignment checks its request). */
    @Transactional(readOnly = true)
    public List<io.clientspace.security.StaffMember> staffToAssign() {
        currentUser.requireStaff();
        return staff.assignable();
    }

    /** The groups triage can hand requests to, as the queue filters them: those of the open requests. */
    @Transactional(readOnly = true)
    public List<String> groupsInQueue() {
        currentUser.requireStaff();
        Visibility visibility = projects.visibility();
        // the groups of the places the user sees, not the queue's rows: the view asks for both when it opens
        return requests.openGroupsByPlace().stream().filter(row -> visibility.sees((UUID) row[0], (UUID) row[1]))
                .map(row -> (String) row[2]).distinct().sorted().toList();
    }

    /** Staff the request may be given to: those who can open its place. */
    @Transactional(readOnly = true)
    public List<io.clientspace.security.StaffMember> assignable(UUID requestId) {
        ClientRequestEntity r = requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request"));
        return projects.workGroup(place(r));
    }

    // ----------------------------------------------------------------------------------------- staff changes

    /**
     * The current user takes a queued request. Of two who take it at once, one gets it; the other is told who.
     *
     * @throws InvalidInputException when someone has it already, it is closed, or the user is not in its group
     */
    @Transactional
    public ClientRequest take(UUID requestId) {
        CurrentUser user = currentUser.requireStaff();
        ClientRequestEntity r = lockForStaff(requestId);
        if (r.getAssignee() != null) {
            if (r.getAssignee().equals(user.username())) {
                return record(r, true);
            }
            throw problem("request", "clientrequest.error.taken", staff.displayName(r.getAssignee()));
        }
        requireOpen(r);
        if (!inGroup(user, r.getHandlingGroup())) {
            throw problem("request", "clientrequest.error.not-in-group", r.getHandlingGroup());
        }
        assignQueued(r, user.username(), user.username());
        return record(r, true);
    }

    /**
     * Gives the request to someone who may open it: from the queue (the triager's assignment), or from its current
     * assignee (a hand-on). Managers assign anything; an assignee hands on their own.
     *
     * @throws StaleDataException    when the request changed since {@code seenVersion}
     * @throws InvalidInputException when the person may not open the request, or it waits on the client or is closed
     */
    @Transactional
    public ClientRequest assign(UUID requestId, String username, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        ClientRequestEntity r = lockForStaff(requestId);
        requireVersion(r, seenVersion);
        requireOpen(r);
        if (!user.seesAllClients() && !user.username().equals(r.getAssignee())) {
            throw problem("assignee", "clientrequest.error.not-yours");
        }
        if (username == null || projects.workGroup(place(r)).stream().noneMatch(m -> m.username().equals(username))) {
            throw problem("assignee", "clientrequest.error.assignee-no-access");
        }
        if (username.equals(r.getAssignee())) {
            return record(r, true);
        }
        switch (state(r)) {
            case QUEUED -> assignQueued(r, username, user.username());
            case IN_PROGRESS -> {
                String from = r.getAssignee();
                r.setAssignee(username);
                requests.saveAndFlush(r);
                entry(r, "HANDED_ON", false, user.displayName(), null, staff.displayName(username), false);
                completeTask(r, ClientRequestProcess.WORK_TASK, Variables.createVariables()
                        .putValue(ClientRequestProcess.VAR_ACTION, ClientRequestProcess.ACTION_HAND_ON)
                        .putValue(ClientRequestProcess.VAR_ASSIGNEE, username));
                publish(r, ClientRequestChanged.Change.HANDED_ON, user.username(), from);
            }
            default -> throw problem("request", "clientrequest.error.waits-on-client");
        }
        return record(r, true);
    }

    /**
     * A handover's preview of the colleague's open requests: each moves when the successor can open its place after
     * the handover; otherwise the handover is refused, as a request the client waits on needs someone who can see it.
     */
    @Transactional(readOnly = true)
    public List<io.clientspace.shared.HandoverLine> handoverPreview(io.clientspace.shared.Handover handover) {
        currentUser.requireAdmin();
        List<ClientRequestEntity> open = requests.findOpenAssignedTo(handover.from());
        var names = clients.refs(open.stream().map(ClientRequestEntity::getClientId).distinct().toList());
        return open.stream().map(r -> new io.clientspace.shared.HandoverLine("handover.kind.request", r.getId(),
                r.getNumber() + " " + r.getSubject(),
                names.containsKey(r.getClientId()) ? names.get(r.getClientId()).name() : "",
                successorCanOpen(handover, r) ? io.clientspace.shared.HandoverLine.Outcome.MOVES
                        : io.clientspace.shared.HandoverLine.Outcome.BLOCKED)).toList();
    }

    /**
     * Gives every open request of the departing colleague to the successor: one being worked on is handed on through
     * the process; one waiting on the client keeps waiting and comes back to the successor.
     */
    @Transactional
    public void handOver(io.clientspace.shared.Handover handover) {
        CurrentUser user = currentUser.requireAdmin();
        for (ClientRequestEntity r : requests.findOpenAssignedTo(handover.from())) {
            if (!successorCanOpen(handover, r)) {
                throw problem("successor", "colleagues.error.successor-cannot-open", r.getNumber());
            }
            r.setAssignee(handover.to());
            requests.saveAndFlush(r);
            entry(r, "HANDED_ON", false, user.displayName(), null, staff.displayName(handover.to()), false);
            if (state(r) == RequestState.IN_PROGRESS) {
                completeTask(r, ClientRequestProcess.WORK_TASK, Variables.createVariables()
                        .putValue(ClientRequestProcess.VAR_ACTION, ClientRequestProcess.ACTION_HAND_ON)
                        .putValue(ClientRequestProcess.VAR_ASSIGNEE, handover.to()));
            } else {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.getId().toString())
                        .processDefinitionKey(ClientRequestProcess.PROCESS_ID).list()
                        .forEach(p -> runtime.setVariable(p.getId(), ClientRequestProcess.VAR_ASSIGNEE,
                                handover.to()));
            }
            publish(r, ClientRequestChanged.Change.HANDED_ON, user.username(), handover.from());
        }
    }

    private boolean successorCanOpen(io.clientspace.shared.Handover handover, ClientRequestEntity r) {
        return handover.clientsMoving().contains(r.getClientId())
                || projects.workGroup(place(r)).stream().anyMatch(m -> m.username().equals(handover.to()));
    }


    private void assignQueued(ClientRequestEntity r, String assignee, String actor) {
        r.setAssignee(assignee);
        r.setState(RequestState.IN_PROGRESS.name());
        if (r.getRespondedAt() == null) {
            r.setRespondedAt(clock.instant());
        }
        requests.saveAndFlush(r);
        entry(r, "ASSIGNED", false, staff.displayName(actor), null, staff.displayName(assignee), true);
        completeTask(r, ClientRequestProcess.TAKE_TASK, Variables.putValue(ClientRequestProcess.VAR_ASSIGNEE, assignee));
        publish(r, ClientRequestChanged.Change.ASSIGNED, actor, null);
    }

    /**
     * The assignee (or a manager) asks the client a question; the SLA clock stops until the client answers.
     *
     * @throws StaleDataException    when the request changed since {@code seenVersion}
     * @throws InvalidInputException when the question is empty or too long, or the request is not being worked on
     */
    @Transactional
    public ClientRequest askClient(UUID requestId, String question, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        String text = required(question, "question", "clientrequest.error.question-required", MESSAGE_MAX);
        ClientRequestEntity r = lockWorkedOn(requestId, user, seenVersion);
        Instant now = clock.instant();
        r.setState(RequestState.WAITING_CLIENT.name());
        r.setPausedSince(now);
        r.setAskedAt(now);
        requests.saveAndFlush(r);
        entry(r, "QUESTION", false, user.displayName(), text, null, true);
        completeTask(r, ClientRequestProcess.WORK_TASK,
                Variables.putValue(ClientRequestProcess.VAR_ACTION, ClientRequestProcess.ACTION_ASK));
        publish(r, ClientRequestChanged.Change.ASKED, user.username(), text);
        return record(r, true);
    }

    /**
     * The assignee (or a manager) resolves the request with a note; it waits for the client to confirm it.
     *
     * @throws StaleDataException    when the request changed since {@code seenVersion}
     * @throws InvalidInputException when the note is empty or too long, or the request is not being worked on
     */
    @Transactional
    public ClientRequest resolve(UUID requestId, String note, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        String text = required(note, "note", "clientrequest.error.note-required", NOTE_MAX);
        ClientRequestEntity r = lockWorkedOn(requestId, user, seenVersion);
        Instant now = clock.instant();
        r.setState(RequestState.RESOLVED.name());
        r.setPausedSince(now);
        r.resolved(text, user.username(), now, now.plus(confirmWithin(r)));
        requests.saveAndFlush(r);
        entry(r, "RESOLVED", false, user.displayName(), text, null, true);
        completeTask(r, ClientRequestProcess.WORK_TASK,
                Variables.putValue(ClientRequestProcess.VAR_ACTION, ClientRequestProcess.ACTION_RESOLVE));
        publish(r, ClientRequestChanged.Change.RESOLVED, user.username(), text);
        return record(r, true);
    }

    /**
     * Writes to the client on the request without changing whose turn it is ("answer the client").
     *
     * @throws InvalidInputException when the text is empty or too long, or the request is closed
     */
    @Transactional
    public ClientRequest writeToClient(UUID requestId, String message) {
        CurrentUser user = currentUser.requireStaff();
        String text = required(message, "message", "clientrequest.error.message-required", MESSAGE_MAX);
        ClientRequestEntity r = lockForStaff(requestId);
        requireOpen(r);
        entry(r, "MESSAGE", false, user.displayName(), text, null, true);
        publish(r, ClientRequestChanged.Change.MESSAGE, user.username(), text);
        return record(r, true);
    }

    /**
     * Staff cancel the request from any waiting state, with a reason the client sees.
     *
     * @throws StaleDataException    when the request changed since {@code seenVersion}
     * @throws InvalidInputException when the reason is empty, or the request is closed already
     */
    @Transactional
    public ClientRequest cancel(UUID requestId, String reason, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        String text = required(reason, "reason", "clientrequest.error.reason-required", NOTE_MAX);
        ClientRequestEntity r = lockForStaff(requestId);
        requireVersion(r, seenVersion);
        requireOpen(r);
        cancelLocked(r, false, user.displayName(), user.username(), text);
        return record(r, true);
    }

    // -------------------------------------------------------------------------------------------- the client

    /** The scope's client's requests its portal shows: outside projects or in projects shared with it, newest first. */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public List<ClientRequest> forCustomer(CustomerScope scope) {
        portalAccess.verify(scope, PortalSection.REQUESTS);
        Set<UUID> shared = projects.sharedWithCustomer(scope.clientId()).stream().map(SharedProject::id)
                .collect(Collectors.toSet());
        return requests.forCustomer(scope.clientId(), shared.isEmpty() ? Set.of(new UUID(0, 0)) : shared).stream()
                .map(r -> customerRecord(r, false)).toList();
    }

    /**
     * One request as the scope's client's portal shows it, with the entries visible to the client.
     *
     * @throws NotFoundException when it is not the client's, or is in a project not shared with it
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest forCustomer(CustomerScope scope, UUID requestId) {
        portalAccess.verify(scope, PortalSection.REQUESTS);
        return customerRecord(customerRequest(scope.clientId(), requestId, false), true);
    }

    /**
     * A short-lived link to a file the request was raised with, for the customer: only through a request of their
     * own client that their portal shows, and only a file attached to it. The caller records the download.
     *
     * @throws NotFoundException for anything else (another customer's request or file, a file of another request, a
     *                           file in the trash or waiting for its scan), the same answer for all
     */
    @Transactional(readOnly = true)
    public SharedDownload customerAttachment(CustomerScope scope, UUID requestId, UUID fileId) {
        portalAccess.verify(scope, PortalSection.REQUESTS);
        ClientRequestEntity r = customerRequest(scope.clientId(), requestId, false);
        requireAttached(r.getId(), fileId);
        return files.attachmentDownload(scope.clientId(), fileId);
    }

    /**
     * A short-lived link to a file the request was raised with, for staff who may open the request.
     *
     * @throws NotFoundException when there is no such request, or the file is not attached to it
     * @throws NoAccessException when the user may not open the request's client or project
     */
    @Transactional(readOnly = true)
    public String attachmentLink(UUID requestId, UUID fileId) {
        currentUser.requireStaff();
        ClientRequestEntity r = requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request"));
        projects.requireAccess(place(r));
        requireAttached(r.getId(), fileId);
        return files.downloadLink(fileId);
    }

    /** Open requests of the scope's client that wait on the client (a question to answer, a resolution to confirm). */
    @Transactional(readOnly = true)
    public long countWaitingOnCustomer(CustomerScope scope) {
        return forCustomer(scope).stream().filter(r -> r.state().waitsOnClient()).count();
    }

    /**
     * The client answers the team's question; the clock runs again with the resolution target moved on by the wait.
     *
     * @throws StaleDataException    when the request changed since {@code seenVersion} (answered in another tab)
     * @throws InvalidInputException when the answer is empty or too long, or nothing waits for an answer
     * @throws NotFoundException     when the request is not the client's to see
     */
    @Transactional
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest answerForCustomer(CustomerScope scope, UUID requestId, String answer, long seenVersion) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        String text = required(answer, "answer", "clientrequest.error.answer-required", MESSAGE_MAX);
        ClientRequestEntity r = lockForCustomerStep(scope, requestId, seenVersion, RequestState.WAITING_CLIENT);
        return turnBackToTeam(scope, r, "ANSWER", ClientRequestProcess.MSG_ANSWERED,
                ClientRequestChanged.Change.ANSWERED, text);
    }

    /**
     * The client confirms the resolution: the request is closed.
     *
     * @throws StaleDataException when it changed since {@code seenVersion} (reopened in another tab, closed by its
     *                            timer) or is not resolved; nothing changes
     */
    @Transactional
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest confirmForCustomer(CustomerScope scope, UUID requestId, long seenVersion) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        ClientRequestEntity r = lockForCustomerStep(scope, requestId, seenVersion, RequestState.RESOLVED);
        r.closed(RequestState.CLOSED.name(), "CONFIRMED", clock.instant());
        requests.saveAndFlush(r);
        entry(r, "CONFIRMED", true, scope.displayName(), null, null, true);
        correlate(r, ClientRequestProcess.MSG_CONFIRMED, Variables.createVariables());
        publish(r, ClientRequestChanged.Change.CONFIRMED, scope.displayName(), null);
        return customerRecord(r, true);
    }

    /**
     * The client reopens the resolution with a reason: it goes back to the assignee, the clock runs again.
     *
     * @throws StaleDataException    when it changed since {@code seenVersion} or is not resolved; nothing changes
     * @throws InvalidInputException when the reason is empty or too long
     */
    @Transactional
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest reopenForCustomer(CustomerScope scope, UUID requestId, String reason, long seenVersion) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        String text = required(reason, "reason", "clientrequest.error.reason-required", MESSAGE_MAX);
        ClientRequestEntity r = lockForCustomerStep(scope, requestId, seenVersion, RequestState.RESOLVED);
        r.setConfirmBy(null);
        return turnBackToTeam(scope, r, "REOPENED", ClientRequestProcess.MSG_REOPENED,
                ClientRequestChanged.Change.REOPENED, text);
    }

    /**
     * The client cancels the request from any waiting state.
     *
     * @throws StaleDataException when it changed since {@code seenVersion} or is closed already; nothing changes
     */
    @Transactional
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest cancelForCustomer(CustomerScope scope, UUID requestId, long seenVersion) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        ClientRequestEntity r = customerRequest(scope.clientId(), requestId, true);
        requireVersion(r, seenVersion);
        if (!state(r).isOpen()) {
            throw new StaleDataException("Request");
        }
        cancelLocked(r, true, scope.displayName(), scope.displayName(), null);
        return customerRecord(r, true);
    }

    /**
     * The client writes on the request without changing whose turn it is.
     *
     * @throws InvalidInputException when the text is empty or too long, or the request is closed
     */
    @Transactional
    @ModuleGate(FirmModule.CLIENT_REQUESTS)
    public ClientRequest writeForCustomer(CustomerScope scope, UUID requestId, String message) {
        portalAccess.verifyActing(scope, PortalSection.REQUESTS);
        String text = required(message, "message", "clientrequest.error.message-required", MESSAGE_MAX);
        ClientRequestEntity r = customerRequest(scope.clientId(), requestId, true);
        requireOpen(r);
        entry(r, "MESSAGE", true, scope.displayName(), text, null, true);
        publish(r, ClientRequestChanged.Change.MESSAGE, scope.displayName(), text);
        return customerRecord(r, true);
    }

    /**
     * The client's request, row-locked, if the page they acted from showed its current version in the given state;
     * anything else (answered or reopened in another tab, closed by its timer) is stale and changes nothing.
     */
    private ClientRequestEntity lockForCustomerStep(CustomerScope scope, UUID requestId, long seenVersion,
                                                    RequestState expected) {
        ClientRequestEntity r = customerRequest(scope.clientId(), requestId, true);
        requireVersion(r, seenVersion);
        if (state(r) != expected) {
            throw new StaleDataException("Request");
        }
        return r;
    }

    /** The client answered or reopened: the clock runs again, moved on by the wait, and the assignee has it. */
    private ClientRequest turnBackToTeam(CustomerScope scope, ClientRequestEntity r, String entryKind, String message,
                                         ClientRequestChanged.Change change, String text) {
        resume(r);
        r.setState(RequestState.IN_PROGRESS.name());
        requests.saveAndFlush(r);
        entry(r, entryKind, true, scope.displayName(), text, null, true);
        correlate(r, message, Variables.putValue(ClientRequestProcess.VAR_RESOLUTION_DUE_AT,
                date(r.getResolutionDueAt())));
        publish(r, change, scope.displayName(), text);
        return customerRecord(r, true);
    }

    // ------------------------------------------------------------------------------ steps of the request model

    /** When the SLA targets pass; what ApplyTriage hands the timers. */
    public record Targets(String handlingGroup, Instant responseDueAt, Instant resolutionDueAt) {
    }

    /**
     * Records triage's decision on the request and computes the SLA dates from the moment it was raised.
     *
     * @param decision the triage table's single result: priority, handlingGroup, responseTarget, resolutionTarget,
     *                 triageRule
     */
    @Transactional
    @ProcessOnly("the client-request model's ApplyTriage step")
    public Targets applyTriage(UUID requestId, Map<String, Object> decision) {
        ClientRequestEntity r = lock(requestId);
        String response = String.valueOf(decision.get(ClientRequestProcess.OUT_RESPONSE_TARGET));
        String resolution = String.valueOf(decision.get(ClientRequestProcess.OUT_RESOLUTION_TARGET));
        Instant responseDue = SlaClock.due(r.getRaisedAt(), Duration.parse(response));
        Instant resolutionDue = SlaClock.due(r.getRaisedAt(), Duration.parse(resolution));
        String group = String.valueOf(decision.get(ClientRequestProcess.OUT_HANDLING_GROUP));
        String rule = String.valueOf(decision.get(ClientRequestProcess.OUT_RULE));
        r.triaged(String.valueOf(decision.get(ClientRequestProcess.OUT_PRIORITY)), group, rule, response, resolution,
                responseDue, resolutionDue);
        requests.saveAndFlush(r);
        entry(r, "TRIAGED", false, null, null, rule, false);
        return new Targets(group, responseDue, resolutionDue);
    }

    /**
     * A target passed: recorded once, told once (the group's lead and the client's owner, after commit). A timer
     * re-armed at a date that had passed already fires again and changes nothing (DD018). Escalating is no
     * transition: it keeps the request's version, so nobody's open page turns stale for it.
     *
     * @param resolution true for the resolution target, false for the response target
     */
    @Transactional
    @ProcessOnly("the client-request model's SLA timers")
    public void escalate(UUID requestId, boolean resolution) {
        Optional<ClientRequestEntity> locked = lockRow(requestId);
        if (locked.isEmpty() || !state(locked.get()).isOpen()) {
            return;
        }
        ClientRequestEntity r = locked.get();
        String column = resolution ? "resolution_breached_at" : "response_breached_at";
        int changed = jdbc.update("update client_request set " + column + " = ? where id = ? and " + column
                + " is null", java.sql.Timestamp.from(clock.instant()), requestId);
        if (changed == 0) {
            return;
        }
        String which = resolution ? "RESOLUTION" : "RESPONSE";
        entry(r, "ESCALATED", false, null, null, which, false);
        publish(r, ClientRequestChanged.Change.ESCALATED, null, which);
    }

    /** Nobody confirmed within confirmWithin: the request closes. A confirm that won the race leaves it closed. */
    @Transactional
    @ProcessOnly("the client-request model's confirmation timer")
    public void autoClose(UUID requestId) {
        lockRow(requestId).filter(r -> state(r) == RequestState.RESOLVED).ifPresent(r -> {
            r.closed(RequestState.CLOSED.name(), "AUTO", clock.instant());
            requests.saveAndFlush(r);
            entry(r, "AUTO_CLOSED", false, null, null, null, true);
            publish(r, ClientRequestChanged.Change.AUTO_CLOSED, null, null);
        });
    }

    // -------------------------------------------------------------------------------------------------- rules

    /** The rules a new request must meet, for the forms and the service alike (the project is checked apart). */
    public static List<FieldProblem> check(RequestDraft d, List<String> categories, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.category() == null || d.category().isBlank()) {
            p.add(FieldProblem.of("category", "clientrequest.error.category-required"));
        } else if (!categories.contains(d.category())) {
            p.add(FieldProblem.of("category", "clientrequest.error.category-unknown"));
        }
        String subject = clean(d.subject());
        if (subject == null) {
            p.add(FieldProblem.of("subject", "clientrequest.error.subject-required"));
        } else if (subject.length() > SUBJECT_MAX) {
            p.add(FieldProblem.of("subject", "validation.too-long", SUBJECT_MAX));
        }
        String description = clean(d.description());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            p.add(FieldProblem.of("description", "clientrequest.error.description-too-long", DESCRIPTION_MAX,
                    description.length()));
        }
        if (d.neededBy() != null && d.neededBy().isBefore(today)) {
            p.add(FieldProblem.of("neededBy", "clientrequest.error.needed-by-past"));
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void cancelLocked(ClientRequestEntity r, boolean byCustomer, String actorName, String actor,
                              String reason) {
        r.closed(RequestState.CANCELLED.name(), "CANCELLED", clock.instant());
        requests.saveAndFlush(r);
        entry(r, "CANCELLED", byCustomer, actorName, reason, null, true);
        correlate(r, ClientRequestProcess.MSG_CANCELLED, Variables.createVariables());
        publish(r, ClientRequestChanged.Change.CANCELLED, actor, reason);
    }

    /** The turn comes back from the client: the wait is added to the pause total and to the resolution target. */
    private void resume(ClientRequestEntity r) {
        Instant now = clock.instant();
        r.setResolutionDueAt(SlaClock.resumed(r.getResolutionDueAt(), r.getPausedSince(), now));
        r.setPausedSeconds(r.getPausedSeconds() + SlaClock.waited(r.getPausedSince(), now));
        r.setPausedSince(null);
    }

    private Duration confirmWithin(ClientRequestEntity r) {
        Object value = runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.getId().toString())
                .processDefinitionKey(ClientRequestProcess.PROCESS_ID).list().stream().findFirst()
                .map(pi -> runtime.getVariable(pi.getId(), ClientRequestProcess.VAR_CONFIRM_WITHIN)).orElse(null);
        try {
            return Duration.parse(String.valueOf(value == null ? ClientRequestProcess.DEFAULT_CONFIRM_WITHIN : value));
        } catch (RuntimeException e) {
            return Duration.parse(ClientRequestProcess.DEFAULT_CONFIRM_WITHIN);
        }
    }

    private ClientRequestEntity lockWorkedOn(UUID requestId, CurrentUser user, long seenVersion) {
        ClientRequestEntity r = lockForStaff(requestId);
        requireVersion(r, seenVersion);
        requireOpen(r);
        if (state(r) != RequestState.IN_PROGRESS) {
            throw problem("request", state(r) == RequestState.QUEUED ? "clientrequest.error.take-first"
                    : "clientrequest.error.waits-on-client");
        }
        if (!user.seesAllClients() && !user.username().equals(r.getAssignee())) {
            throw problem("request", "clientrequest.error.not-yours");
        }
        return r;
    }

    private ClientRequestEntity lockForStaff(UUID requestId) {
        currentUser.requireStaff();
        ClientRequestEntity r = lock(requestId);
        projects.requireAccess(place(r));
        return r;
    }

    /**
     * The client's request, optionally row-locked; NotFound for anything else (another client's, or in a project
     * not shared with the client), the same answer whatever the reason. The caller verified the scope.
     */
    private ClientRequestEntity customerRequest(UUID clientId, UUID requestId, boolean lock) {
        ClientRequestEntity r = (lock ? lockRow(requestId) : requests.findById(requestId))
                .filter(x -> x.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("Request"));
        if (r.getProjectId() != null) {
            projects.sharedProject(clientId, r.getProjectId());
        }
        return r;
    }

    private static boolean inGroup(CurrentUser user, String group) {
        if (user.seesAllClients() || group == null) {
            return true;
        }
        return switch (group) {
            case "member" -> user.has(Roles.MEMBER);
            case "manager" -> user.has(Roles.MANAGER);
            case "admin" -> user.has(Roles.ADMIN);
            default -> user.has(group.toUpperCase(Locale.ROOT).replace('-', '_'));
        };
    }

    private static void requireVersion(ClientRequestEntity r, long seenVersion) {
        if (r.getVersion() != seenVersion) {
            throw new StaleDataException("Request");
        }
    }

    private static void requireOpen(ClientRequestEntity r) {
        RequestState s = state(r);
        if (!s.isOpen()) {
            throw problem("request", s == RequestState.CANCELLED ? "clientrequest.error.cancelled"
                    : "clientrequest.error.closed");
        }
    }

    private static String required(String value, String field, String emptyKey, int max) {
        String text = clean(value);
        if (text == null) {
            throw problem(field, emptyKey);
        }
        if (text.length() > max) {
            throw problem(field, "validation.too-long", max);
        }
        return text;
    }

    private void completeTask(ClientRequestEntity r, String taskKey, VariableMap variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(r.getId().toString())
                .processDefinitionKey(ClientRequestProcess.PROCESS_ID).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            // the row said it waits here: the engine disagrees only if someone changed it by hand
            throw new StaleDataException("Request");
        }
        tasks.complete(task.getId(), variables);
    }

    private void correlate(ClientRequestEntity r, String message, VariableMap variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(r.getId().toString())
                .setVariables(variables).correlateAllWithResult();
    }

    private String nextNumber() {
        return numbers.next(LocalDate.now(clock).getYear());
    }

    private Optional<ClientRequestEntity> lockRow(UUID requestId) {
        return LockSwitch.gated() ? requests.lockById(requestId) : requests.findById(requestId);
    }

    private ClientRequestEntity lock(UUID requestId) {
        return lockRow(requestId).orElseThrow(() -> new NotFoundException("Request"));
    }

    private void entry(ClientRequestEntity r, String kind, boolean byCustomer, String actor, String body,
                       String detail, boolean visibleToClient) {
        entries.save(new ClientRequestEntryEntity(r.getId(), clock.instant(), kind, byCustomer, actor, body,
                detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail, visibleToClient));
    }

    private void publish(ClientRequestEntity r, ClientRequestChanged.Change change, String actor, String detail) {
        events.publishEvent(new ClientRequestChanged(r.getId(), r.getClientId(), r.getProjectId(), r.getNumber(),
                r.getSubject(), change, actor, r.getHandlingGroup(), r.getAssignee(), detail));
        boolean staffActor = actor != null && staff.find(actor).isPresent();
        // the timeline names staff by their username (it renders their name); a contact has no username there
        events.publishEvent(new ActivityRecorded(r.getClientId(), r.getProjectId(), staffActor ? actor : null,
                timelineKind(change, staffActor || actor == null), r.getId(), r.getNumber() + " " + r.getSubject(),
                staffActor ? null : actor));
    }

    /** CLIENT_REQUEST_RAISED for staff or the system, CLIENT_REQUEST_RAISED_BY_CLIENT when the contact did it. */
    static String timelineKind(ClientRequestChanged.Change change, boolean staffOrSystem) {
        return "CLIENT_REQUEST_" + change.name() + (staffOrSystem ? "" : "_BY_CLIENT");
    }

    private static WorkScope place(ClientRequestEntity r) {
        return r.getProjectId() == null ? WorkScope.client(r.getClientId())
                : WorkScope.project(r.getClientId(), r.getProjectId());
    }

    private static RequestState state(ClientRequestEntity r) {
        return RequestState.valueOf(r.getState());
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static InvalidInputException problem(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, key, args)));
    }

    private SlaStatus slaStatus(ClientRequestEntity r, Instant now) {
        return SlaClock.status(state(r), r.getResponseDueAt(), r.getRespondedAt(), r.getResolutionDueAt(), now);
    }

    private ClientRequest customerRecord(ClientRequestEntity r, boolean withEntries) {
        return build(r, withEntries, true);
    }

    private ClientRequest record(ClientRequestEntity r, boolean withEntries) {
        return build(r, withEntries, false, names(List.of(r)));
    }

    /**
     * Staff lists of requests: the names of every row's client, contact and project from one batched read each, not
     * three reads per row (a queue of 10,000 open requests sent 30,000 statements, issue 19 §7).
     */
    private List<ClientRequest> records(List<ClientRequestEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Names names = names(rows);
        return rows.stream().map(r -> build(r, false, false, names)).toList();
    }

    /** The client and contact names, and project places, that staff views of these requests show. */
    private record Names(Map<UUID, ClientRef> refs, Map<WorkScope, io.clientspace.project.PlaceRef> places) {
    }

    private Names names(List<ClientRequestEntity> rows) {
        java.util.Set<UUID> refIds = new java.util.HashSet<>();
        java.util.Set<WorkScope> inProjects = new java.util.HashSet<>();
        for (ClientRequestEntity r : rows) {
            refIds.add(r.getClientId());
            if (r.getContactId() != null) {
                refIds.add(r.getContactId());
            }
            if (r.getProjectId() != null) {
                inProjects.add(place(r));
            }
        }
        return new Names(clients.refsForAccessDecision(refIds), projects.places(inProjects));
    }

    private ClientRequest build(ClientRequestEntity r, boolean withEntries, boolean forCustomer) {
        return build(r, withEntries, forCustomer, null);
    }

    private ClientRequest build(ClientRequestEntity r, boolean withEntries, boolean forCustomer, Names names) {
        Instant now = clock.instant();
        List<RequestEntry> list = !withEntries ? List.of() : entries.byRequest(r.getId()).stream()
                .filter(e -> !forCustomer || e.isVisibleToClient())
                .map(e -> new RequestEntry(e.getAt(), e.getKind(), e.isByCustomer(), e.getActor(), e.getBody(),
                        e.getDetail())).toList();
        String projectName = null;
        String clientName = null;
        String contactName = null;
        if (!forCustomer) {
            Names n = names == null ? names(List.of(r)) : names;
            ClientRef ref = n.refs().get(r.getClientId());
            clientName = ref == null ? null : ref.name();
            if (r.getProjectId() != null) {
                var placeRef = n.places().get(place(r));
                projectName = placeRef == null ? null : placeRef.projectName();
            }
            if (r.getContactId() != null) {
                ClientRef contact = n.refs().get(r.getContactId());
                contactName = contact == null ? null : contact.name();
            }
        } else if (r.getProjectId() != null) {
            projectName = projects.sharedProject(r.getClientId(), r.getProjectId()).name();
        }
        ClientRequest.Sla sla = new ClientRequest.Sla(r.getResponseDueAt(), r.getResolutionDueAt(),
                r.getRespondedAt(), r.getPausedSince() != null, r.getPausedSeconds(),
                r.getResponseBreachedAt() != null, r.getResolutionBreachedAt() != null, slaStatus(r, now));
        // the customer sees the team, not its members' internals: the group and the rule stay inside
        List<RequestAttachment> attachments = !withEntries ? List.of() : attachmentsOf(r, forCustomer);
        return new ClientRequest(r.getId(), r.getClientId(), clientName, r.getProjectId(), projectName,
                r.getNumber(), r.getCategory(), r.getSubject(), r.getDescription(), r.getNeededBy(), state(r),
                r.getRaisedByName(), r.getRaisedByStaff() != null, contactName, r.getRaisedAt(), r.getPriority(),
                forCustomer ? null : r.getHandlingGroup(), forCustomer ? null : r.getTriageRule(),
                r.getResponseTarget(), r.getResolutionTarget(), forCustomer ? null : r.getAssignee(),
                r.getAssignee() == null ? null : staff.displayName(r.getAssignee()), r.getAskedAt(),
                r.getResolutionNote(), r.getResolvedAt(), r.getConfirmBy(), r.getClosedAt(), sla, list,
                attachments, r.getVersion());
    }

    /**
     * The request's files by name. The customer sees those the file module still serves (not in the trash, not
     * waiting for a virus scan); staff see every one, and the Files tab says where each stands.
     */
    private List<RequestAttachment> attachmentsOf(ClientRequestEntity r, boolean forCustomer) {
        List<RequestAttachment> all = jdbc.query("select file_id, name from client_request_attachment"
                        + " where request_id = ? order by name, file_id",
                (rs, i) -> new RequestAttachment(rs.getObject(1, UUID.class), rs.getString(2)), r.getId());
        if (!forCustomer || all.isEmpty()) {
            return all;
        }
        Set<UUID> served = files.attachments(r.getClientId(), all.stream().map(RequestAttachment::fileId).toList())
                .stream().map(SharedFile::id).collect(Collectors.toSet());
        return all.stream().filter(a -> served.contains(a.fileId())).toList();
    }

    private void requireAttached(UUID requestId, UUID fileId) {
        Long n = jdbc.queryForObject("select count(*) from client_request_attachment where request_id = ?"
                + " and file_id = ?", Long.class, requestId, fileId);
        if (n == null || n == 0) {
            throw new NotFoundException("File");
        }
    }
}
