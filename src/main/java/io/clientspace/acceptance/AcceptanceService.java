package io.clientspace.acceptance;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.shared.ProcessOnly;
import org.camunda.bpm.engine.ManagementService;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import io.clientspace.shared.PersonNames;
import java.util.Collection;
import java.util.HashMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clientspace.acceptance.domain.DocumentAcceptanceEntity;
import io.clientspace.acceptance.domain.DocumentAcceptanceRepository;
import io.clientspace.acceptance.process.DocumentAcceptanceProcess;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentService.VersionForAcceptance;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalSection;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.WorkScope;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.CustomerActed;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Formal acceptance of one document version by the customer (processes/document-acceptance.bpmn). Staff who may
 * decide what the client sees send a version with a deadline; the client's portal contacts review and accept it by
 * typing their name; the deadline ends it. Every change takes the acceptance's row lock first, so a double click,
 * two contacts and the expiry timer take turns and exactly one outcome stands. The server enforces the deadline: a
 * pending acceptance whose deadline has passed can no longer be accepted, whether or not the timer has run yet.
 */
@Service
public class AcceptanceService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AcceptanceService.class);

    /** The longest reason for a withdrawal; the column holds exactly this. */
    public static final int REASON_MAX = 2000;
    /** The longest typed name; the column holds exactly this. */
    public static final int NAME_MAX = 200;
    /** The shortest notice a deadline may give. */
    public static final Duration MIN_NOTICE = Duration.ofHours(1);
    /** The furthest a deadline may lie ahead. */
    public static final Duration MAX_AHEAD = Duration.ofDays(365);

    private final DocumentAcceptanceRepository acceptances;
    private final DocumentService documents;
    private final ProjectService projects;
    private final ClientService clients;
    private final ExternalAccessService externalAccess;
    private final PortalAccessPolicy portalAccess;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ApplicationEventPublisher events;
    private final EvidenceSeal seal;
    private final EvidenceSheet evidenceSheets;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    AcceptanceService(DocumentAcceptanceRepository acceptances, DocumentService documents, ProjectService projects,
                      ClientService clients, ExternalAccessService externalAccess, PortalAccessPolicy portalAccess,
                      CurrentUserProvider currentUser,
                      StaffDirectory staff, RuntimeService runtime, ManagementService management, ApplicationEventPublisher events,
                      EvidenceSeal seal, EvidenceSheet evidenceSheets, Clock clock) {
        this.acceptances = acceptances;
        this.documents = documents;
        this.projects = projects;
        this.clients = clients;
        this.externalAccess = externalAccess;
        this.portalAccess = portalAccess;
        this.currentUser = currentUser;
        this.staff = staff;
        this.runtime = runtime;
        this.management = management;
        this.events = events;
        this.seal = seal;
        this.evidenceSheets = evidenceSheets;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- staff

    /**
     * Whether the current user may send the scope's documents for acceptance: the same people who decide what is
     * shared with the client, since sending shows the version to the client.
     */
    @Transactional(readOnly = true)
    public boolean canSend(WorkScope scope) {
        return projects.canManage(scope);
    }

    /** Whether the client has a portal contact to send to (active or invited); without one nothing can be sent. */
    @Transactional(readOnly = true)
    public boolean hasRecipients(UUID clientId) {
        clients.requireAccess(clientId);
        return externalAccess.hasReachableContacts(clientId);
    }

    /** Every acceptance of the document, newest first. */
    @Transactional(readOnly = true)
    public List<Acceptance> forDocument(UUID documentId) {
        documents.get(documentId);
        return acceptances.byDocument(documentId).stream().map(this::record).toList();
    }

    /**
     * How many acceptances in the scope still wait for the customer: a project's own, or the client's with its
     * projects'. One count (the project's checklist, DD032).
     *
     * @throws io.clientspace.shared.NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public long countPending(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? acceptances.countPendingInProject(scope.projectId(), clock.instant())
                : acceptances.countPendingOnClient(scope.clientId(), clock.instant());
    }

    /**
     * Where each document's latest acceptance stands, for the documents list; documents never sent are absent.
     *
     * @param scope the workspace the documents are listed in; checked
     */
    @Transactional(readOnly = true)
    public Map<UUID, AcceptanceStatus> latestStatuses(WorkScope scope, Collection<UUID> documentIds) {
        projects.requireAccess(scope);
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, DocumentAcceptanceEntity> latest = new HashMap<>();
        for (DocumentAcceptanceEntity a : acceptances.byDocuments(documentIds)) {
            if (!a.getClientId().equals(scope.clientId())) {
                continue;
            }
            latest.merge(a.getDocumentId(), a, (x, y) -> x.getSentAt().isAfter(y.getSentAt()) ? x : y);
        }
        Map<UUID, AcceptanceStatus> result = new HashMap<>();
        latest.forEach((doc, a) -> result.put(doc, effectiveStatus(a)));
        return result;
    }

    /**
     * Sends one version for acceptance: the client's portal contacts are mailed a link to it, and it waits until one
     * of them accepts it or {@code expiresAt} passes.
     *
     * @throws InvalidInputException when the deadline is missing, too close or too far, the client has no portal
     *                               contact, or the document already waits for an acceptance; nothing is sent
     * @throws io.clientspace.shared.NoAccessException unless the current user may decide what the client sees
     */
    @Transactional
    @ModuleGate(FirmModule.ACCEPTANCES)
    public Acceptance send(UUID versionId, Instant expiresAt) {
        return start(versionId, expiresAt, null);
    }

    /**
     * Sends the same version again, with a new deadline, after an acceptance expired or was withdrawn: a new
     * acceptance, the old one stays as it was.
     *
     * @throws InvalidInputException when the acceptance is neither expired nor withdrawn, or as {@link #send}
     */
    @Transactional
    @ModuleGate(FirmModule.ACCEPTANCES)
    public Acceptance resend(UUID acceptanceId, Instant expiresAt) {
        DocumentAcceptanceEntity previous = acceptances.findById(acceptanceId)
                .orElseThrow(() -> new NotFoundException("Acceptance"));
        documents.get(previous.getDocumentId());
        AcceptanceStatus before = effectiveStatus(previous);
        if (before != AcceptanceStatus.EXPIRED && before != AcceptanceStatus.WITHDRAWN) {
            throw new InvalidInputException(List.of(FieldProblem.of("acceptance", "acceptance.error.resend-not-expired")));
        }
        return start(previous.getVersionId(), expiresAt, previous.getId());
    }

    private Acceptance start(UUID versionId, Instant expiresAt, UUID resentFrom) {
        CurrentUser user = currentUser.requireStaff();
        VersionForAcceptance v = documents.versionForAcceptance(versionId);
        projects.requireManage(new WorkScope(v.clientId(), v.projectId()));
        List<FieldProblem> problems = new ArrayList<>(checkDeadline(expiresAt, clock.instant()));
        if (!externalAccess.hasReachableContacts(v.clientId())) {
            problems.add(FieldProblem.of("acceptance", "acceptance.error.no-contacts"));
        }
        // the document's row lock makes two senders take turns on this check
        documents.lockForAcceptance(v.documentId());
        List<DocumentAcceptanceEntity> earlier = acceptances.byDocument(v.documentId());
        if (earlier.stream().anyMatch(a -> effectiveStatus(a) == AcceptanceStatus.PENDING)) {
            problems.add(FieldProblem.of("acceptance", "acceptance.error.already-pending"));
        }
        if (earlier.stream().anyMatch(a -> a.getVersionId().equals(v.versionId())
                && "ACCEPTED".equals(a.getStatus()))) {
            problems.add(FieldProblem.of("acceptance", "acceptance.error.version-accepted"));
        }
        InvalidInputException.throwIfAny(problems);
        // what the client will accept are the bytes in storage: they must still be the ones hashed at upload
        requireUnchangedBytes(v.versionId(), v.sha256(), v.documentId());

        Instant now = clock.instant();
        DocumentAcceptanceEntity a = acceptances.saveAndFlush(new DocumentAcceptanceEntity(UUID.randomUUID(),
                v.clientId(), v.projectId(), v.documentId(), v.versionId(), v.title(), v.number(), v.fileName(),
                v.contentType(), v.sha256(), user.username(), now, expiresAt, resentFrom));
        runtime.startProcessInstanceByKey(DocumentAcceptanceProcess.PROCESS_ID, a.getId().toString(),
                Variables.createVariables()
                        .putValue(DocumentAcceptanceProcess.VAR_ACCEPTANCE_ID, a.getId().toString())
                        .putValue(DocumentAcceptanceProcess.VAR_EXPIRES_AT, Date.from(expiresAt)));
        events.publishEvent(new ActivityRecorded(a.getClientId(), a.getProjectId(), user.username(),
                resentFrom == null ? "ACCEPTANCE_SENT" : "ACCEPTANCE_RESENT", a.getDocumentId(),
                a.getDocumentTitle(), "v" + a.getVersionNumber()));
        events.publishEvent(changed(a, AcceptanceChanged.Change.SENT, user.username()));
        return record(a);
    }

    /**
     * Withdraws a pending acceptance, saying why: it can no longer be accepted, the portal shows it as withdrawn, its
     * process ends on AcceptanceWithdrawn (with its reminder and deadline), and the client's portal contacts are
     * mailed. The row lock decides a race with a contact's accept (DD014): whichever came first stands.
     *
     * @return the acceptance as it is now; withdrawing one that is withdrawn already changes nothing
     * @throws InvalidInputException when the reason is missing or too long, or it is accepted or expired already;
     *                               nothing changes
     * @throws io.clientspace.shared.NoAccessException unless the current user may send the document's acceptances
     */
    @Transactional
    public Acceptance withdraw(UUID acceptanceId, String reason) {
        CurrentUser user = currentUser.requireStaff();
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "acceptance.error.withdraw-reason-required")));
        }
        if (why.length() > REASON_MAX) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "validation.too-long", REASON_MAX)));
        }
        DocumentAcceptanceEntity a = lockRow(acceptanceId).orElseThrow(() -> new NotFoundException("Acceptance"));
        projects.requireManage(new WorkScope(a.getClientId(), a.getProjectId()));
        AcceptanceStatus status = effectiveStatus(a);
        if (status == AcceptanceStatus.WITHDRAWN) {
            return record(a);
        }
        if (status != AcceptanceStatus.PENDING) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", status == AcceptanceStatus.ACCEPTED
                    ? "acceptance.error.withdraw-accepted" : "acceptance.error.withdraw-expired")));
        }
        a.withdraw(clock.instant(), user.username(), why);
        acceptances.saveAndFlush(a);
        var moved = runtime.createMessageCorrelation(DocumentAcceptanceProcess.MSG_WITHDRAWN)
                .processInstanceBusinessKey(a.getId().toString()).correlateAllWithResult();
        if (moved.isEmpty()) {
            // the row said "pending", so the process must be waiting: roll back rather than leave it running
            throw new IllegalStateException("Acceptance " + a.getId() + " is not waiting for a withdrawal");
        }
        events.publishEvent(new ActivityRecorded(a.getClientId(), a.getProjectId(), user.username(),
                "ACCEPTANCE_WITHDRAWN", a.getDocumentId(), a.getDocumentTitle(), "v" + a.getVersionNumber() + " · "
                + abbreviate(why, 900)));
        events.publishEvent(changed(a, AcceptanceChanged.Change.WITHDRAWN, user.username()));
        return record(a);
    }

    /**
     * The evidence of an accepted acceptance as a PDF sheet, in the language of the contact who accepted it: every
     * sealed field, the seal, and whether the stored row still matches it.
     *
     * @throws NotFoundException when it is not accepted or the current user may not open its document
     */
    @Transactional(readOnly = true)
    public byte[] evidencePdf(UUID acceptanceId) {
        AcceptanceEvidence e = evidence(acceptanceId);
        DocumentAcceptanceEntity a = acceptances.findById(acceptanceId).orElseThrow();
        return evidenceSheets.render(e, signedFields(a), verifyStored(acceptanceId),
                externalAccess.contactLocale(e.accountId()));
    }

    /** The rules for a deadline, for the form and the server alike. */
    public static List<FieldProblem> checkDeadline(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return List.of(FieldProblem.of("expiresAt", "acceptance.error.deadline-required"));
        }
        if (expiresAt.isBefore(now.plus(MIN_NOTICE))) {
            return List.of(FieldProblem.of("expiresAt", "acceptance.error.deadline-too-soon"));
        }
        if (expiresAt.isAfter(now.plus(MAX_AHEAD))) {
            return List.of(FieldProblem.of("expiresAt", "acceptance.error.deadline-too-far"));
        }
        return List.of();
    }

    /**
     * The evidence of an accepted acceptance.
     *
     * @throws NotFoundException when it is not accepted or the current user may not open its document
     */
    @Transactional(readOnly = true)
    public AcceptanceEvidence evidence(UUID acceptanceId) {
        DocumentAcceptanceEntity a = acceptances.findById(acceptanceId)
                .orElseThrow(() -> new NotFoundException("Acceptance"));
        projects.requireAccess(new WorkScope(a.getClientId(), a.getProjectId()));
        if (!"ACCEPTED".equals(a.getStatus())) {
            throw new NotFoundException("Acceptance evidence");
        }
        String clientName = clients.refForNotification(a.getClientId()).map(ClientRef::name).orElse("");
        return new AcceptanceEvidence(a.getId(), a.getClientId(), clientName, a.getDocumentId(),
                a.getDocumentTitle(), a.getVersionNumber(), a.getFileName(), a.getVersionSha256(),
                staff.displayName(a.getSentBy()), a.getSentAt(), a.getExpiresAt(), a.getAcceptedName(),
                a.getAcceptedAt(), a.getAcceptedAccountId(), a.getAcceptedUsername(), a.getAcceptedEmail(),
                a.getAcceptedIp(), a.getAcceptedUserAgent(), a.getSentBy(), a.getEvidenceHmac());
    }

    /** The evidence as a JSON file to keep with the contract, e.g. for an auditor. */
    @Transactional(readOnly = true)
    public byte[] evidenceExport(UUID acceptanceId) {
        AcceptanceEvidence e = evidence(acceptanceId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acceptanceId", e.acceptanceId());
        out.put("client", Map.of("id", e.clientId(), "name", e.clientName()));
        out.put("document", Map.of("id", e.documentId(), "title", e.documentTitle(), "version", e.versionNumber(),
                "fileName", e.fileName(), "sha256", e.sha256()));
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("by", e.sentBy());
        sent.put("byUsername", e.sentByUsername());
        sent.put("at", EvidenceSeal.instant(e.sentAt()));
        sent.put("deadline", EvidenceSeal.instant(e.expiresAt()));
        out.put("sent", sent);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("typedName", e.typedName());
        accepted.put("at", EvidenceSeal.instant(e.acceptedAt()));
        accepted.put("portalAccountId", e.accountId());
        accepted.put("username", e.username());
        accepted.put("email", e.email());
        accepted.put("ipAddress", e.ipAddress());
        accepted.put("userAgent", e.userAgent());
        out.put("accepted", accepted);
        out.put("exportedAt", clock.instant());
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("algorithm", EvidenceSeal.ALGORITHM);
        signature.put("signedFields", List.copyOf(EvidenceSeal.FIELDS.values()));
        signature.put("value", e.seal());
        out.put("signature", signature);
        try {
            return json.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Checks an exported evidence file (as {@link #evidenceExport} wrote it, possibly changed since) against its
     * signature, with this installation's key: any changed signed field, or a changed signature, shows as TAMPERED.
     * Staff only; the file's acceptance need not exist here any more.
     */
    public EvidenceCheck verifyExport(byte[] exported) {
        currentUser.requireStaff();
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = json.readTree(exported);
        } catch (IOException | RuntimeException ex) {
            return EvidenceCheck.UNREADABLE;
        }
        if (root == null || !root.isObject() || root.path("acceptanceId").isMissingNode()) {
            return EvidenceCheck.UNREADABLE;
        }
        com.fasterxml.jackson.databind.JsonNode value = root.at("/signature/value");
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return EvidenceCheck.UNSIGNED;
        }
        Map<String, String> values = new LinkedHashMap<>();
        EvidenceSeal.FIELDS.forEach((field, pointer) -> {
            com.fasterxml.jackson.databind.JsonNode node = root.at(pointer);
            values.put(field, node.isMissingNode() || node.isNull() ? null : node.asText());
        });
        return seal.matches(values, value.asText()) ? EvidenceCheck.VALID : EvidenceCheck.TAMPERED;
    }

    /**
     * Checks the stored evidence of an accepted acceptance against its seal: shows a change made in the database
     * behind the app's back (the trigger stops one, unless someone with the rights to drop it did so first).
     *
     * @throws NotFoundException when it is not accepted or the current user may not open its document
     */
    @Transactional(readOnly = true)
    public EvidenceCheck verifyStored(UUID acceptanceId) {
        DocumentAcceptanceEntity a = acceptances.findById(acceptanceId)
                .orElseThrow(() -> new NotFoundException("Acceptance"));
        projects.requireAccess(new WorkScope(a.getClientId(), a.getProjectId()));
        if (!"ACCEPTED".equals(a.getStatus())) {
            throw new NotFoundException("Acceptance evidence");
        }
        if (a.getEvidenceHmac() == null) {
            return EvidenceCheck.UNSIGNED;
        }
        return seal.matches(signedFields(a), a.getEvidenceHmac()) ? EvidenceCheck.VALID : EvidenceCheck.TAMPERED;
    }

    // ------------------------------------------------------------------------------------------------- customer

    /**
     * The scope's client's acceptances, newest first.
     *
     * @throws AccessDeniedException unless the scope is the signed-in customer's active account (see
     *                               {@link PortalAccessPolicy#verify}), or a manager's "view as client"
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.ACCEPTANCES)
    public List<CustomerAcceptance> forCustomer(CustomerScope scope) {
        portalAccess.verify(scope, PortalSection.ACCEPTANCES);
        var rules = portalAccess.policyOf(scope);
        // of a project's acceptances, only those of projects the contact's policy shows (DD035)
        return acceptances.byClient(scope.clientId()).stream().filter(a -> rules.seesProject(a.getProjectId()))
                .map(this::customerRecord).toList();
    }

    /** @throws NotFoundException when there is no such acceptance or it is another client's */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.ACCEPTANCES)
    public CustomerAcceptance forCustomer(CustomerScope scope, UUID acceptanceId) {
        return customerRecord(customersOwn(scope, acceptanceId));
    }

    /**
     * A link to the version the acceptance is about, valid for minutes: {@code inline} to show it in the page,
     * otherwise to download it.
     *
     * @throws NotFoundException when there is no such acceptance or it is another client's
     */
    @Transactional(readOnly = true)
    @ModuleGate(FirmModule.ACCEPTANCES)
    public String customerLink(CustomerScope scope, UUID acceptanceId, boolean inline) {
        DocumentAcceptanceEntity a = customersOwn(scope, acceptanceId);
        return documents.acceptanceCopyLink(scope.clientId(), a.getVersionId(), inline);
    }

    /**
     * The signed-in contact accepts: records the evidence (the scope's account, username and email), then moves the
     * process on, in one transaction.
     *
     * @param ipAddress the address the request came from
     * @param userAgent the browser, as it names itself; may be null
     * @return the outcome; already accepted (by anyone) is a normal answer
     * @throws InvalidInputException when the typed name is not the contact's name, or the deadline has passed;
     *                               nothing changes
     * @throws NotFoundException     when there is no such acceptance or it is another client's
     * @throws AccessDeniedException when the scope is not the signed-in customer's active account
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only "view as client"
     */
    @Transactional
    @ModuleGate(FirmModule.ACCEPTANCES)
    public AcceptOutcome accept(CustomerScope scope, UUID acceptanceId, String typedName, String ipAddress,
                                String userAgent) {
        portalAccess.verifyDeciding(scope, PortalSection.ACCEPTANCES);
        DocumentAcceptanceEntity a = lockRow(acceptanceId)
                .filter(x -> x.getClientId().equals(scope.clientId()))
                .orElseThrow(() -> new NotFoundException("Acceptance"));
        portalAccess.verify(scope, PortalSection.ACCEPTANCES, a.getProjectId());
        if ("ACCEPTED".equals(a.getStatus())) {
            return new AcceptOutcome(customerRecord(a), true);
        }
        if (effectiveStatus(a) == AcceptanceStatus.EXPIRED) {
            throw new InvalidInputException(List.of(FieldProblem.of("acceptance", "acceptance.error.expired")));
        }
        if (effectiveStatus(a) == AcceptanceStatus.WITHDRAWN) {
            throw new InvalidInputException(List.of(FieldProblem.of("acceptance", "acceptance.error.withdrawn")));
        }
        InvalidInputException.throwIfAny(checkTypedName(typedName, scope.displayName()));
        // the bytes the contact accepts must be those that were sent
        requireUnchangedBytes(a.getVersionId(), a.getVersionSha256(), a.getDocumentId());
        a.accept(clock.instant().truncatedTo(ChronoUnit.MICROS), typedName.strip(), scope.accountId(),
                scope.username(), scope.email(), abbreviate(ipAddress == null ? "unknown" : ipAddress, 64),
                abbreviate(userAgent, 500));
        a.seal(seal.sign(signedFields(a)));
        acceptances.saveAndFlush(a);
        runtime.createMessageCorrelation(DocumentAcceptanceProcess.MSG_ACCEPTED)
                .processInstanceBusinessKey(a.getId().toString()).correlateAllWithResult();
        events.publishEvent(new ActivityRecorded(a.getClientId(), a.getProjectId(), null, "ACCEPTANCE_ACCEPTED",
                a.getDocumentId(), a.getDocumentTitle(), a.getAcceptedName()));
        events.publishEvent(new CustomerActed(a.getClientId(), scope.accountId(), CustomerActed.Kind.DOCUMENT_ACCEPTED,
                a.getDocumentId(), a.getDocumentTitle()));
        events.publishEvent(changed(a, AcceptanceChanged.Change.ACCEPTED, null));
        return new AcceptOutcome(customerRecord(a), false);
    }

    /**
     * The name typed to accept must be the contact's own, as the portal knows it (see {@link
     * io.clientspace.shared.PersonNames#same}), so that the evidence names the person who was signed in.
     */
    public static List<FieldProblem> checkTypedName(String typed, String contactName) {
        if (typed == null || typed.isBlank()) {
            return List.of(FieldProblem.of("typedName", "acceptance.error.name-required"));
        }
        if (typed.strip().length() > NAME_MAX) {
            return List.of(FieldProblem.of("typedName", "acceptance.error.name-too-long", NAME_MAX));
        }
        if (!PersonNames.same(typed, contactName)) {
            return List.of(FieldProblem.of("typedName", "acceptance.error.name-mismatch", contactName));
        }
        return List.of();
    }

    // ----------------------------------------------------------------------------------------------- the process

    /**
     * The deadline passed: a pending acceptance expires. One that was accepted meanwhile stays accepted; the row
     * lock decides which came first. For the process's expiry timer.
     */
    @Transactional
    @ProcessOnly("the document-acceptance model's deadline timer")
    public void expire(UUID acceptanceId) {
        DocumentAcceptanceEntity a = lockRow(acceptanceId)
                .orElseThrow(() -> new IllegalStateException("No acceptance " + acceptanceId));
        if (!"PENDING".equals(a.getStatus())) {
            return;
        }
        a.expire(clock.instant());
        acceptances.saveAndFlush(a);
        events.publishEvent(new ActivityRecorded(a.getClientId(), a.getProjectId(), null, "ACCEPTANCE_EXPIRED",
                a.getDocumentId(), a.getDocumentTitle(), "v" + a.getVersionNumber()));
        events.publishEvent(changed(a, AcceptanceChanged.Change.EXPIRED, null));
    }

    /**
     * The reminder is due: unless the acceptance was sent inside the reminder window (its first mail named the
     * deadline) or is no longer pending, the contacts and the sender are reminded. For the process's timer.
     *
     * @return whether a reminder went out
     */
    @Transactional
    @ProcessOnly("the document-acceptance model's reminder timer")
    public boolean remind(UUID acceptanceId, Duration remindBefore) {
        DocumentAcceptanceEntity a = lockRow(acceptanceId)
                .orElseThrow(() -> new IllegalStateException("No acceptance " + acceptanceId));
        boolean sentInsideWindow = !a.getSentAt().isBefore(a.getExpiresAt().minus(remindBefore));
        if (!"PENDING".equals(a.getStatus()) || sentInsideWindow || a.getRemindedAt() != null) {
            return false;
        }
        a.reminded(clock.instant());
        acceptances.saveAndFlush(a);
        events.publishEvent(new ActivityRecorded(a.getClientId(), a.getProjectId(), null, "ACCEPTANCE_REMINDED",
                a.getDocumentId(), a.getDocumentTitle(), "v" + a.getVersionNumber()));
        events.publishEvent(changed(a, AcceptanceChanged.Change.REMINDER_DUE, null));
        return true;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /**
     * Reads the version's bytes from storage again and refuses when their hash is not the expected one.
     *
     * @throws InvalidInputException when the bytes changed; the attempt is logged
     */
    private void requireUnchangedBytes(UUID versionId, String expectedSha256, UUID documentId) {
        String now = documents.storedSha256(versionId);
        if (!now.equalsIgnoreCase(expectedSha256)) {
            log.error("Stored bytes of document {} version {} changed: SHA-256 {} expected, {} found; acceptance"
                    + " refused", documentId, versionId, expectedSha256, now);
            throw new InvalidInputException(List.of(FieldProblem.of("acceptance",
                    "acceptance.error.document-changed")));
        }
    }

    /** The evidence fields the seal covers, as {@link EvidenceSeal#FIELDS} names them. */
    private static Map<String, String> signedFields(DocumentAcceptanceEntity a) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("acceptanceId", a.getId().toString());
        f.put("clientId", a.getClientId().toString());
        f.put("documentId", a.getDocumentId().toString());
        f.put("documentTitle", a.getDocumentTitle());
        f.put("versionNumber", String.valueOf(a.getVersionNumber()));
        f.put("fileName", a.getFileName());
        f.put("sha256", a.getVersionSha256());
        f.put("sentByUsername", a.getSentBy());
        f.put("sentAt", EvidenceSeal.instant(a.getSentAt()));
        f.put("deadline", EvidenceSeal.instant(a.getExpiresAt()));
        f.put("typedName", a.getAcceptedName());
        f.put("acceptedAt", EvidenceSeal.instant(a.getAcceptedAt()));
        f.put("portalAccountId", a.getAcceptedAccountId() == null ? null : a.getAcceptedAccountId().toString());
        f.put("username", a.getAcceptedUsername());
        f.put("email", a.getAcceptedEmail());
        f.put("ipAddress", a.getAcceptedIp());
        f.put("userAgent", a.getAcceptedUserAgent());
        return f;
    }

    private DocumentAcceptanceEntity customersOwn(CustomerScope scope, UUID acceptanceId) {
        portalAccess.verify(scope, PortalSection.ACCEPTANCES);
        DocumentAcceptanceEntity a = acceptances.findById(acceptanceId)
                .filter(x -> x.getClientId().equals(scope.clientId()))
                .orElseThrow(() -> new NotFoundException("Acceptance"));
        // a contact whose policy names projects sees only those projects' acceptances (DD035)
        portalAccess.verify(scope, PortalSection.ACCEPTANCES, a.getProjectId());
        return a;
    }

    /** As the server enforces it: past its deadline, a pending acceptance is expired, timer or not. */
    private AcceptanceStatus effectiveStatus(DocumentAcceptanceEntity a) {
        AcceptanceStatus s = AcceptanceStatus.valueOf(a.getStatus());
        return s == AcceptanceStatus.PENDING && !clock.instant().isBefore(a.getExpiresAt())
                ? AcceptanceStatus.EXPIRED : s;
    }

    private Acceptance record(DocumentAcceptanceEntity a) {
        return new Acceptance(a.getId(), a.getClientId(), a.getProjectId(), a.getDocumentId(), a.getVersionId(),
                a.getDocumentTitle(), a.getVersionNumber(), a.getFileName(), a.getVersionSha256(),
                effectiveStatus(a), staff.displayName(a.getSentBy()), a.getSentAt(), a.getExpiresAt(),
                a.getRemindedAt(), a.getAcceptedAt(), a.getAcceptedName(), a.getAcceptedEmail(), a.getWithdrawnAt(),
                a.getWithdrawnBy() == null ? null : staff.displayName(a.getWithdrawnBy()), a.getWithdrawReason());
    }

    private CustomerAcceptance customerRecord(DocumentAcceptanceEntity a) {
        return new CustomerAcceptance(a.getId(), a.getDocumentTitle(), a.getVersionNumber(), a.getFileName(),
                a.getContentType(), a.getVersionSha256(), effectiveStatus(a), staff.displayName(a.getSentBy()),
                a.getSentAt(), a.getExpiresAt(), a.getAcceptedAt(), a.getAcceptedName(), a.getWithdrawnAt(),
                a.getWithdrawReason());
    }

    private static AcceptanceChanged changed(DocumentAcceptanceEntity a, AcceptanceChanged.Change change, String actor) {
        return new AcceptanceChanged(a.getId(), a.getClientId(), change, a.getDocumentTitle(), a.getVersionNumber(),
                a.getSentBy(), a.getExpiresAt(), actor, change == AcceptanceChanged.Change.WITHDRAWN
                ? a.getWithdrawReason() : null);
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The acceptance, row-locked until the transaction ends (see {@link DocumentAcceptanceRepository#lockById}). */
    private java.util.Optional<DocumentAcceptanceEntity> lockRow(UUID acceptanceId) {
        return io.clientspace.shared.LockSwitch.gated() ? acceptances.lockById(acceptanceId)
                : acceptances.findById(acceptanceId);
    }

    /**
     * Fires the acceptance's deadline timer now, as if its deadline had passed: the demo data shows an expired
     * acceptance without waiting for one. The model's own expiry path runs.
     *
     * @throws IllegalStateException when the acceptance's process waits on no deadline timer
     */
    @ProcessOnly("the demo data")
    public void expireNow(UUID acceptanceId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(acceptanceId.toString())
                .processDefinitionKey(DocumentAcceptanceProcess.PROCESS_ID).singleResult().getId();
        var job = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(DocumentAcceptanceProcess.EXPIRED_TIMER).singleResult();
        if (job == null) {
            throw new IllegalStateException("Acceptance " + acceptanceId + " waits on no deadline timer");
        }
        management.executeJob(job.getId());
    }
}
