package io.clientspace.inforequest;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.client.ClientArchived;
import io.clientspace.shared.ProcessOnly;
import org.springframework.data.domain.PageRequest;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.file.ObjectStore;
import io.clientspace.file.Quarantine;
import io.clientspace.inforequest.domain.InfoRequestEntity;
import io.clientspace.inforequest.domain.InfoRequestItemEntity;
import io.clientspace.inforequest.domain.InfoRequestItemRepository;
import io.clientspace.inforequest.domain.InfoRequestRepository;
import io.clientspace.inforequest.process.InformationRequestProcess;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.WorkScope;
import io.clientspace.project.SharedProject;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.LockSwitch;
import io.clientspace.shared.YearlyNumbers;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Information requests: the questions and files the team needs from the customer, in one of the client's projects.
 * The team writes a draft, sends it to the portal of the shared project, and reviews each answer (accept, or return it
 * with a comment); the request completes when every item is accepted. Sending starts information-request.bpmn
 * (business key = the request's id), which follows the answers and reviews, reminds the customer when they fall
 * quiet, and completes the request. Every change row-locks the request first, so double clicks, two tabs and two
 * contacts at once end in one outcome; an action on a completed or cancelled request changes nothing and says why.
 * Whoever may open the project sees its requests and reviews answers; sending and cancelling are for those who
 * decide what is shared with the client. The customer's methods take a {@link CustomerScope}, have
 * {@link PortalAccessPolicy} verify it, and answer NotFound for anything that is not the scope's client's, sent, and
 * in a shared project.
 */
@Service
public class InformationRequestService {

    public static final int TITLE_MAX = 200;
    public static final int PROMPT_MAX = 1000;
    public static final int ANSWER_MAX = 4000;
    public static final int COMMENT_MAX = 1000;
    public static final int ITEMS_MAX = 50;

    private final InfoRequestRepository requests;
    private final InfoRequestItemRepository items;
    private final ProjectService projects;
    private final ExternalAccessService externalAccess;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ObjectStore store;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final YearlyNumbers numbers;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InformationRequestService(InfoRequestRepository requests, InfoRequestItemRepository items,
                              ProjectService projects, ExternalAccessService externalAccess,
                              PortalAccessPolicy portalAccess, CurrentUserProvider currentUser, StaffDirectory staff, ObjectStore store,
                              RuntimeService runtime, ApplicationEventPublisher events, JdbcTemplate jdbc,
                              Clock clock, PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.items = items;
        this.projects = projects;
        this.externalAccess = externalAccess;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.store = store;
        this.runtime = runtime;
        this.events = events;
        this.numbers = new YearlyNumbers(jdbc, "info_request_counter", "R");
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The largest file a customer may upload for an item. */
    public long maxUploadBytes() {
        return store.maxSizeBytes();
    }

    // ---------------------------------------------------------------------------------------------- team reads

    /** Requests of the project that are not finished: drafts, sent and in progress. */
    @Transactional(readOnly = true)
    public long countOpenIn(UUID projectId) {
        projects.get(projectId);
        return requests.countOpenByProject(projectId);
    }

    /** The project's requests, newest first, each with its items. */
    @Transactional(readOnly = true)
    public List<InformationRequest> inProject(UUID projectId) {
        ClientProject project = projects.get(projectId);
        return records(requests.byProject(projectId), id -> project.name());
    }

    /**
     * @throws NotFoundException when there is no such request
     * @throws io.clientspace.shared.NoAccessException when the user may not open its project
     */
    @Transactional(readOnly = true)
    public InformationRequest get(UUID requestId) {
        InfoRequestEntity r = requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request"));
        ClientProject project = projects.get(r.getProjectId());
        return record(r, project.name());
    }

    /** Why the project's requests cannot be sent now; empty when they can. */
    @Transactional(readOnly = true)
    public List<SendBlocker> sendBlockers(UUID projectId) {
        return blockers(projects.get(projectId));
    }

    /**
     * A link (valid for a few minutes) to the file a customer uploaded for an item.
     *
     * @throws NotFoundException when the item has no file
     */
    @Transactional(readOnly = true)
    public String downloadLink(UUID itemId) {
        InfoRequestItemEntity item = items.findById(itemId).orElseThrow(() -> new NotFoundException("Item"));
        InfoRequestEntity r = requests.findById(item.getRequestId()).orElseThrow(() -> new NotFoundException("Request"));
        projects.get(r.getProjectId());
        if (item.getObjectKey() == null || item.isQuarantined()) {
            throw new NotFoundException("File");
        }
        return store.downloadLink(item.getObjectKey(), item.getFileName(), item.getContentType());
    }

    // -------------------------------------------------------------------------------------------- team changes

    /**
     * Writes a new request in the project, as a draft, with the next number of the year.
     *
     * @throws InvalidInputException when the title or an item is wrong; nothing is saved
     */
    @Transactional
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public InformationRequest createDraft(UUID projectId, RequestDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        ClientProject project = projects.get(projectId);
        requireWork(project);
        InvalidInputException.throwIfAny(check(draft));
        UUID id = UUID.randomUUID();
        InfoRequestEntity r = requests.saveAndFlush(new InfoRequestEntity(id, project.clientId(), projectId,
                nextNumber(), clean(draft.title()), user.username(), clock.instant()));
        saveItems(id, draft.items());
        publish(r, project.name(), InformationRequestChanged.Change.CREATED, user.username(), null, null);
        return record(r, project.name());
    }

    /**
     * Replaces title and items of a draft.
     *
     * @throws StaleDataException    when someone changed the request since {@code seenVersion}
     * @throws InvalidInputException when it is no longer a draft, or a field is wrong; nothing is saved
     */
    @Transactional
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public InformationRequest updateDraft(UUID requestId, RequestDraft draft, long seenVersion) {
        currentUser.requireStaff();
        InfoRequestEntity r = lock(requestId);
        ClientProject project = projects.get(r.getProjectId());
        requireWork(project);
        if (r.getVersion() != seenVersion) {
            throw new StaleDataException("Request");
        }
        if (status(r) != RequestStatus.DRAFT) {
            throw problem("request", "inforequest.error.not-draft");
        }
        InvalidInputException.throwIfAny(check(draft));
        r.setTitle(clean(draft.title()));
        items.deleteByRequest(requestId);
        items.flush();
        saveItems(requestId, draft.items());
        requests.saveAndFlush(r);
        return record(r, project.name());
    }

    /**
     * Sends a draft to the customer's portal: the active contacts get a mail with a link to it, and the process starts.
     * Sending it again (a double click) changes nothing.
     *
     * @throws InvalidInputException with a problem per {@link SendBlocker} (field "send"), or when the request is
     *                               cancelled; nothing is sent
     */
    @Transactional
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public InformationRequest send(UUID requestId) {
        CurrentUser user = currentUser.requireStaff();
        InfoRequestEntity r = lock(requestId);
        ClientProject project = projects.get(r.getProjectId());
        RequestStatus status = status(r);
        if (status.isOpen() || status == RequestStatus.COMPLETED) {
            return record(r, project.name());
        }
        if (status == RequestStatus.CANCELLED) {
            throw closed(status);
        }
        List<SendBlocker> blockers = blockers(project);
        InvalidInputException.throwIfAny(blockers.stream()
                .map(b -> FieldProblem.of("send", "inforequest.blockers." + b.name())).toList());
        r.sent(user.username(), clock.instant());
        requests.saveAndFlush(r);
        runtime.startProcessInstanceByKey(InformationRequestProcess.PROCESS_ID, requestId.toString(),
                Map.of(InformationRequestProcess.VAR_REQUEST_ID, requestId.toString()));
        publish(r, project.name(), InformationRequestChanged.Change.SENT, user.username(), null, null);
        return record(r, project.name());
    }

    /**
     * Accepts a submitted answer. Accepting it again changes nothing; the request completes when it was the last.
     *
     * @throws InvalidInputException when the item waits on the customer, was returned meanwhile, or the request is
     *                               closed; nothing changes
     */
    @Transactional
    public Outcome accept(UUID itemId) {
        return review(itemId, ItemState.ACCEPTED, null);
    }

    /**
     * Returns a submitted answer to the customer with a comment that says what is missing; they answer it again.
     * Returning it again changes nothing.
     *
     * @throws InvalidInputException when the comment is empty or too long, the item is not submitted or is accepted,
     *                               or the request is closed; nothing changes
     */
    @Transactional
    public Outcome returnToCustomer(UUID itemId, String comment) {
        String text = clean(comment);
        if (text == null) {
            throw problem("comment", "inforequest.error.comment-required");
        }
        if (text.length() > COMMENT_MAX) {
            throw problem("comment", "validation.too-long", COMMENT_MAX);
        }
        return review(itemId, ItemState.RETURNED, text);
    }

    /**
     * Cancels the request at any stage before completion; the customer can no longer answer it. Cancelling twice
     * changes nothing.
     *
     * @throws InvalidInputException when it is completed already
     */
    @Transactional
    public Outcome cancel(UUID requestId) {
        CurrentUser user = currentUser.requireStaff();
        InfoRequestEntity r = lock(requestId);
        ClientProject project = projects.get(r.getProjectId());
        requireWork(project);
        RequestStatus status = status(r);
        if (status == RequestStatus.CANCELLED) {
            return Outcome.ALREADY_DONE;
        }
        if (status == RequestStatus.COMPLETED) {
            throw closed(status);
        }
        if (!project.canManage()) {
            throw problem("request", "inforequest.blockers.NO_PERMISSION");
        }
        cancelLocked(r, status, project.name(), user.username());
        return Outcome.DONE;
    }

    private void cancelLocked(InfoRequestEntity r, RequestStatus status, String projectName, String actor) {
        r.closed(RequestStatus.CANCELLED.name(), actor, clock.instant());
        requests.saveAndFlush(r);
        if (status != RequestStatus.DRAFT) {
            correlate(r.getId(), InformationRequestProcess.MSG_CANCELLED);
        }
        publish(r, projectName, InformationRequestChanged.Change.CANCELLED, actor, null, null);
    }

    /**
     * Archiving the client cancels its open requests, drafts included, inside the archiving transaction (DD013): the
     * customer can no longer answer them and is told as on any cancel. The client module checked the archiving
     * user's access to the client; a project's own managers are not asked again.
     */
    @EventListener
    void on(ClientArchived event) {
        for (InfoRequestEntity open : requests.openByClient(event.clientId())) {
            InfoRequestEntity r = lock(open.getId());
            RequestStatus status = status(r);
            if (status == RequestStatus.CANCELLED || status == RequestStatus.COMPLETED) {
                continue;
            }
            // as for a reminder, the event names no project: nobody mails a cancel, and the timeline needs none
            cancelLocked(r, status, null, event.actor());
        }
    }

    /** What archiving the client will do to its requests, for the preview; called after the client's access check. */
    List<String> openForArchive(UUID clientId) {
        return requests.openByClient(clientId).stream().map(r -> r.getNumber() + " " + r.getTitle()).toList();
    }

    // ------------------------------------------------------------------------------ steps of the request model

    /** Whose turn it is. Called by the process only. */
    @Transactional(readOnly = true)
    @ProcessOnly("the information-request model's reminder timer")
    public WaitingOn waitingOn(UUID requestId) {
        List<InfoRequestItemEntity> list = items.byRequest(requestId);
        if (list.stream().anyMatch(i -> state(i).waitsOnCustomer())) {
            return WaitingOn.CUSTOMER;
        }
        return list.stream().allMatch(i -> state(i) == ItemState.ACCEPTED) ? WaitingOn.NOBODY : WaitingOn.TEAM;
    }

    /** Reminds the customer's contacts of what is still open, after the change commits. Called by the process only. */
    @Transactional
    @ProcessOnly("the information-request model's reminder timer")
    public void remind(UUID requestId) {
        lockRow(requestId).filter(r -> status(r).isOpen()).ifPresent(r -> {
            long waiting = items.byRequest(requestId).stream().filter(i -> state(i).waitsOnCustomer()).count();
            if (waiting > 0) {
                // the engine asks nobody's permission, so it names no project: the mail does not need it
                publish(r, null, InformationRequestChanged.Change.REMINDED, null, String.valueOf(waiting), null);
            }
        });
    }

    /** Every item is accepted: the request is complete. Called by the process only. */
    @Transactional
    @ProcessOnly("the information-request model")
    public void complete(UUID requestId) {
        lockRow(requestId).filter(r -> status(r).isOpen()).ifPresent(r -> {
            r.closed(RequestStatus.COMPLETED.name(), null, clock.instant());
            requests.saveAndFlush(r);
            publish(r, null, InformationRequestChanged.Change.COMPLETED, null, null, null);
        });
    }

    // ------------------------------------------------------------------------------------------ the customer

    /** The scope's client's requests its portal shows: sent ones, in shared projects, newest first. */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public List<InformationRequest> forCustomer(CustomerScope scope) {
        portalAccess.verify(scope, PortalSection.INFORMATION_REQUESTS);
        UUID clientId = scope.clientId();
        // only the shared projects the contact's policy shows (DD035)
        var rules = portalAccess.policyOf(scope);
        Map<UUID, String> shared = projects.sharedWithCustomer(clientId).stream()
                .filter(p -> rules.seesProject(p.id()))
                .collect(Collectors.toMap(SharedProject::id, SharedProject::name));
        if (shared.isEmpty()) {
            return List.of();
        }
        return records(requests.sentInProjects(clientId, shared.keySet()), shared::get);
    }

    /**
     * One request as the scope's client's portal shows it.
     *
     * @throws NotFoundException when it is not the client's, not sent, or its project is not shared
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public InformationRequest forCustomer(CustomerScope scope, UUID requestId) {
        portalAccess.verify(scope, PortalSection.INFORMATION_REQUESTS);
        InfoRequestEntity r = customerRequest(scope, requestId, false);
        return record(r, projects.sharedProject(scope.clientId(), r.getProjectId()).name());
    }

    /**
     * Stores a file the customer uploaded for a file item; it waits on the item until they submit. A second upload
     * replaces the first, whose object is removed once the new one is saved. The bytes go to storage before the
     * database transaction, and a failed save removes them again, so neither an orphan object nor a half-saved item
     * is left.
     *
     * The file is scanned for viruses first (DD010): an infected one is refused; while the scanner is unreachable it
     * is kept but waits in quarantine ({@link RequestItem#awaitingScan()}) until a scan releases it.
     *
     * The team sees the scope's display name as whoever answered.
     *
     * @throws InvalidInputException       when the file is refused (size, type, virus), the item takes no file or is not
     *                                     waiting on the customer, or the request is closed; nothing is stored
     * @throws io.clientspace.file.StorageUnavailableException when storage fails; nothing is stored
     * @throws NotFoundException           when the request or item is not the client's to answer
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public RequestItem uploadForCustomer(CustomerScope scope, UUID requestId, UUID itemId, String fileName,
                                         Path content) {
        portalAccess.verifyActing(scope, PortalSection.INFORMATION_REQUESTS);
        UUID clientId = scope.clientId();
        String responder = scope.displayName();
        // refuse early, before any bytes move; the transaction below checks again under the lock
        transactions.executeWithoutResult(s -> answerable(customerRequest(scope, requestId, false), itemId,
                ItemKind.FILE));
        // the customer's narrower allowlist, and a virus scan; quarantined while the scanner is unreachable (DD010)
        ObjectStore.Accepted upload = store.checkCustomerUploadOrQuarantine(fileName, content);
        String key = "clients/" + clientId + "/requests/" + requestId + "/" + itemId + "/" + UUID.randomUUID();
        String sha256 = store.put(key, content, upload);
        try {
            return transactions.execute(s -> {
                InfoRequestEntity r = customerRequest(scope, requestId, true);
                InfoRequestItemEntity item = answerable(r, itemId, ItemKind.FILE);
                String previous = item.draftFile(upload.name(), upload.contentType(), upload.size(), key, sha256,
                        abbreviate(responder, 200), clock.instant());
                if (upload.awaitingScan()) {
                    item.quarantine();
                }
                items.saveAndFlush(item);
                if (previous != null) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            store.removeQuietly(previous);
                        }
                    });
                }
                return item(item);
            });
        } catch (RuntimeException e) {
            store.removeQuietly(key);
            throw e;
        }
    }

    /**
     * Saves the customer's typed answers and submits every item that has an answer (typed now or before, or an
     * uploaded file) for review; items without one stay open. A second submit of the same answers (a double click,
     * another tab, another contact who was quicker) finds them submitted and answers {@link Outcome#ALREADY_DONE}.
     * The team sees the scope's display name as whoever answered.
     *
     * @param answers what the form showed as answerable, by item id: a question's typed answer, null for a file
     *                item (its upload is on the item already); items not in the map keep what they have
     * @throws InvalidInputException when an answer is too long (field "item-&lt;id&gt;"), nothing is answered, a file
     *                               still waits for its virus scan, or the request is closed; nothing is saved
     * @throws NotFoundException     when the request or an item is not the client's to answer
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @Transactional
    @ModuleGate(FirmModule.INFORMATION_REQUESTS)
    public Outcome submitForCustomer(CustomerScope scope, UUID requestId, Map<UUID, String> answers) {
        portalAccess.verifyActing(scope, PortalSection.INFORMATION_REQUESTS);
        UUID clientId = scope.clientId();
        String responder = scope.displayName();
        InfoRequestEntity r = customerRequest(scope, requestId, true);
        RequestStatus status = status(r);
        if (!status.isOpen()) {
            throw closed(status);
        }
        Map<UUID, InfoRequestItemEntity> byId = items.byRequest(requestId).stream()
                .collect(Collectors.toMap(InfoRequestItemEntity::getId, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        String who = abbreviate(responder, 200);
        answers.forEach((itemId, text) -> {
            InfoRequestItemEntity item = byId.get(itemId);
            if (item == null) {
                throw new NotFoundException("Item");
            }
            if (kind(item) != ItemKind.QUESTION || !state(item).waitsOnCustomer()) {
                return;
            }
            String answer = clean(text);
            if (answer != null && answer.length() > ANSWER_MAX) {
                problems.add(FieldProblem.of("item-" + itemId, "validation.too-long", ANSWER_MAX));
            } else if (!Objects.equals(answer, item.getAnswerText())) {
                item.draftAnswer(answer, who, clock.instant());
            }
        });
        InvalidInputException.throwIfAny(problems);
        List<InfoRequestItemEntity> ready = byId.values().stream()
                .filter(InfoRequestItemEntity::readyToSubmit).toList();
        // a file still waiting for its virus scan does not reach the team; the customer submits once it is released
        ready.stream().filter(InfoRequestItemEntity::isQuarantined).findFirst().ifPresent(i -> {
            throw problem("answers", "file.error.awaiting-scan-submit", i.getFileName());
        });
        if (ready.isEmpty()) {
            boolean theirsAreIn = answers.keySet().stream().map(byId::get).noneMatch(i -> state(i).waitsOnCustomer());
            if (theirsAreIn && !answers.isEmpty() || byId.values().stream().noneMatch(i -> state(i).waitsOnCustomer())) {
                return Outcome.ALREADY_DONE;
            }
            throw problem("answers", byId.values().stream().anyMatch(i -> state(i) == ItemState.RETURNED)
                    ? "inforequest.error.returned-unchanged" : "inforequest.error.nothing-to-submit");
        }
        for (InfoRequestItemEntity item : ready) {
            item.setState(ItemState.ANSWERED.name());
            item.draftAnswer(item.getAnswerText(), who, clock.instant());
        }
        items.saveAllAndFlush(byId.values());
        if (status == RequestStatus.SENT) {
            r.setStatus(RequestStatus.IN_PROGRESS.name());
        }
        requests.saveAndFlush(r);
        publish(r, projects.sharedProject(clientId, r.getProjectId()).name(),
                InformationRequestChanged.Change.SUBMITTED, null, who,
                String.valueOf(ready.size()));
        correlate(requestId, InformationRequestProcess.MSG_ANSWERS_SUBMITTED);
        return Outcome.DONE;
    }

    /**
     * Offers the customer uploads that wait in quarantine to the virus scanner again, oldest first: a clean one is
     * released (the customer can submit it), an infected one is removed from its item, which waits for a new upload,
     * and the event logged. Stops at the first without a verdict. Each under its request's lock, one per transaction.
     * Runs in the background (RequestUploadQuarantineRelease).
     *
     * @return how many files were released
     */
    public int releaseQuarantined() {
        return Quarantine.releaseEach(items.quarantined(
                PageRequest.of(0, 100)), transactions, this::rescan);
    }

    private Quarantine.Rescan rescan(UUID itemId) {
        UUID requestId = items.requestIdOf(itemId).orElse(null);
        if (requestId == null) {
            return Quarantine.Rescan.REMOVED_OR_GONE;
        }
        lock(requestId);
        InfoRequestItemEntity item = items.findById(itemId).orElse(null);
        if (item == null || !item.isQuarantined()) {
            return Quarantine.Rescan.REMOVED_OR_GONE;
        }
        var scan = store.scanStored(item.getObjectKey());
        switch (scan.verdict()) {
            case CLEAN -> {
                item.released();
                items.saveAndFlush(item);
                return Quarantine.Rescan.RELEASED;
            }
            case INFECTED -> {
                org.slf4j.LoggerFactory.getLogger(InformationRequestService.class).warn(
                        "SECURITY: quarantined upload \"{}\" by {} on request {} is {}; removed", item.getFileName(),
                        item.getAnsweredBy(), requestId, scan.detail());
                String key = item.dropFile();
                items.saveAndFlush(item);
                store.remove(key);
                return Quarantine.Rescan.REMOVED_OR_GONE;
            }
            default -> {
                return Quarantine.Rescan.NO_VERDICT;
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** The rules a draft must meet, for the form and the service alike. */
    public static List<FieldProblem> check(RequestDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        String title = clean(d.title());
        if (title == null) {
            p.add(FieldProblem.of("title", "inforequest.error.title-required"));
        } else if (title.length() > TITLE_MAX) {
            p.add(FieldProblem.of("title", "validation.too-long", TITLE_MAX));
        }
        List<RequestItemDraft> list = d.items() == null ? List.of() : d.items();
        if (list.isEmpty()) {
            p.add(FieldProblem.of("items", "inforequest.error.items-required"));
        } else if (list.size() > ITEMS_MAX) {
            p.add(FieldProblem.of("items", "inforequest.error.items-too-many", ITEMS_MAX));
        }
        for (int i = 0; i < list.size(); i++) {
            RequestItemDraft item = list.get(i);
            String prompt = clean(item.prompt());
            if (prompt == null) {
                p.add(FieldProblem.of("item-" + i, "inforequest.error.prompt-required"));
            } else if (prompt.length() > PROMPT_MAX) {
                p.add(FieldProblem.of("item-" + i, "validation.too-long", PROMPT_MAX));
            }
            if (item.kind() == null) {
                p.add(FieldProblem.of("item-" + i, "inforequest.error.kind-required"));
            }
        }
        return p;
    }

    private Outcome review(UUID itemId, ItemState to, String comment) {
        CurrentUser user = currentUser.requireStaff();
        // the item itself is read only under the request's lock, so its state is the one that counts
        UUID requestId = items.requestIdOf(itemId).orElseThrow(() -> new NotFoundException("Item"));
        InfoRequestEntity r = lock(requestId);
        ClientProject project = projects.get(r.getProjectId());
        requireWork(project);
        InfoRequestItemEntity item = items.findById(itemId).orElseThrow(() -> new NotFoundException("Item"));
        RequestStatus status = status(r);
        if (!status.isOpen()) {
            throw closed(status);
        }
        ItemState state = state(item);
        if (state == to) {
            return Outcome.ALREADY_DONE;
        }
        if (state == ItemState.ACCEPTED) {
            throw problem("item", "inforequest.error.already-accepted");
        }
        if (state != ItemState.ANSWERED) {
            throw problem("item", "inforequest.error.not-submitted");
        }
        item.reviewed(to.name(), comment, user.username(), clock.instant());
        items.saveAndFlush(item);
        publish(r, project.name(), to == ItemState.ACCEPTED ? InformationRequestChanged.Change.ITEM_ACCEPTED
                : InformationRequestChanged.Change.ITEM_RETURNED, user.username(), abbreviate(item.getPrompt(), 300),
                comment);
        if (to == ItemState.ACCEPTED && kind(item) == ItemKind.FILE && item.getObjectKey() != null) {
            events.publishEvent(new RequestFileAccepted(r.getId(), item.getId(), r.getClientId(), r.getProjectId(),
                    item.getObjectKey(), item.getFileName(), item.getContentType(),
                    item.getSizeBytes() == null ? 0 : item.getSizeBytes(), item.getSha256(), user.username()));
        }
        correlate(requestId, InformationRequestProcess.MSG_ITEMS_REVIEWED);
        return Outcome.DONE;
    }

    /** Writing, reviewing and cancelling requests is work in the project: an editor or above (README matrix). */
    private void requireWork(ClientProject project) {
        projects.requireWork(WorkScope.project(project.clientId(), project.id()));
    }

    /** Whether the current user may write and review requests in the project, for the tab's New request. */
    @Transactional(readOnly = true)
    public io.clientspace.project.WorkspaceRights rights(UUID projectId) {
        ClientProject project = projects.get(projectId);
        return projects.rights(WorkScope.project(project.clientId(), project.id()));
    }

    private List<SendBlocker> blockers(ClientProject project) {
        List<SendBlocker> b = new ArrayList<>();
        if (!project.canManage()) {
            b.add(SendBlocker.NO_PERMISSION);
        }
        if (!project.sharedWithClient()) {
            b.add(SendBlocker.NOT_SHARED);
        }
        if (!externalAccess.hasReachableContacts(project.clientId())) {
            b.add(SendBlocker.NO_CONTACTS);
        }
        return b;
    }

    /**
     * The client's sent request in a shared project, optionally row-locked; NotFound for anything else, the same
     * answer whatever the reason, so nobody learns what exists. The caller verified the scope the client id is from.
     */
    private InfoRequestEntity customerRequest(CustomerScope scope, UUID requestId, boolean lock) {
        InfoRequestEntity r = customerRequest(scope.clientId(), requestId, lock);
        // a contact whose policy names projects answers only those projects' requests (DD035)
        portalAccess.verify(scope, PortalSection.INFORMATION_REQUESTS, r.getProjectId());
        return r;
    }

    private InfoRequestEntity customerRequest(UUID clientId, UUID requestId, boolean lock) {
        InfoRequestEntity r = (lock ? lockRow(requestId) : requests.findById(requestId))
                .filter(x -> x.getClientId().equals(clientId) && x.getSentAt() != null)
                .orElseThrow(() -> new NotFoundException("Request"));
        projects.sharedProject(clientId, r.getProjectId());
        return r;
    }

    /** The item, if the customer may answer it with this kind of answer now. */
    private InfoRequestItemEntity answerable(InfoRequestEntity r, UUID itemId, ItemKind kind) {
        RequestStatus status = status(r);
        if (!status.isOpen()) {
            throw closed(status);
        }
        InfoRequestItemEntity item = items.findById(itemId).filter(i -> i.getRequestId().equals(r.getId()))
                .orElseThrow(() -> new NotFoundException("Item"));
        if (kind(item) != kind) {
            throw problem("file", "inforequest.error.wrong-kind");
        }
        if (!state(item).waitsOnCustomer()) {
            throw problem("file", "inforequest.error.already-submitted");
        }
        return item;
    }

    private String nextNumber() {
        return numbers.next(LocalDate.now(clock).getYear());
    }

    /** The request, row-locked until the transaction ends (see {@link InfoRequestRepository#lockById}). */
    private java.util.Optional<InfoRequestEntity> lockRow(UUID requestId) {
        return LockSwitch.gated() ? requests.lockById(requestId) : requests.findById(requestId);
    }

    private void saveItems(UUID requestId, List<RequestItemDraft> drafts) {
        int position = 1;
        for (RequestItemDraft d : drafts) {
            items.save(new InfoRequestItemEntity(UUID.randomUUID(), requestId, position++, d.kind().name(),
                    clean(d.prompt()), d.due()));
        }
        items.flush();
    }

    private InfoRequestEntity lock(UUID requestId) {
        return lockRow(requestId).orElseThrow(() -> new NotFoundException("Request"));
    }

    private void correlate(UUID requestId, String message) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(requestId.toString())
                .correlateAllWithResult();
    }

    private void publish(InfoRequestEntity r, String projectName, InformationRequestChanged.Change change,
                         String actor, String detail, String note) {
        InformationRequestChanged event = new InformationRequestChanged(r.getId(), r.getClientId(), r.getProjectId(),
                projectName, r.getNumber(), r.getTitle(), change, actor, detail, note);
        events.publishEvent(event);
        events.publishEvent(new ActivityRecorded(r.getClientId(), r.getProjectId(), actor, event.timelineKind(),
                r.getId(), r.getNumber() + " " + r.getTitle(), detail));
    }

    private List<InformationRequest> records(List<InfoRequestEntity> rows, Function<UUID, String> projectName) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<InfoRequestItemEntity>> byRequest = items.byRequests(rows.stream()
                .map(InfoRequestEntity::getId).toList()).stream()
                .collect(Collectors.groupingBy(InfoRequestItemEntity::getRequestId));
        return rows.stream().map(r -> record(r, projectName.apply(r.getProjectId()),
                byRequest.getOrDefault(r.getId(), List.of()))).toList();
    }

    private InformationRequest record(InfoRequestEntity r, String projectName) {
        return record(r, projectName, items.byRequest(r.getId()));
    }

    private InformationRequest record(InfoRequestEntity r, String projectName, List<InfoRequestItemEntity> list) {
        return new InformationRequest(r.getId(), r.getClientId(), r.getProjectId(), projectName, r.getNumber(),
                r.getTitle(), status(r), staff.displayName(r.getCreatedBy()), r.getCreatedAt(),
                r.getSentBy() == null ? null : staff.displayName(r.getSentBy()), r.getSentAt(), r.getClosedAt(),
                list.stream().map(this::item).toList(), r.getVersion());
    }

    private RequestItem item(InfoRequestItemEntity i) {
        return new RequestItem(i.getId(), i.getPosition(), kind(i), i.getPrompt(), i.getDueDate(), state(i),
                i.getAnswerText(), i.getFileName(), i.getSizeBytes(), i.getAnsweredBy(), i.getAnsweredAt(),
                i.getReviewComment(), i.getReviewedBy() == null ? null : staff.displayName(i.getReviewedBy()),
                i.getReviewedAt(), i.isQuarantined());
    }

    private static RequestStatus status(InfoRequestEntity r) {
        return RequestStatus.valueOf(r.getStatus());
    }

    private static ItemState state(InfoRequestItemEntity i) {
        return ItemState.valueOf(i.getState());
    }

    private static ItemKind kind(InfoRequestItemEntity i) {
        return ItemKind.valueOf(i.getKind());
    }

    private static InvalidInputException closed(RequestStatus status) {
        return problem("request", status == RequestStatus.COMPLETED ? "inforequest.error.completed"
                : "inforequest.error.cancelled");
    }

    private static InvalidInputException problem(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, key, args)));
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
