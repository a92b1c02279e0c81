package io.clientspace.extranet;

import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.extranet.domain.AccessReviewEntity;
import io.clientspace.extranet.domain.AccessReviewItemEntity;
import io.clientspace.extranet.domain.AccessReviewItemRepository;
import io.clientspace.extranet.domain.AccessReviewRepository;
import io.clientspace.extranet.domain.PortalAccountEntity;
import io.clientspace.extranet.domain.PortalAccountRepository;
import io.clientspace.extranet.process.AccessReviewProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ProcessOnly;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access recertification (DD020): every review period the client's owner confirms, for each active portal contact,
 * that their access is still appropriate, or revokes it. Runs on access-review.bpmn, one instance per client while it
 * has active contacts (business key = the client's id). The owner, or a manager (the review goes to one when the
 * owner does not answer in time), answers for every listed contact at once; the decisions and the review go on the
 * client's timeline.
 */
@Service
public class AccessReviewService {

    private final AccessReviewRepository reviews;
    private final AccessReviewItemRepository items;
    private final PortalAccountRepository accounts;
    private final ExternalAccessService access;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final TaskService engineTasks;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ManagementService management;
    private final TransactionTemplate transactions;

    AccessReviewService(AccessReviewRepository reviews, AccessReviewItemRepository items,
                        PortalAccountRepository accounts, ExternalAccessService access, ClientService clients,
                        CurrentUserProvider currentUser, StaffDirectory staff, RuntimeService runtime,
                        TaskService engineTasks, ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock,
                        ManagementService management, PlatformTransactionManager transactionManager) {
        this.reviews = reviews;
        this.items = items;
        this.accounts = accounts;
        this.access = access;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.runtime = runtime;
        this.engineTasks = engineTasks;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.management = management;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The client's review waiting for an answer, for those who may view the External access tab. */
    @Transactional(readOnly = true)
    public Optional<AccessReview> openReview(UUID clientId) {
        access.requireViewer(clientId);
        return reviews.openFor(clientId).map(this::record);
    }

    /**
     * Answers the client's open review: one decision for every listed contact. A Revoke for a contact whose access
     * someone revoked meanwhile (or a Keep: it does not bring access back) is stale: it is recorded as such, named in
     * the outcome, and nothing is revoked twice.
     *
     * @throws InvalidInputException when a listed contact has no decision, or the review was answered already;
     *                               nothing changes
     * @throws NoAccessException     when the current user is neither the one the review is with nor a manager
     */
    @Transactional
    public ReviewOutcome answer(UUID reviewId, Map<UUID, ReviewDecision> decisions) {
        CurrentUser user = currentUser.requireStaff();
        AccessReviewEntity review = reviews.lockById(reviewId).orElseThrow(() -> new NotFoundException("Review"));
        access.requireViewer(review.getClientId());
        if (!review.isOpen()) {
            throw new InvalidInputException(List.of(FieldProblem.of("review", "access-review.errors.answered",
                    staff.displayName(review.getAnsweredBy()))));
        }
        if (!mayAnswer(review, user)) {
            throw new NoAccessException("The review is with " + currentAssignee(review),
                    staff.displayName(currentAssignee(review)));
        }
        List<AccessReviewItemEntity> listed = items.byReview(reviewId);
        List<FieldProblem> problems = new ArrayList<>();
        for (AccessReviewItemEntity item : listed) {
            if (decisions == null || decisions.get(item.getAccountId()) == null) {
                problems.add(FieldProblem.of(item.getAccountId().toString(), "access-review.errors.undecided",
                        item.getDisplayName()));
            }
        }
        InvalidInputException.throwIfAny(problems);

        List<String> kept = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (AccessReviewItemEntity item : listed) {
            ReviewDecision decision = decisions.get(item.getAccountId());
            // the row lock orders this answer against a manager revoking the same contact in the tab
            boolean stillThere = accounts.lockById(item.getAccountId()).filter(a -> !a.isRevoked()).isPresent();
            String kind;
            if (!stillThere) {
                item.decided(decision.name(), "ALREADY_REVOKED");
                stale.add(item.getDisplayName());
                kind = "ACCESS_REVIEW_STALE";
            } else if (decision == ReviewDecision.REVOKE) {
                item.decided(decision.name(), "REVOKED");
                revoked.add(item.getDisplayName());
                kind = "ACCESS_REVIEW_REVOKE";
            } else {
                item.decided(decision.name(), "KEPT");
                kept.add(item.getDisplayName());
                kind = "ACCESS_REVIEW_KEEP";
            }
            events.publishEvent(new ActivityRecorded(review.getClientId(), null, user.username(), kind,
                    item.getAccountId(), item.getDisplayName(), null));
        }
        review.answered(user.username(), clock.instant());
        items.saveAll(listed);
        reviews.saveAndFlush(review);
        var task = engineTasks.createTaskQuery().processInstanceBusinessKey(review.getClientId().toString())
                .processDefinitionKey(AccessReviewProcess.PROCESS_ID).singleResult();
        if (task == null) {
            throw new IllegalStateException("No review task for " + review.getId());
        }
        engineTasks.complete(task.getId(), Map.of(AccessReviewProcess.VAR_REVOKE_COUNT, revoked.size()));
        return new ReviewOutcome(kept, revoked, stale);
    }

    /**
     * Starts the client's reviews unless they already run: when a contact becomes active, and for clients that had
     * active contacts before reviews existed. Safe to call twice at once: an advisory lock per client orders them.
     */
    @Transactional
    @ProcessOnly("the activation of a portal contact, the demo data and the start-up check")
    public void ensureReviewsRun(UUID clientId) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "access-review:" + clientId);
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(clientId.toString()).count() > 0;
        if (!running && accounts.countByStatus(clientId, "ACTIVE") > 0) {
            runtime.startProcessInstanceByKey(AccessReviewProcess.PROCESS_ID, clientId.toString(),
                    Map.of(AccessReviewProcess.VAR_CLIENT_ID, clientId.toString()));
        }
    }

    /**
     * Opens the client's review now instead of at the end of the period (a manager who wants the answer before an
     * audit, say); the next period counts from its answer. Runs the model's own timer step, so the review is the same
     * as one that came due.
     *
     * @throws InvalidInputException when a review is open already, or the client has no active contact; nothing
     *                               changes
     * @throws NoAccessException     for anyone but managers and admins
     */
    public AccessReview reviewNow(UUID clientId) {
        if (!access.canManage()) {
            throw new NoAccessException("Starting a review is for managers", null);
        }
        access.requireViewer(clientId);
        transactions.executeWithoutResult(status -> ensureReviewsRun(clientId));
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(clientId.toString()).singleResult();
        if (instance == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("review", "access-review.errors.nobody-active")));
        }
        var due = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(AccessReviewProcess.REVIEW_DUE).singleResult();
        if (due == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("review", "access-review.errors.open")));
        }
        management.executeJob(due.getId());
        return openReview(clientId).orElseThrow(() -> new InvalidInputException(
                List.of(FieldProblem.of("review", "access-review.errors.nobody-active"))));
    }

    /**
     * The client was archived (its access revoked in the same transaction): its reviews stop, an open review is
     * cancelled and its task leaves My tasks. A contact who becomes active again after unarchiving starts them anew.
     */
    @Transactional
    @ProcessOnly("archiving a client")
    public void endFor(UUID clientId, String reason) {
        reviews.openFor(clientId).ifPresent(AccessReviewEntity::cancelled);
        runtime.createProcessInstanceQuery().processDefinitionKey(AccessReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(clientId.toString()).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), reason));
    }

    // -------------------------------------------------------------------------------------- steps of the model

    /** What OpenReview hands the model: the review's id and whom it goes to. */
    public record Opened(UUID reviewId, String reviewer) {
    }

    /**
     * Opens a review listing the client's active contacts, with the client's owner as reviewer, and notes it on the
     * timeline; empty when nobody is active any more. Called by the access-review model only.
     */
    @Transactional
    @ProcessOnly("the access-review model")
    public Optional<Opened> open(UUID clientId) {
        List<PortalAccountEntity> active = accounts.byClient(clientId).stream()
                .filter(a -> "ACTIVE".equals(a.getStatus())).toList();
        Optional<ClientRef> client = clients.refForNotification(clientId);
        if (active.isEmpty() || client.isEmpty()) {
            return Optional.empty();
        }
        String reviewer = client.get().owner();
        Optional<AccessReviewEntity> waiting = reviews.openFor(clientId);
        if (waiting.isPresent()) {
            return Optional.of(new Opened(waiting.get().getId(), waiting.get().getReviewer()));
        }
        AccessReviewEntity review = reviews.saveAndFlush(new AccessReviewEntity(clientId, reviewer, clock.instant()));
        items.saveAll(active.stream().map(a -> new AccessReviewItemEntity(review.getId(), a.getId(),
                a.getDisplayName(), a.getEmail(), a.getLastSignInAt())).toList());
        events.publishEvent(new ActivityRecorded(clientId, null, null, "ACCESS_REVIEW_OPENED", review.getId(),
                String.join(", ", active.stream().map(PortalAccountEntity::getDisplayName).toList()),
                staff.displayName(reviewer)));
        return Optional.of(new Opened(review.getId(), reviewer));
    }

    /**
     * The owner did not answer in time: the review goes to a manager (the first by name who is not the owner; an
     * admin when there is none), noted on the timeline. Returns the manager's username. For the model only.
     */
    @Transactional
    @ProcessOnly("the access-review model")
    public String escalate(UUID reviewId) {
        AccessReviewEntity review = reviews.lockById(reviewId).orElseThrow(() -> new NotFoundException("Review"));
        List<StaffMember> people = staff.all().stream()
                .sorted(Comparator.comparing(StaffMember::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        String to = people.stream().filter(m -> m.roles().contains(Roles.MANAGER))
                .filter(m -> !m.username().equals(review.getReviewer())).map(StaffMember::username).findFirst()
                .or(() -> people.stream().filter(m -> m.roles().contains(Roles.ADMIN)).map(StaffMember::username)
                        .findFirst())
                .orElseThrow(() -> new IllegalStateException("No manager or admin to escalate to"));
        review.escalated(to, clock.instant());
        events.publishEvent(new ActivityRecorded(review.getClientId(), null, null, "ACCESS_REVIEW_ESCALATED",
                review.getId(), staff.displayName(review.getReviewer()), staff.displayName(to)));
        return to;
    }

    /** Revokes the access the answer decided to revoke, once each. For the model only, after the answer. */
    @Transactional
    @ProcessOnly("the access-review model")
    public void revokeDecided(UUID reviewId) {
        AccessReviewEntity review = reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("Review"));
        for (AccessReviewItemEntity item : items.byReview(reviewId)) {
            if ("REVOKED".equals(item.getOutcome())) {
                access.revokeForReview(item.getAccountId(), review.getAnsweredBy());
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private boolean mayAnswer(AccessReviewEntity review, CurrentUser user) {
        return user.seesAllClients() || user.username().equals(currentAssignee(review));
    }

    private String currentAssignee(AccessReviewEntity review) {
        return review.getEscalatedTo() != null ? review.getEscalatedTo() : review.getReviewer();
    }

    private AccessReview record(AccessReviewEntity r) {
        CurrentUser user = currentUser.requireStaff();
        List<AccessReview.Item> listed = items.byReview(r.getId()).stream().map(i -> new AccessReview.Item(
                i.getAccountId(), i.getDisplayName(), i.getEmail(), i.getLastSignInAt(),
                accounts.findById(i.getAccountId()).map(PortalAccountEntity::isRevoked).orElse(true))).toList();
        return new AccessReview(r.getId(), r.getClientId(), staff.displayName(r.getReviewer()), r.getOpenedAt(),
                r.getEscalatedTo() == null ? null : staff.displayName(r.getEscalatedTo()), r.getEscalatedAt(),
                mayAnswer(r, user), listed);
    }
}
