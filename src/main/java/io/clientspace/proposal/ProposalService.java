package io.clientspace.proposal;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.shared.ProcessOnly;
import org.camunda.bpm.engine.ManagementService;
import io.clientspace.client.ClientRef;
import io.clientspace.security.StaffMember;
import java.util.Optional;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientAction;
import io.clientspace.client.ClientService;
import io.clientspace.deal.DealService;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.WorkScope;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.file.FileService;
import io.clientspace.file.ObjectStore;
import io.clientspace.file.SharedDownload;
import io.clientspace.file.SharedFile;
import io.clientspace.proposal.domain.MilestoneEmbeddable;
import io.clientspace.proposal.domain.ProposalEntity;
import io.clientspace.proposal.domain.ProposalRepository;
import io.clientspace.proposal.process.ProposalApprovalProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.CustomerActed;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.LockSwitch;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.task.WorkTaskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals on a client, from draft to the customer's answer, each submitted one run by the proposal-approval
 * process (business key = the proposal's id). Whoever may open the client may draft a proposal and submit it; only
 * its owner, an admin or a manager changes it, and an admin or manager other than the owner approves it. The customer
 * sees it from its sending on and accepts or declines it in the portal. Every answer takes the proposal's row lock
 * and checks its state before the process hears of it, so two answers at once, or an answer racing the expiry, end
 * in exactly one outcome; the later one is told what happened, and nothing changes.
 */
@Service
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private static final Set<ProposalStatus> CUSTOMER_STATUSES = EnumSet.of(ProposalStatus.SENT,
            ProposalStatus.ACCEPTED, ProposalStatus.DECLINED, ProposalStatus.EXPIRED, ProposalStatus.WITHDRAWN);

    private static final String PDF_TYPE = "application/pdf";

    private final ProposalRepository proposals;
    private final ClientService clients;
    private final DealService deals;
    private final ExternalAccessService externalAccess;
    private final PortalAccessPolicy portalAccess;
    private final FileService files;
    private final WorkTaskService workTasks;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final Translations translations;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService engineTasks;
    private final DecisionService decisions;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProposalPdf pdfs;
    private final ObjectStore objects;
    private final ProjectService projects;

    ProposalService(ProposalRepository proposals, ClientService clients, DealService deals,
                    ExternalAccessService externalAccess, PortalAccessPolicy portalAccess, FileService files,
                    WorkTaskService workTasks,
                    CurrentUserProvider currentUser, StaffDirectory staff, Translations translations,
                    RuntimeService runtime, ManagementService management, TaskService engineTasks, DecisionService decisions,
                    ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, ProposalPdf pdfs,
                    ObjectStore objects, ProjectService projects) {
        this.projects = projects;
        this.proposals = proposals;
        this.clients = clients;
        this.deals = deals;
        this.externalAccess = externalAccess;
        this.portalAccess = portalAccess;
        this.files = files;
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        this.staff = staff;
        this.translations = translations;
        this.runtime = runtime;
        this.management = management;
        this.engineTasks = engineTasks;
        this.decisions = decisions;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.pdfs = pdfs;
        this.objects = objects;
    }

    // ----------------------------------------------------------------------------------------------- staff reads

    /** The client's proposals, newest first. */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public List<Proposal> forClient(UUID clientId) {
        clients.requireAccess(clientId);
        boolean amounts = clients.seesAmounts(clientId);
        List<ProposalEntity> rows = proposals.findByClientIdOrderByCreatedAtDesc(clientId);
        Map<UUID, String> dealTitles = new HashMap<>();
        if (rows.stream().anyMatch(p -> p.getDealId() != null)) {
            deals.forClient(clientId).forEach(d -> dealTitles.put(d.id(), d.title()));
        }
        return rows.stream().map(p -> toRecord(p, p.getDealId() == null ? null : dealTitles.get(p.getDealId())))
                .map(p -> amounts ? p : p.withoutAmounts()).toList();
    }

    /**
     * The proposals in the scope, newest first: a client's scope holds all its proposals, its projects' too; a
     * project's only its own. A member in the project's work group who may not open the client sees the project's
     * proposals and no others (DD032).
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public List<Proposal> in(WorkScope scope) {
        if (!scope.isProject()) {
            return forClient(scope.clientId());
        }
        projects.requireAccess(scope);
        boolean amounts = projects.seesAmounts(scope);
        List<ProposalEntity> rows = proposals.findByProjectIdOrderByCreatedAtDesc(scope.projectId());
        Map<UUID, String> dealTitles = new HashMap<>();
        if (rows.stream().anyMatch(p -> p.getDealId() != null)) {
            // deals the viewer may see in the project; a linked deal elsewhere shows without its title
            deals.in(scope).forEach(d -> dealTitles.put(d.id(), d.title()));
        }
        return rows.stream().map(p -> toRecord(p, p.getDealId() == null ? null : dealTitles.get(p.getDealId())))
                .map(p -> amounts ? p : p.withoutAmounts()).toList();
    }

    /** How many proposals the scope holds (see {@link #in}); one indexed count. */
    @Transactional(readOnly = true)
    public long countIn(WorkScope scope) {
        if (!scope.isProject()) {
            return countForClient(scope.clientId());
        }
        projects.requireAccess(scope);
        return proposals.countByProjectId(scope.projectId());
    }

    /** How many proposals the client has; one indexed count. */
    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return proposals.countByClientId(clientId);
    }

    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal get(UUID proposalId) {
        ProposalEntity p = proposals.findById(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        requireProposal(p);
        Proposal record = toRecord(p, p.getDealId() == null ? null : dealTitle(p.getDealId()));
        return seesAmountsOf(p) ? record : record.withoutAmounts();
    }

    /** The deal's title, when the viewer may open it: one in a project they are not in shows without it. */
    private String dealTitle(UUID dealId) {
        try {
            return deals.get(dealId).title();
        } catch (NoAccessException | NotFoundException e) {
            return null;
        }
    }

    /**
     * Whether a proposal on the client can be sent: only when somebody on the customer's side can read it, an active
     * or invited portal contact. The workspace shows why not.
     */
    @Transactional(readOnly = true)
    public boolean canSend(UUID clientId) {
        clients.requireAccess(clientId);
        return externalAccess.hasReachableContacts(clientId);
    }

    /** {@link #canSend(UUID)} asked from a workspace: a project's work group may ask it without opening the client. */
    @Transactional(readOnly = true)
    public boolean canSend(WorkScope scope) {
        projects.requireAccess(scope);
        return externalAccess.hasReachableContacts(scope.clientId());
    }

    /**
     * Whether the current user may create a proposal in the scope: a manager of the client or, in a project, of the
     * project (its owner). Proposals leave the firm (ClientAction#SHARE).
     */
    @Transactional(readOnly = true)
    public boolean canCreate(WorkScope scope) {
        return projects.may(scope, ClientAction.SHARE);
    }

    /**
     * Whether the current user may change or submit the proposal: its owner, an admin or a manager, and only while
     * they are a manager of its client (proposals leave the firm, see ClientAction#SHARE).
     */
    public boolean canEdit(Proposal p) {
        CurrentUser user = currentUser.requireStaff();
        return (user.seesAllClients() || user.username().equals(p.owner()))
                && projects.may(scopeOf(p.clientId(), p.projectId()), ClientAction.SHARE);
    }

    /**
     * Whether the current user may approve or return it: an admin or manager who is neither its owner, nor who
     * submitted it, nor who changed it last (four eyes, see docs/decisions/DD010-evidence-and-uploads.md).
     */
    public boolean canApprove(Proposal p) {
        CurrentUser user = currentUser.requireStaff();
        return user.seesAllClients() && !involved(user.username(), p.owner(), p.submittedBy(), p.lastEditedBy());
    }

    // ---------------------------------------------------------------------------------------------- staff writes

    /**
     * Creates a draft proposal on the client, owned by the current user, with the next number of the year. A deal,
     * when given, must be the client's; attachments must be the client's files. A project, when given
     * ({@link ProposalDraft#getProjectId()}), must be the client's, and the user must manage it.
     *
     * @throws InvalidInputException when a field is wrong, or the project is another client's (field "project",
     *                               proposal.error.project-other-client); nothing is saved and no number is used
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal create(UUID clientId, ProposalDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        UUID projectId = draft.getProjectId();
        if (projectId != null) {
            // a project of another client is refused, whatever the form sent
            projectName(clientId, projectId);
        }
        projects.require(scopeOf(clientId, projectId), ClientAction.SHARE);
        InvalidInputException.throwIfAny(problems(clientId, draft));
        ProposalEntity p = new ProposalEntity(UUID.randomUUID(), clientId, nextNumber(), user.username(),
                clock.instant());
        p.setProjectId(projectId);
        apply(p, draft);
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.CREATED, user.username(), null, ProposalRules.fee(draft).toPlainString()
                + " " + p.getCurrency());
        return get(p.getId());
    }

    /**
     * Changes a draft proposal (also one the approver returned).
     *
     * @param seenVersion the version the user's form was loaded with
     * @throws InvalidInputException when a field is wrong, or the proposal is no longer a draft; nothing changes
     * @throws StaleDataException    when someone changed it since the user loaded it
     * @throws NoAccessException     unless the user owns it or is an admin or manager
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal update(UUID proposalId, long seenVersion, ProposalDraft draft) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity p = lockForStaff(proposalId);
        requireEditor(user, p);
        if (p.getVersion() != seenVersion) {
            throw new StaleDataException("Proposal");
        }
        if (p.getStatus() != ProposalStatus.DRAFT) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "proposal.error.not-draft")));
        }
        InvalidInputException.throwIfAny(problems(p.getClientId(), draft));
        apply(p, draft);
        p.edited(user.username(), clock.instant());
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.UPDATED, user.username(), null, null);
        return get(proposalId);
    }

    /**
     * Moves a draft proposal into another project of the same client, or to the client as a whole ({@code projectId}
     * null); the move is recorded on the timeline. Moving it where it is changes nothing. Once submitted, a proposal
     * stays where it was sent from.
     *
     * @throws InvalidInputException when the project is another client's (field "project"), or the proposal is no
     *                               longer a draft; nothing changes
     * @throws StaleDataException    when someone changed it since {@code seenVersion}
     * @throws NoAccessException     unless the user may change it, and manage the project it goes to
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal moveToProject(UUID proposalId, long seenVersion, UUID projectId) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity p = lockForStaff(proposalId);
        requireEditor(user, p);
        if (p.getVersion() != seenVersion) {
            throw new StaleDataException("Proposal");
        }
        if (Objects.equals(p.getProjectId(), projectId)) {
            return get(proposalId);
        }
        if (p.getStatus() != ProposalStatus.DRAFT) {
            throw new InvalidInputException(List.of(FieldProblem.of("project", "proposal.error.move-not-draft")));
        }
        String to = projectName(p.getClientId(), projectId);
        if (projectId != null) {
            projects.require(scopeOf(p.getClientId(), projectId), ClientAction.SHARE);
        }
        String from = p.getProjectId() == null ? "–" : projects.get(p.getProjectId()).name();
        p.setProjectId(projectId);
        proposals.saveAndFlush(p);
        events.publishEvent(new ActivityRecorded(p.getClientId(), projectId, user.username(),
                "PROPOSAL_PROJECT_CHANGED", p.getId(), p.getTitle(), abbreviate(p.getNumber() + " · " + from + " → "
                + to, 1000)));
        return get(proposalId);
    }

    /** The project's name, if it is the client's and the user may open it; "–" for none. */
    private String projectName(UUID clientId, UUID projectId) {
        if (projectId == null) {
            return "–";
        }
        var project = projects.get(projectId);
        if (!project.clientId().equals(clientId)) {
            throw new InvalidInputException(List.of(FieldProblem.of("project",
                    "proposal.error.project-other-client")));
        }
        return project.name();
    }

    private static WorkScope scopeOf(UUID clientId, UUID projectId) {
        return projectId == null ? WorkScope.client(clientId) : WorkScope.project(clientId, projectId);
    }

    /** A proposal in a project is open to whoever may open the project; any other to whoever may open the client. */
    private void requireProposal(ProposalEntity p) {
        projects.requireAccess(scopeOf(p.getClientId(), p.getProjectId()));
    }

    /**
     * Submits a draft: the proposal-approval process asks its rules whether someone must approve it; if not, it is
     * sent to the customer at once. Submitting one that is already on its way changes nothing.
     *
     * @throws InvalidInputException when nobody on the customer's side could read it (no active or invited portal
     *                               contact), or it is past its valid-until date; nothing changes
     * @throws NoAccessException     unless the user owns it or is an admin or manager
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal submit(UUID proposalId) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity p = lockForStaff(proposalId);
        requireEditor(user, p);
        if (p.getStatus() != ProposalStatus.DRAFT) {
            return get(proposalId);
        }
        if (!externalAccess.hasReachableContacts(p.getClientId())) {
            throw new InvalidInputException(List.of(FieldProblem.of("send", "proposal.error.no-portal-contact")));
        }
        if (p.getValidUntil().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException(List.of(FieldProblem.of("validUntil", "proposal.error.valid-until-past")));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProposalApprovalProcess.VAR_PROPOSAL_ID, proposalId.toString());
        // recorded before the process starts: its first step may already send the proposal
        p.submittedBy(user.username());
        variables.put(ProposalApprovalProcess.VAR_APPROVER, approverFor(p));
        variables.put(ProposalApprovalProcess.VAR_EXPIRES_AT, Date.from(p.getValidUntil().plusDays(1)
                .atStartOfDay(clock.getZone()).toInstant()));
        variables.put(ProposalApprovalProcess.VAR_FEE_AMOUNT, p.getFeeAmount().doubleValue());
        variables.put(ProposalApprovalProcess.VAR_DISCOUNT_PERCENT, p.getDiscountPercent().doubleValue());
        variables.put(ProposalApprovalProcess.VAR_FEE_MODEL, p.getFeeModel().name());
        var instance = runtime.startProcessInstanceByKey(ProposalApprovalProcess.PROCESS_ID, proposalId.toString(),
                variables);
        p.submitted(instance.getId(), user.username(), clock.instant());
        proposals.saveAndFlush(p);
        return get(proposalId);
    }

    /**
     * Approves a proposal that awaits approval: it is sent to the customer right away. When someone else approved
     * or returned it a moment ago, nothing changes and the proposal as it is now comes back.
     *
     * @throws NoAccessException unless the user is an admin or manager other than the proposal's owner
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal approve(UUID proposalId) {
        return decideApproval(proposalId, null);
    }

    /**
     * Returns a proposal that awaits approval to its owner, with a comment for them: it is a draft again.
     *
     * @throws InvalidInputException when the comment is missing or too long; nothing changes
     * @throws NoAccessException     unless the user is an admin or manager other than the proposal's owner
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal returnToOwner(UUID proposalId, String comment) {
        FieldProblem problem = ProposalRules.checkReason(comment, "comment", "proposal.error.comment-required");
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        return decideApproval(proposalId, clean(comment));
    }

    /** Approves ({@code returnComment} null) or returns the proposal, if it still awaits approval. */
    private Proposal decideApproval(UUID proposalId, String returnComment) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity p = lockForStaff(proposalId);
        requireApprover(user, p);
        if (p.getStatus() != ProposalStatus.AWAITING_APPROVAL) {
            // someone else decided a moment ago: their decision stands, and is the answer
            return get(proposalId);
        }
        if (returnComment == null) {
            p.approve(user.username(), clock.instant());
        } else {
            p.returnToDraft(user.username(), returnComment, clock.instant());
        }
        proposals.saveAndFlush(p);
        publish(p, returnComment == null ? ProposalChanged.Change.APPROVED : ProposalChanged.Change.RETURNED,
                user.username(), null, returnComment);
        completeApproval(p, user, returnComment == null);
        return get(proposalId);
    }

    /**
     * Withdraws a sent proposal, saying why: the customer can no longer answer it, the portal shows it as withdrawn,
     * its process ends on ProposalWithdrawn and the client's portal contacts are mailed. The row lock decides a race
     * with the customer's answer (DD014): whichever came first stands, the other is told.
     *
     * @throws InvalidInputException when the reason is missing or too long, or the proposal is not waiting for the
     *                               customer any more (answered, expired or never sent); nothing changes. Withdrawing
     *                               one that is withdrawn already changes nothing and returns it.
     * @throws NoAccessException     unless the user owns it or is an admin or manager
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal withdraw(UUID proposalId, String reason) {
        CurrentUser user = currentUser.requireStaff();
        FieldProblem problem = ProposalRules.checkReason(reason, "reason", "proposal.error.withdraw-reason-required");
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        ProposalEntity p = lockForStaff(proposalId);
        requireEditor(user, p);
        ProposalStatus now = customerStatus(p);
        if (now == ProposalStatus.WITHDRAWN) {
            return get(proposalId);
        }
        if (now != ProposalStatus.SENT) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "proposal.error.withdraw-not-pending",
                    translations.getTranslation("proposal.statuses." + now.name(), localeOf(user.username())))));
        }
        p.withdrawn(user.username(), clean(reason), clock.instant());
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.WITHDRAWN, user.username(), null, clean(reason));
        correlate(ProposalApprovalProcess.MSG_WITHDRAWN, p);
        return get(proposalId);
    }

    /**
     * Revises a withdrawn proposal as a new version: a draft with the same content, owned by the current user,
     * numbered after the withdrawn one (P-2026-0042-2). Once it is sent it supersedes the withdrawn one, and the
     * portal shows the new version. Revising it a second time returns the revision that exists.
     *
     * @throws InvalidInputException when the proposal is not withdrawn; nothing is created
     * @throws NoAccessException     unless the user owns it or is an admin or manager
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public Proposal revise(UUID withdrawnId) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity old = lockForStaff(withdrawnId);
        requireEditor(user, old);
        if (old.getStatus() != ProposalStatus.WITHDRAWN) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "proposal.error.revise-not-withdrawn")));
        }
        Optional<ProposalEntity> existing = proposals.findByRevisionOf(withdrawnId);
        if (existing.isPresent()) {
            return get(existing.get().getId());
        }
        ProposalEntity p = new ProposalEntity(UUID.randomUUID(), old.getClientId(), revisionNumber(old),
                user.username(), clock.instant());
        ProposalDraft draft = ProposalDraft.of(toRecord(old, null));
        LocalDate today = LocalDate.now(clock);
        if (draft.getValidUntil().isBefore(today)) {
            draft.setValidUntil(today.plusDays(30));
        }
        // only files that are still the client's go along
        draft.setAttachmentIds(files.attachments(old.getClientId(), Set.copyOf(old.getAttachmentIds())).stream()
                .map(SharedFile::id).toList());
        apply(p, draft);
        p.setProjectId(old.getProjectId());
        p.revises(withdrawnId);
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.REVISED, user.username(), null, old.getNumber());
        return get(p.getId());
    }

    /**
     * A link (valid for minutes) to the sent proposal as PDF: in the language of the contact who accepted it, so the
     * team sees the bytes the evidence names; otherwise in the current user's language.
     *
     * @throws NotFoundException when it was never sent or the user may not open the client
     * @throws NoAccessException when the user only views the client and the firm keeps amounts from viewers
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public String pdfLink(UUID proposalId) {
        CurrentUser user = currentUser.requireStaff();
        ProposalEntity p = proposals.findById(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        requireProposal(p);
        if (!seesAmountsOf(p)) {
            // the PDF is the priced document: a viewer reads the proposal's page, without its amounts
            throw new NoAccessException("The firm keeps amounts from colleagues who only view this client", null);
        }
        if (p.getSentAt() == null) {
            throw new NotFoundException("Proposal PDF");
        }
        StoredPdf pdf = p.getAcceptedPdfSha256() == null ? null : storedPdfs(p.getId()).stream()
                .filter(s -> s.sha256().equals(p.getAcceptedPdfSha256())).findFirst().orElse(null);
        if (pdf == null) {
            pdf = pdf(p, localeOf(user.username()));
        }
        return objects.downloadLink(pdf.objectKey(), pdfName(p), PDF_TYPE);
    }

    // ----------------------------------------------------------------------------------------- process steps

    /** The rules asked for approval (RequestApproval): the proposal waits; the approver is told. */
    @Transactional
    public void requestApproval(UUID proposalId, String reason, String approver) {
        ProposalEntity p = lockRow(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        if (p.getStatus() != ProposalStatus.DRAFT) {
            return;
        }
        p.awaitApproval(reason == null ? "NONE" : abbreviate(reason, 100), clock.instant());
        publish(p, ProposalChanged.Change.SUBMITTED_FOR_APPROVAL, CurrentUserProvider.usernameOrNull(), approver,
                null);
    }

    /**
     * SendProposal: the customer's portal shows the proposal from now on, and the contacts are mailed.
     *
     * The process's own verdict is not trusted: the decision table is evaluated again on the stored row, and a
     * proposal that needs approval is sent only with an approval recorded by this service from someone who neither
     * owns, submitted nor last changed it. So a task completed in Camunda Tasklist, a process started through the
     * engine's API or changed process variables cannot send it.
     *
     * @throws IllegalStateException when it needs an approval it does not have; the engine's command rolls back
     */
    @Transactional
    public void send(UUID proposalId) {
        ProposalEntity p = lockRow(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        if (p.getStatus() != ProposalStatus.DRAFT && p.getStatus() != ProposalStatus.AWAITING_APPROVAL) {
            return;
        }
        if (needsApproval(p) && !approvedByFourEyes(p)) {
            log.warn("Refused to send proposal {} ({}): it needs an approval by a second person and has none",
                    p.getNumber(), p.getId());
            throw new IllegalStateException("Proposal " + p.getNumber() + " needs an approval it does not have");
        }
        p.sent(clock.instant());
        publish(p, ProposalChanged.Change.SENT, CurrentUserProvider.usernameOrNull(), null,
                p.getFeeAmount().toPlainString() + " " + p.getCurrency());
        if (p.getRevisionOf() != null) {
            // from now on the portal shows this version instead of the withdrawn one
            proposals.findById(p.getRevisionOf()).ifPresent(old -> old.supersededBy(p.getId(), clock.instant()));
        }
    }

    /** The valid-until timer fired: a proposal still waiting for its answer expires; any other stays as it is. */
    @Transactional
    @ProcessOnly("the proposal-approval model's valid-until timer")
    public void expire(UUID proposalId) {
        ProposalEntity p = lockRow(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        if (p.getStatus() != ProposalStatus.SENT) {
            return;
        }
        p.expired(clock.instant());
        publish(p, ProposalChanged.Change.EXPIRED, null, null, null);
    }

    /** WinDeal: the proposal's deal, if any and still open, is won through its own process. */
    @Transactional
    @ProcessOnly("the proposal-approval model, after acceptance")
    public void winLinkedDeal(UUID proposalId) {
        ProposalEntity p = proposals.findById(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        if (p.getDealId() != null && p.getStatus() == ProposalStatus.ACCEPTED) {
            deals.winByProposal(p.getClientId(), p.getDealId(), translations.getTranslation(
                    "proposal.won-reason", localeOf(p.getOwner()), p.getNumber(), p.getDecidedByName()));
        }
    }

    /** PlanProjectSetup: the proposal's owner gets a task to set up the client project. */
    @Transactional
    @ProcessOnly("the proposal-approval model, after acceptance")
    public void planProjectSetup(UUID proposalId) {
        ProposalEntity p = proposals.findById(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        Locale locale = localeOf(p.getOwner());
        workTasks.createForProcess(p.getClientId(),
                abbreviate(translations.getTranslation("proposal.setup-task.title", locale, p.getTitle()), 300),
                translations.getTranslation("proposal.setup-task.text", locale, p.getNumber(), p.getTitle(),
                        p.getDecidedByName()),
                p.getOwner(), LocalDate.now(clock).plusDays(3));
    }

    // ---------------------------------------------------------------------------------------- the customer's

    /**
     * The proposals the scope's client's portal shows, newest sent first.
     *
     * @throws AccessDeniedException unless the scope is the signed-in customer's active account (see
     *                               {@link PortalAccessPolicy#verify}), or a manager's "view as client"
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public List<CustomerProposal> forCustomer(CustomerScope scope) {
        portalAccess.verify(scope, PortalSection.PROPOSALS);
        // a withdrawn proposal whose revision was sent shows as that revision, the latest version
        var rules = portalAccess.policyOf(scope);
        // and of a project's proposals, only those of projects the contact's policy shows (DD035)
        return proposals.visibleToCustomer(scope.clientId(), CUSTOMER_STATUSES).stream()
                .filter(p -> p.getSupersededBy() == null && rules.seesProject(p.getProjectId()))
                .map(this::toCustomer).toList();
    }

    /**
     * One proposal the scope's client's portal shows.
     *
     * @throws NotFoundException when it is another client's or was never sent: the same answer for both
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public CustomerProposal forCustomer(CustomerScope scope, UUID proposalId) {
        portalAccess.verify(scope, PortalSection.PROPOSALS);
        return toCustomer(customerRow(scope, proposals.findById(proposalId)));
    }

    /**
     * The customer accepts by typing their name; the name, time, account and address are kept as evidence, the
     * linked deal is won and the team gets the task to set up the project. The typed name must match the contact's
     * name on their account (the scope's display name).
     *
     * @return ACCEPTED, or what had happened already (ALREADY_ACCEPTED, ALREADY_DECLINED, EXPIRED): nothing changed
     * @throws InvalidInputException when the typed name is blank or not the contact's; nothing changes
     * @throws NotFoundException     when it is another client's or was never sent
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public ProposalAnswer accept(CustomerScope scope, UUID proposalId, String typedName, String ip) {
        portalAccess.verifyDeciding(scope, PortalSection.PROPOSALS);
        ProposalEntity p = customerRow(scope, lockRow(proposalId));
        ProposalAnswer already = settled(p);
        if (already != null) {
            return already;
        }
        FieldProblem problem = ProposalRules.checkSignature(typedName, scope.displayName());
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        p.accepted(scope.accountId(), clean(typedName), abbreviate(ip, 64), clock.instant());
        // the PDF the accepting contact can download, in their language, is part of the evidence
        p.acceptedPdf(pdf(p, externalAccess.contactLocale(scope.accountId())).sha256());
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.ACCEPTED, null, null, clean(typedName));
        events.publishEvent(new CustomerActed(p.getClientId(), scope.accountId(),
                CustomerActed.Kind.PROPOSAL_ACCEPTED, p.getId(), p.getNumber() + " " + p.getTitle()));
        correlate(ProposalApprovalProcess.MSG_ACCEPTED, p);
        return ProposalAnswer.ACCEPTED;
    }

    /**
     * The customer declines, saying why.
     *
     * @return DECLINED, or what had happened already (ALREADY_ACCEPTED, ALREADY_DECLINED, EXPIRED): nothing changed
     * @throws InvalidInputException when the reason is blank or too long; nothing changes
     * @throws NotFoundException     when it is another client's or was never sent
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public ProposalAnswer decline(CustomerScope scope, UUID proposalId, String reason, String ip) {
        portalAccess.verifyDeciding(scope, PortalSection.PROPOSALS);
        String accountName = scope.displayName();
        ProposalEntity p = customerRow(scope, lockRow(proposalId));
        ProposalAnswer already = settled(p);
        if (already != null) {
            return already;
        }
        FieldProblem problem = ProposalRules.checkReason(reason, "reason", "proposal.error.reason-required");
        if (problem != null) {
            throw new InvalidInputException(List.of(problem));
        }
        p.declined(scope.accountId(), accountName, abbreviate(ip, 64), clean(reason), clock.instant());
        proposals.saveAndFlush(p);
        publish(p, ProposalChanged.Change.DECLINED, null, null, accountName + ": " + clean(reason));
        events.publishEvent(new CustomerActed(p.getClientId(), scope.accountId(),
                CustomerActed.Kind.PROPOSAL_DECLINED, p.getId(), p.getNumber() + " " + p.getTitle()));
        correlate(ProposalApprovalProcess.MSG_DECLINED, p);
        return ProposalAnswer.DECLINED;
    }

    /**
     * A link (valid for a few minutes) to a file attached to a proposal the scope's client's portal shows.
     *
     * @throws NotFoundException when the proposal or the file is not the client's, or the file is not attached
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.PROPOSALS)
    public SharedDownload customerAttachment(CustomerScope scope, UUID proposalId, UUID fileId) {
        portalAccess.verify(scope, PortalSection.PROPOSALS);
        ProposalEntity p = customerRow(scope, proposals.findById(proposalId));
        if (!p.getAttachmentIds().contains(fileId)) {
            throw new NotFoundException("File");
        }
        return files.attachmentDownload(scope.clientId(), fileId);
    }

    /**
     * A link (valid for minutes) to the proposal as PDF, in the language of the scope's contact.
     *
     * @throws NotFoundException when it is another client's or was never sent: the same answer for both
     */
    @Transactional
    @ModuleGate(FirmModule.PROPOSALS)
    public String customerPdfLink(CustomerScope scope, UUID proposalId) {
        portalAccess.verify(scope, PortalSection.PROPOSALS);
        ProposalEntity p = customerRow(scope, proposals.findById(proposalId));
        StoredPdf pdf = pdf(p, externalAccess.contactLocale(scope.accountId()));
        return objects.downloadLink(pdf.objectKey(), pdfName(p), PDF_TYPE);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** One stored rendering of a sent proposal: where its bytes are, and their hash. */
    private record StoredPdf(String objectKey, String sha256, String language) {
    }

    /**
     * The sent proposal as PDF in the language, rendered and stored the first time it is asked for and kept as it
     * is from then on (a sent proposal does not change), so what a customer downloads is what the evidence hashes.
     * The proposal's row lock makes two first requests render it once.
     */
    private StoredPdf pdf(ProposalEntity p, Locale locale) {
        String language = Translations.supported(locale).getLanguage();
        Optional<StoredPdf> stored = storedPdf(p.getId(), language);
        if (stored.isPresent()) {
            return stored.get();
        }
        lockRow(p.getId());
        stored = storedPdf(p.getId(), language);
        if (stored.isPresent()) {
            return stored.get();
        }
        String clientName = clients.refForNotification(p.getClientId()).map(ClientRef::name).orElse("");
        byte[] bytes = pdfs.render(toCustomer(p), clientName, Translations.supported(locale));
        String sha256 = sha256(bytes);
        String key = "proposals/" + p.getId() + "/" + language + "-" + sha256.substring(0, 16) + ".pdf";
        Path file = null;
        try {
            file = Files.createTempFile("proposal-", ".pdf");
            Files.write(file, bytes);
            objects.put(key, file, new ObjectStore.Accepted(pdfName(p), PDF_TYPE, bytes.length, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
        jdbc.update("insert into proposal_pdf (proposal_id, language, object_key, sha256, size_bytes, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", p.getId(), language, key, sha256, bytes.length,
                java.sql.Timestamp.from(clock.instant()));
        return new StoredPdf(key, sha256, language);
    }

    private Optional<StoredPdf> storedPdf(UUID proposalId, String language) {
        return jdbc.query("select object_key, sha256, language from proposal_pdf where proposal_id = ? and language = ?",
                (rs, i) -> new StoredPdf(rs.getString(1), rs.getString(2), rs.getString(3)), proposalId, language)
                .stream().findFirst();
    }

    private List<StoredPdf> storedPdfs(UUID proposalId) {
        return jdbc.query("select object_key, sha256, language from proposal_pdf where proposal_id = ?",
                (rs, i) -> new StoredPdf(rs.getString(1), rs.getString(2), rs.getString(3)), proposalId);
    }

    private static String pdfName(ProposalEntity p) {
        return p.getNumber() + ".pdf";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system cleans up
            }
        }
    }

    /** P-2026-0042 is revised as P-2026-0042-2, that one as P-2026-0042-3. */
    private static String revisionNumber(ProposalEntity withdrawn) {
        String number = withdrawn.getNumber();
        if (withdrawn.getRevisionOf() == null) {
            return number + "-2";
        }
        int dash = number.lastIndexOf('-');
        return number.substring(0, dash) + "-" + (Integer.parseInt(number.substring(dash + 1)) + 1);
    }

    private List<FieldProblem> problems(UUID clientId, ProposalDraft draft) {
        List<FieldProblem> problems = new ArrayList<>(ProposalRules.check(draft, LocalDate.now(clock)));
        if (draft.getDealId() != null) {
            boolean ours;
            try {
                ours = deals.get(draft.getDealId()).clientId().equals(clientId);
            } catch (NotFoundException e) {
                ours = false;
            }
            if (!ours) {
                problems.add(FieldProblem.of("deal", "proposal.error.deal-unknown"));
            }
        }
        Set<UUID> wanted = Set.copyOf(draft.getAttachmentIds());
        if (!wanted.isEmpty() && files.attachments(clientId, wanted).size() != wanted.size()) {
            problems.add(FieldProblem.of("attachments", "proposal.error.attachment-unknown"));
        }
        return problems;
    }

    private void apply(ProposalEntity p, ProposalDraft d) {
        p.setTitle(clean(d.getTitle()));
        p.setDealId(d.getDealId());
        p.setFeeModel(d.getFeeModel());
        p.setCurrency(d.getCurrency());
        FeeModel m = d.getFeeModel();
        p.setFixedAmount(m == FeeModel.FIXED_FEE ? cents(d.getFixedAmount()) : null);
        p.setHourlyRate(m == FeeModel.HOURLY_RATE ? cents(d.getHourlyRate()) : null);
        p.setEstimatedHours(m == FeeModel.HOURLY_RATE ? cents(d.getEstimatedHours()) : null);
        p.setMonthlyAmount(m == FeeModel.RETAINER ? cents(d.getMonthlyAmount()) : null);
        p.setTermMonths(m == FeeModel.RETAINER ? d.getTermMonths() : null);
        p.getMilestones().clear();
        if (m == FeeModel.MILESTONE) {
            d.getMilestones().forEach(x -> p.getMilestones().add(new MilestoneEmbeddable(clean(x.title()),
                    cents(x.amount()))));
        }
        p.setDiscountPercent(d.getDiscountPercent() == null ? BigDecimal.ZERO.setScale(2)
                : d.getDiscountPercent().setScale(2, RoundingMode.HALF_UP));
        p.setFeeAmount(ProposalRules.fee(d));
        p.setScope(clean(d.getScope()));
        p.setValidUntil(d.getValidUntil());
        p.getAttachmentIds().clear();
        p.getAttachmentIds().addAll(d.getAttachmentIds());
    }

    /** The year's next number, P-2026-0042: one upsert, whose row lock makes concurrent creations queue up. */
    private String nextNumber() {
        int year = LocalDate.now(clock).getYear();
        Integer n = LockSwitch.gated() ? jdbc.queryForObject("""
                insert into proposal_number (year, last_value) values (?, 1)
                on conflict (year) do update set last_value = proposal_number.last_value + 1
                returning last_value""", Integer.class, year) : ungatedNextNumber(year);
        return String.format(Locale.ROOT, "P-%d-%04d", year, Objects.requireNonNull(n));
    }

    /** Read, then write: what numbering would be without the gate. Only a race test's proof takes this path. */
    private Integer ungatedNextNumber(int year) {
        Integer last = jdbc.queryForObject("select coalesce(max(last_value), 0) from proposal_number where year = ?",
                Integer.class, year);
        int next = Objects.requireNonNull(last) + 1;
        jdbc.update("""
                insert into proposal_number (year, last_value) values (?, ?)
                on conflict (year) do update set last_value = excluded.last_value""", year, next);
        return next;
    }

    /** The row, locked until the transaction ends (see {@link ProposalRepository#lock}). */
    private Optional<ProposalEntity> lockRow(UUID proposalId) {
        return LockSwitch.gated() ? proposals.lock(proposalId) : proposals.findById(proposalId);
    }

    /**
     * Who approves: the client's owner when they are an admin or manager and not the proposal's owner; otherwise
     * nobody yet, and the task waits in the admins' and managers' "Unassigned" list.
     */
    private String approverFor(ProposalEntity p) {
        String clientOwner = clients.refForNotification(p.getClientId()).map(ClientRef::owner)
                .orElse(null);
        if (clientOwner == null || involved(clientOwner, p.getOwner(), p.getSubmittedBy(), p.getLastEditedBy())) {
            return null;
        }
        return staff.find(clientOwner).filter(m -> m.roles().contains(Roles.ADMIN)
                || m.roles().contains(Roles.MANAGER)).map(StaffMember::username).orElse(null);
    }

    private void completeApproval(ProposalEntity p, CurrentUser user, boolean approved) {
        Task task = engineTasks.createTaskQuery().processInstanceBusinessKey(p.getId().toString())
                .processDefinitionKey(ProposalApprovalProcess.PROCESS_ID)
                .taskDefinitionKey(ProposalApprovalProcess.APPROVE_TASK).singleResult();
        if (task == null) {
            throw new IllegalStateException("Proposal " + p.getNumber() + " awaits approval without a task");
        }
        try {
            if (!user.username().equals(task.getAssignee())) {
                engineTasks.setAssignee(task.getId(), user.username());
            }
            engineTasks.complete(task.getId(), Map.of(ProposalApprovalProcess.VAR_APPROVED, approved));
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            throw new StaleDataException("Proposal");
        }
    }

    private void correlate(String message, ProposalEntity p) {
        var moved = runtime.createMessageCorrelation(message).processInstanceBusinessKey(p.getId().toString())
                .correlateAllWithResult();
        if (moved.isEmpty()) {
            // the row said "sent", so the process must be waiting: roll the answer back rather than lose its effects
            throw new IllegalStateException("Proposal " + p.getNumber() + " is not waiting for " + message);
        }
    }

    /** What already happened to a proposal the customer answers; null when it still waits for an answer. */
    private ProposalAnswer settled(ProposalEntity p) {
        return switch (customerStatus(p)) {
            case ACCEPTED -> ProposalAnswer.ALREADY_ACCEPTED;
            case DECLINED -> ProposalAnswer.ALREADY_DECLINED;
            case EXPIRED -> ProposalAnswer.EXPIRED;
            case WITHDRAWN -> ProposalAnswer.WITHDRAWN;
            default -> null;
        };
    }

    /** The status as it stands today: a sent proposal past its valid-until day is expired, timer or not. */
    private ProposalStatus customerStatus(ProposalEntity p) {
        return p.getStatus() == ProposalStatus.SENT && LocalDate.now(clock).isAfter(p.getValidUntil())
                ? ProposalStatus.EXPIRED : p.getStatus();
    }

    private ProposalEntity customerRow(CustomerScope scope, Optional<ProposalEntity> row) {
        ProposalEntity p = customerRow(scope.clientId(), row);
        // a contact whose policy names projects sees only those projects' proposals (DD035)
        portalAccess.verify(scope, PortalSection.PROPOSALS, p.getProjectId());
        return p;
    }

    private ProposalEntity customerRow(UUID clientId, Optional<ProposalEntity> row) {
        return row.filter(p -> p.getClientId().equals(clientId) && p.getSentAt() != null
                        && CUSTOMER_STATUSES.contains(p.getStatus()))
                .orElseThrow(() -> new NotFoundException("Proposal"));
    }

    private ProposalEntity lockForStaff(UUID proposalId) {
        ProposalEntity p = lockRow(proposalId).orElseThrow(() -> new NotFoundException("Proposal"));
        requireProposal(p);
        return p;
    }

    private void requireEditor(CurrentUser user, ProposalEntity p) {
        projects.require(scopeOf(p.getClientId(), p.getProjectId()), ClientAction.SHARE);
        if (!user.seesAllClients() && !user.username().equals(p.getOwner())) {
            throw new NoAccessException("Only the proposal's owner changes it", staff.displayName(p.getOwner()));
        }
    }

    private void requireApprover(CurrentUser user, ProposalEntity p) {
        if (!user.seesAllClients()
                || involved(user.username(), p.getOwner(), p.getSubmittedBy(), p.getLastEditedBy())) {
            throw new NoAccessException("An admin or manager who neither owns, submitted nor last changed it approves",
                    null);
        }
    }

    /** Whether the person is one of those who wrote or submitted the proposal (null entries are nobody). */
    private static boolean involved(String username, String... people) {
        for (String person : people) {
            if (person != null && person.equals(username)) {
                return true;
            }
        }
        return false;
    }

    /** The decision table's verdict on the proposal as it is stored now, not on what a process was told. */
    private boolean needsApproval(ProposalEntity p) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ProposalApprovalProcess.VAR_FEE_AMOUNT, p.getFeeAmount().doubleValue());
        inputs.put(ProposalApprovalProcess.VAR_DISCOUNT_PERCENT, p.getDiscountPercent().doubleValue());
        inputs.put(ProposalApprovalProcess.VAR_FEE_MODEL, p.getFeeModel().name());
        var result = decisions.evaluateDecisionTableByKey(ProposalApprovalProcess.DECISION_ID, inputs);
        var first = result.getFirstResult();
        Object required = first == null ? null : first.getEntry(ProposalApprovalProcess.OUT_APPROVAL_REQUIRED);
        return Boolean.TRUE.equals(required);
    }

    /** An approval recorded through {@link #approve}, by somebody other than the owner, submitter and last editor. */
    private static boolean approvedByFourEyes(ProposalEntity p) {
        return p.getApprovedBy() != null && p.getApprovedAt() != null
                && !involved(p.getApprovedBy(), p.getOwner(), p.getSubmittedBy(), p.getLastEditedBy());
    }

    private void publish(ProposalEntity p, ProposalChanged.Change change, String actor, String approver,
                         String detail) {
        events.publishEvent(new ProposalChanged(p.getId(), p.getClientId(), p.getNumber(), p.getTitle(), change,
                p.getOwner(), actor, approver, change == ProposalChanged.Change.WITHDRAWN ? p.getWithdrawReason()
                : null));
        String line = detail == null ? p.getNumber() : p.getNumber() + " · " + detail;
        events.publishEvent(new ActivityRecorded(p.getClientId(), p.getProjectId(), actor, "PROPOSAL_" + change.name(),
                p.getId(), p.getTitle(), abbreviate(line, 1000)));
    }

    private Locale localeOf(String username) {
        return staff.localeOf(username).map(Translations::supported).orElse(Locale.ENGLISH);
    }

    private List<ProposalAttachment> attachments(ProposalEntity p) {
        return files.attachments(p.getClientId(), p.getAttachmentIds()).stream()
                .map((SharedFile f) -> new ProposalAttachment(f.id(), f.name(), f.sizeBytes())).toList();
    }

    private static List<Milestone> milestones(ProposalEntity p) {
        return p.getMilestones().stream().map(m -> new Milestone(m.getTitle(), m.getAmount())).toList();
    }

    private Proposal toRecord(ProposalEntity p, String dealTitle) {
        return new Proposal(p.getId(), p.getClientId(), p.getDealId(), dealTitle, p.getNumber(), p.getTitle(),
                p.getFeeModel(), p.getCurrency(), p.getFixedAmount(), p.getHourlyRate(), p.getEstimatedHours(),
                p.getMonthlyAmount(), p.getTermMonths(), milestones(p), p.getDiscountPercent(), p.getFeeAmount(),
                p.getScope(), p.getValidUntil(), customerStatus(p), p.getOwner(), staff.displayName(p.getOwner()),
                p.getApprovalReason(), name(p.getApprovedBy()), name(p.getReturnedBy()), p.getReturnComment(),
                p.getSentAt(), p.getDecidedAt(), p.getDecidedByName(), p.getDecidedFromIp(), p.getDeclineReason(),
                attachments(p), p.getCreatedAt(), p.getVersion(), p.getSubmittedBy(), p.getLastEditedBy(),
                p.getWithdrawnAt(), name(p.getWithdrawnBy()), p.getWithdrawReason(), p.getRevisionOf(),
                p.getSupersededBy(), p.getAcceptedPdfSha256(), p.getProjectId(), false);
    }

    /** Whether the current user reads the proposal's amounts: see {@code ClientService.seesAmounts}. */
    private boolean seesAmountsOf(ProposalEntity p) {
        return p.getProjectId() == null ? clients.seesAmounts(p.getClientId())
                : projects.seesAmounts(WorkScope.project(p.getClientId(), p.getProjectId()));
    }

    private CustomerProposal toCustomer(ProposalEntity p) {
        return new CustomerProposal(p.getId(), p.getNumber(), p.getTitle(), customerStatus(p), p.getFeeModel(),
                p.getCurrency(), p.getFixedAmount(), p.getHourlyRate(), p.getEstimatedHours(), p.getMonthlyAmount(),
                p.getTermMonths(), milestones(p), p.getDiscountPercent(), p.getFeeAmount(), p.getScope(),
                p.getValidUntil(), p.getSentAt(), p.getDecidedAt(), p.getDecidedByName(), p.getDeclineReason(),
                attachments(p), p.getWithdrawnAt(), p.getWithdrawReason(), p.getSupersededBy());
    }

    private String name(String username) {
        return username == null ? null : staff.displayName(username);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Fires the proposal's valid-until timer now, as if its last valid day had passed: the demo data shows an expired
     * proposal without waiting for one. The model's own expiry path runs.
     *
     * @throws IllegalStateException when the proposal's process waits on no expiry timer
     */
    @ProcessOnly("the demo data")
    public void expireNow(UUID proposalId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(proposalId.toString())
                .processDefinitionKey(ProposalApprovalProcess.PROCESS_ID).singleResult().getId();
        var job = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(ProposalApprovalProcess.EXPIRY_TIMER).singleResult();
        if (job == null) {
            throw new IllegalStateException("Proposal " + proposalId + " waits on no expiry timer");
        }
        management.executeJob(job.getId());
    }
}
