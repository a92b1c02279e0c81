package io.clientspace.extranet;

import io.clientspace.shared.PersonalDataErased;
import io.clientspace.shared.ProcessOnly;
import io.clientspace.shared.i18n.Translations;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import io.clientspace.extranet.domain.PortalAccountEntity;
import io.clientspace.extranet.domain.PortalAccountRepository;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ModuleGate;
import io.clientspace.shared.PlanLimit;
import io.clientspace.shared.PlanLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who on the client's side may use the portal: portal contacts, their invitations and their access. Only admins and
 * managers change it: it decides what leaves the company; a member who owns the client sees it, read-only.
 * Invitations run on the extranet-invitation model (business key = the contact's id): the identity is created or
 * reused in the customers realm and bound to the client, Keycloak mails a single-use link to set a password, and the
 * first sign-in makes the contact active. An invitation that is not used in time expires; revoking access disables
 * the identity and ends its sessions at once.
 */
@Service
public class ExternalAccessService {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");

    private final PortalAccountRepository accounts;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final Clock clock;
    private final CustomerDirectory directory;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final ClientspaceProperties app;
    private final ContactActivityLog activity;

    ExternalAccessService(PortalAccountRepository accounts, ClientService clients, CurrentUserProvider currentUser,
                          StaffDirectory staff, Clock clock, CustomerDirectory directory, RuntimeService runtime,
                          ApplicationEventPublisher events, ClientspaceProperties app,
                          ContactActivityLog activity) {
        this.accounts = accounts;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
        this.directory = directory;
        this.runtime = runtime;
        this.events = events;
        this.app = app;
        this.activity = activity;
    }

    /**
     * Whether the current user may see the External access tab of the clients they can open: managers and admins, and
     * members on the clients they own (read-only, see {@link #canManage}).
     */
    public boolean canView() {
        currentUser.requireStaff();
        return true;
    }

    /** Whether the current user may add, invite and revoke portal contacts: managers and admins. */
    public boolean canManage() {
        return currentUser.requireStaff().seesAllClients();
    }

    /** The people who may add, invite and revoke portal contacts, by name: what a read-only viewer is pointed to. */
    public List<String> whoCanManage() {
        currentUser.requireStaff();
        return staff.all().stream().filter(m -> m.roles().contains(io.clientspace.security.Roles.MANAGER)
                        || m.roles().contains(io.clientspace.security.Roles.ADMIN))
                .map(m -> m.displayName()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** How long before it runs out a waiting invitation is flagged on the checklist. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(2);

    /**
     * Active, invited and not invited contacts of the client, and the invitations about to run out: the checklist's
     * external access line. Only active contacts count as connected.
     */
    @Transactional(readOnly = true)
    public AccessSummary summary(UUID clientId) {
        requireViewer(clientId);
        long active = accounts.countByStatus(clientId, "ACTIVE");
        long invited = accounts.countByStatus(clientId, "INVITED");
        long all = accounts.countByClient(clientId);
        return new AccessSummary(active, invited,
                accounts.countInvitationsExpiringBefore(clientId, clock.instant().plus(EXPIRING_WITHIN)),
                all - active - invited);
    }

    /**
     * What the contact did lately, newest first: sign-ins, downloads, and their answers to proposals and acceptances.
     * The evidence for deciding whether their access is still appropriate; for those who may view the tab.
     *
     * @throws NotFoundException when there is no such contact
     */
    @Transactional(readOnly = true)
    public List<ContactActivity> activity(UUID accountId) {
        PortalAccountEntity account = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("Contact"));
        requireViewer(account.getClientId());
        return activity.recent(accountId);
    }

    /** People who can use the client's portal now, or are invited to. */
    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        requireViewer(clientId);
        return accounts.countActiveByClient(clientId);
    }

    /**
     * Whether anyone on the customer's side can be reached in the portal, now or once they accept their invitation:
     * what proposals, requests and acceptances need before they can be sent. Not for screens: it asks nobody's
     * permission, the sending module does.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("other modules' checked send rules")
    public boolean hasReachableContacts(UUID clientId) {
        return accounts.countActiveByClient(clientId) > 0;
    }

    /** Every portal contact of the client, revoked ones included, by name; removed ones are gone from it. */
    @Transactional(readOnly = true)
    public List<PortalAccount> forClient(UUID clientId) {
        requireViewer(clientId);
        return accounts.byClient(clientId).stream().filter(a -> !a.isRemoved()).map(this::record).toList();
    }

    /**
     * One portal contact of the client, for the External access tab's dialogs.
     *
     * @throws NotFoundException when there is no such contact, it was removed, or the user may not open its client
     */
    @Transactional(readOnly = true)
    public PortalAccount contact(UUID accountId) {
        PortalAccountEntity account = accounts.findById(accountId).filter(a -> !a.isRemoved())
                .orElseThrow(() -> new NotFoundException("Contact"));
        requireViewer(account.getClientId());
        return record(account);
    }

    // --------------------------------------------------------------------- edit, policy, remove (DD035)

    /** How long the link to verify a changed e-mail address works. */
    public static final Duration VERIFY_EMAIL_VALID_FOR = Duration.ofDays(3);

    /**
     * Corrects a contact's name, e-mail address and role. A new address of an active contact is set unverified in
     * Keycloak, which mails them a link to verify it; one of a contact not invited yet is just their address (and
     * sign-in name) from now on. The address of a waiting invitation cannot change: cancel it first.
     * With {@code acknowledged} false, a role change that leaves the client no decision maker who sees proposals is
     * refused with a warning (field {@code policy}); with true it is saved.
     *
     * @throws InvalidInputException when a field is wrong, the address is someone else's, or the warning applies;
     *                               nothing is saved
     * @throws NotFoundException     when there is no such contact (or it was removed)
     */
    @Transactional
    public PortalAccount editContact(UUID accountId, PortalContactDraft draft, boolean acknowledged) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        if (account.isRemoved()) {
            throw new NotFoundException("Contact");
        }
        List<FieldProblem> problems = new ArrayList<>(check(draft));
        String email = clean(draft.email()) == null ? null : clean(draft.email()).toLowerCase(Locale.ROOT);
        boolean emailChanged = email != null && !email.equalsIgnoreCase(account.getEmail());
        PortalContactStatus status = PortalContactStatus.valueOf(account.getStatus());
        if (problems.isEmpty() && emailChanged) {
            accounts.findByEmail(email).filter(other -> !other.getId().equals(accountId))
                    .ifPresent(existing -> problems.add(existing.getClientId().equals(account.getClientId())
                            ? FieldProblem.of("email", "external.errors.email-taken-here", existing.getDisplayName())
                            : FieldProblem.of("email", "external.errors.other-client",
                                    clients.get(existing.getClientId()).name())));
            if (problems.isEmpty() && status == PortalContactStatus.INVITED) {
                problems.add(FieldProblem.of("email", "external.errors.email-while-invited"));
            }
            if (problems.isEmpty() && identityElsewhere(email, account.getClientId())) {
                problems.add(FieldProblem.of("email", "external.errors.identity-elsewhere"));
            }
        }
        if (problems.isEmpty() && !acknowledged
                && leavesNoDecider(account, draft.role(), policyOf(account))) {
            problems.add(FieldProblem.of("policy", "external.policy.warning.no-decider"));
        }
        InvalidInputException.throwIfAny(problems);
        String name = clean(draft.displayName());
        boolean renamed = !name.equals(account.getDisplayName());
        account.edit(name, draft.role().name());
        Optional<String> identity = status == PortalContactStatus.NOT_INVITED && account.getKeycloakUserId() == null
                ? Optional.empty() : identityOf(account);
        if (emailChanged) {
            // a contact who never had an identity signs in by the new address; an identity keeps its username
            account.email(email, identity.isEmpty() && status == PortalContactStatus.NOT_INVITED);
        }
        accounts.saveAndFlush(account);
        // Keycloak last: a refused row leaves it untouched
        if (identity.isPresent() && emailChanged) {
            directory.changeEmail(identity.get(), email, name, VERIFY_EMAIL_VALID_FOR, app.baseUrl() + "/portal",
                    status == PortalContactStatus.ACTIVE);
        } else if (identity.isPresent() && renamed) {
            directory.rename(identity.get(), name);
        }
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), name,
                PortalAccessChanged.Change.EDITED, user.username()));
        return record(account);
    }

    /**
     * Whether saving {@code policy} would leave the client no active or invited decision maker who sees proposals,
     * when there was one: the warning the form shows before it saves.
     */
    @Transactional(readOnly = true)
    public boolean policyLeavesNoDecider(UUID accountId, ContactPolicy policy) {
        PortalAccountEntity account = accounts.findById(accountId).filter(a -> !a.isRemoved())
                .orElseThrow(() -> new NotFoundException("Contact"));
        requireViewer(account.getClientId());
        return leavesNoDecider(account, PortalRole.valueOf(account.getRole()), policy);
    }

    /**
     * Narrows what the contact sees: portal sections and shared projects (null: all of them). With
     * {@code acknowledged} false, a policy that leaves the client no decision maker who sees proposals is refused
     * with a warning (field {@code policy}); with true it is saved. Project ids that are not the client's shared
     * projects match nothing, so they can only narrow.
     *
     * @throws InvalidInputException when the warning applies and was not acknowledged; nothing is saved
     * @throws NotFoundException     when there is no such contact (or it was removed)
     */
    @Transactional
    public PortalAccount savePolicy(UUID accountId, ContactPolicy policy, boolean acknowledged) {
        java.util.Objects.requireNonNull(policy, "policy");
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        if (account.isRemoved()) {
            throw new NotFoundException("Contact");
        }
        if (!acknowledged && leavesNoDecider(account, PortalRole.valueOf(account.getRole()), policy)) {
            throw new InvalidInputException(List.of(FieldProblem.of("policy", "external.policy.warning.no-decider")));
        }
        account.policy(policy.sectionsColumn(), policy.projectsColumn());
        accounts.saveAndFlush(account);
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), account.getDisplayName(),
                PortalAccessChanged.Change.POLICY_CHANGED, user.username()));
        return record(account);
    }

    /**
     * Removes the contact: their access is revoked as {@link #revoke} does, and they are gone from the list. The row
     * stays, so their acceptances, answers, downloads and timeline entries keep naming them. Removing twice changes
     * nothing.
     */
    @Transactional
    public void removeContact(UUID accountId) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        if (account.isRemoved()) {
            return;
        }
        if (PortalContactStatus.valueOf(account.getStatus()) == PortalContactStatus.NOT_INVITED) {
            // nothing to revoke, but a removed contact must never be invited again by a stray click
            account.revoked(user.username(), clock.instant());
            accounts.saveAndFlush(account);
        } else if (!account.isRevoked()) {
            revokeLocked(account, user.username());
        }
        account.removed(user.username(), clock.instant());
        accounts.saveAndFlush(account);
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), account.getDisplayName(),
                PortalAccessChanged.Change.REMOVED, user.username()));
    }

    /**
     * A change to one contact (its role or policy) leaves the client without any decision maker who has or awaits
     * access and sees proposals, although it had one before.
     */
    private boolean leavesNoDecider(PortalAccountEntity changed, PortalRole newRole, ContactPolicy newPolicy) {
        java.util.function.Predicate<PortalAccountEntity> counts = a -> !a.isRemoved()
                && PortalContactStatus.valueOf(a.getStatus()).hasOrAwaitsAccess();
        List<PortalAccountEntity> all = accounts.byClient(changed.getClientId()).stream().filter(counts).toList();
        long before = all.stream().filter(a -> PortalRole.valueOf(a.getRole()) == PortalRole.DECISION_MAKER
                && policyOf(a).sees(PortalSection.PROPOSALS)).count();
        long after = all.stream().filter(a -> a.getId().equals(changed.getId())
                ? newRole == PortalRole.DECISION_MAKER && newPolicy.sees(PortalSection.PROPOSALS)
                : PortalRole.valueOf(a.getRole()) == PortalRole.DECISION_MAKER
                        && policyOf(a).sees(PortalSection.PROPOSALS)).count();
        return before > 0 && after == 0;
    }

    /**
     * Adds a person on the customer's side as a portal contact; with {@code invite}, the invitation goes out at once.
     *
     * @throws InvalidInputException when a field is wrong, or the e-mail address is already someone's in the portal;
     *                               nothing is saved
     */
    @Transactional
    @ModuleGate(FirmModule.PORTAL)
    @PlanLimited(PlanLimit.PORTAL_CONTACTS)
    public PortalAccount addContact(UUID clientId, PortalContactDraft draft, boolean invite) {
        CurrentUser user = requireManager(clientId);
        List<FieldProblem> problems = new ArrayList<>(check(draft));
        String email = clean(draft.email()) == null ? null : clean(draft.email()).toLowerCase(Locale.ROOT);
        if (problems.isEmpty()) {
            var removed = accounts.findByEmail(email)
                    .filter(a -> a.isRemoved() && a.getClientId().equals(clientId));
            if (removed.isPresent()) {
                // the same person added again: their old row (and its evidence) comes back, revoked, as they are now
                PortalAccountEntity back = accounts.lockById(removed.get().getId()).orElseThrow();
                back.restored(clean(draft.displayName()), draft.role().name());
                accounts.saveAndFlush(back);
                events.publishEvent(new PortalAccessChanged(back.getId(), clientId, back.getDisplayName(),
                        PortalAccessChanged.Change.ADDED, user.username()));
                return invite ? invite(back.getId()) : record(back);
            }
            accounts.findByEmail(email).ifPresent(existing -> problems.add(existing.getClientId().equals(clientId)
                    ? FieldProblem.of("email", "external.errors.email-taken-here", existing.getDisplayName())
                    : FieldProblem.of("email", "external.errors.other-client",
                            clients.get(existing.getClientId()).name())));
        }
        if (problems.isEmpty() && identityElsewhere(email, clientId)) {
            // someone already in the customers realm for another customer must not be moved over silently
            problems.add(FieldProblem.of("email", "external.errors.identity-elsewhere"));
        }
        InvalidInputException.throwIfAny(problems);
        PortalAccountEntity account = accounts.saveAndFlush(PortalAccountEntity.contact(clientId, email,
                clean(draft.displayName()), draft.role().name(), user.username(), clock.instant()));
        events.publishEvent(new PortalAccessChanged(account.getId(), clientId, account.getDisplayName(),
                PortalAccessChanged.Change.ADDED, user.username()));
        return invite ? invite(account.getId()) : record(account);
    }

    /** The rules a new contact must meet, for the form and the service alike. */
    public static List<FieldProblem> check(PortalContactDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        String name = clean(d.displayName());
        if (name == null) {
            p.add(FieldProblem.of("displayName", "external.errors.name-required"));
        } else if (name.length() > NAME_MAX) {
            p.add(FieldProblem.of("displayName", "validation.too-long", NAME_MAX));
        }
        String email = clean(d.email());
        if (email == null) {
            p.add(FieldProblem.of("email", "external.errors.email-required"));
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            p.add(FieldProblem.of("email", "external.errors.email-invalid", email));
        }
        if (d.role() == null) {
            p.add(FieldProblem.of("role", "external.errors.role-required"));
        }
        return p;
    }

    /**
     * Invites the contact: starts the invitation, which creates or reuses their identity and mails the link. An
     * expired or revoked contact is invited afresh; an invited one gets the invitation again (see {@link #resend}).
     * An active contact is left as they are.
     */
    @Transactional
    @ModuleGate(FirmModule.PORTAL)
    @PlanLimited(PlanLimit.PORTAL_CONTACTS)
    public PortalAccount invite(UUID accountId) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        PortalContactStatus status = PortalContactStatus.valueOf(account.getStatus());
        if (status == PortalContactStatus.INVITED) {
            return resend(accountId);
        }
        if (!status.canInvite()) {
            return record(account);
        }
        Locale locale = staff.localeOf(user.username()).map(Translations::supported)
                .orElse(Locale.ENGLISH);
        requireIdentityFree(account);
        account.invited(user.username(), clock.instant(), null);
        account.speaks(locale.getLanguage());
        accounts.saveAndFlush(account);
        // the identity and the mail follow in the process's own job, retried while Keycloak is unreachable
        runtime.startProcessInstanceByKey(ExtranetInvitationProcess.PROCESS_ID, accountId.toString(),
                Map.of(ExtranetInvitationProcess.VAR_PORTAL_ACCOUNT_ID, accountId.toString(),
                        ExtranetInvitationProcess.VAR_LOCALE, locale.getLanguage()));
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), account.getDisplayName(),
                status == PortalContactStatus.NOT_INVITED ? PortalAccessChanged.Change.INVITED
                        : PortalAccessChanged.Change.RESENT, user.username()));
        return record(accounts.findById(accountId).orElseThrow());
    }

    /**
     * Sends the invitation again: a new link, and the expiry counts from now. Only for an invited contact; others
     * are invited afresh by {@link #invite}.
     */
    @Transactional
    public PortalAccount resend(UUID accountId) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        if (!"INVITED".equals(account.getStatus())) {
            return invite(accountId);
        }
        account.invited(user.username(), clock.instant(), account.getInvitationExpiresAt());
        accounts.saveAndFlush(account);
        var waiting = runtime.createMessageCorrelation(ExtranetInvitationProcess.MSG_RESENT)
                .processInstanceBusinessKey(accountId.toString()).correlateAllWithResult();
        if (waiting.isEmpty() && invitationRunning(accountId)) {
            // the first mail has not gone out yet (its identity step waits for Keycloak): it will, valid from then
            return record(account);
        }
        if (waiting.isEmpty()) {
            // the invitation ended meanwhile (used or expired); start a new one rather than fail
            account.expired();
            accounts.saveAndFlush(account);
            return invite(accountId);
        }
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), account.getDisplayName(),
                PortalAccessChanged.Change.RESENT, user.username()));
        return record(accounts.findById(accountId).orElseThrow());
    }

    /**
     * Takes the contact's access away: their identity is disabled, their Keycloak sessions end at once, a waiting
     * invitation ends, and the portal refuses their open session on its next request. Revoking twice changes nothing.
     */
    @Transactional
    public PortalAccount revoke(UUID accountId) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        if (!account.isRevoked()) {
            revokeLocked(account, user.username());
        }
        return record(account);
    }

    private void revokeLocked(PortalAccountEntity account, String actor) {
        String before = account.getStatus();
        account.revoked(actor, clock.instant());
        accounts.saveAndFlush(account);
        if ("INVITED".equals(before)) {
            runtime.createMessageCorrelation(ExtranetInvitationProcess.MSG_REVOKED)
                    .processInstanceBusinessKey(account.getId().toString()).correlateAllWithResult();
            // an invitation still at its identity step (Keycloak was unreachable) ends without sending anything
            runtime.createProcessInstanceQuery().processDefinitionKey(ExtranetInvitationProcess.PROCESS_ID)
                    .processInstanceBusinessKey(account.getId().toString()).list()
                    .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "access revoked"));
        }
        // an invitation whose identity step has not run yet bound no identity to this contact (the step records the
        // one it creates or reuses): there is nothing to disable, and Keycloak need not answer
        boolean identityStepPending = "INVITED".equals(before) && account.getKeycloakUserId() == null;
        if (!identityStepPending) {
            identityOf(account).ifPresent(id -> directory.setEnabled(id, false));
        }
        events.publishEvent(new PortalAccessChanged(account.getId(), account.getClientId(), account.getDisplayName(),
                PortalAccessChanged.Change.REVOKED, actor));
    }

    /**
     * The client's portal contacts that still have, or are invited to, access: what archiving the client revokes.
     * For the preview only, after the client module checked the user's access to the client.
     */
    List<String> notRevoked(UUID clientId) {
        return accounts.byClient(clientId).stream().filter(a -> !a.isRevoked())
                .map(a -> a.getDisplayName() + " (" + a.getEmail() + ")").toList();
    }

    /** The status of each of the client's portal contacts by lower-case e-mail; for managers (see {@link #canView}). */
    java.util.Map<String, String> statusByEmail(UUID clientId) {
        java.util.Map<String, String> result = new java.util.HashMap<>();
        accounts.byClient(clientId).stream().filter(a -> !a.isRemoved())
                .forEach(a -> result.put(a.getEmail().toLowerCase(Locale.ROOT), a.getStatus()));
        return result;
    }

    /** The name of each of the client's portal contacts (not removed) by lower-case e-mail; for the company page. */
    java.util.Map<String, String> nameByEmail(UUID clientId) {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        accounts.byClient(clientId).stream().filter(a -> !a.isRemoved())
                .forEach(a -> result.put(a.getEmail().toLowerCase(Locale.ROOT), a.getDisplayName()));
        return result;
    }

    /** The portal contact with this e-mail address, for an erasure's preview: its name and client. */
    Optional<String> contactWithEmail(String email) {
        return email == null ? Optional.empty()
                : accounts.findByEmail(email).map(a -> a.getDisplayName() + " (" + a.getEmail() + ")");
    }

    /**
     * Erases the portal contact with the e-mail address of an erased contact person: the identity is deleted in
     * Keycloak after a waiting invitation ended, and the row keeps only what evidence needs (its id). Runs in the
     * erasing transaction; a Keycloak failure rolls the whole erasure back, so nothing is half-erased.
     */
    void eraseContact(String email, String actor, String placeholder) {
        if (email == null) {
            return;
        }
        accounts.findByEmail(email).flatMap(a -> accounts.lockById(a.getId())).ifPresent(account -> {
            String name = account.getDisplayName();
            if (!account.isRevoked()) {
                revokeLocked(account, actor);
            }
            String identity = account.getKeycloakUserId();
            account.erase(placeholder, actor, clock.instant());
            accounts.saveAndFlush(account);
            if (identity != null) {
                directory.delete(identity);
            }
            events.publishEvent(new PersonalDataErased(account.getClientId(), account.getId(), name, placeholder));
        });
    }

    /**
     * Revokes every contact of an archived client, each under its row lock, as {@link #revoke} does: the identity
     * is disabled, a waiting invitation ends, and an open portal session is refused on its next request. Runs in the
     * archiving transaction, whose user the client module checked; portal rights are not asked again, since archiving
     * the client is the decision.
     */
    void revokeAllOf(UUID clientId, String actor) {
        for (PortalAccountEntity a : accounts.byClient(clientId)) {
            PortalAccountEntity locked = accounts.lockById(a.getId()).orElseThrow();
            if (!locked.isRevoked()) {
                revokeLocked(locked, actor);
            }
        }
    }

    /**
     * Cancels an invitation that has not been used yet: the invitation process ends, the link in the mail stops
     * working at once (the identity is disabled in the same transaction; one that was created for this invitation
     * is deleted after the commit, one that existed before stays disabled), the contact is mailed and is "not
     * invited" again. The row lock decides a race with the contact's first sign-in: whichever came first stands.
     *
     * @return the contact as it is now; cancelling again changes nothing
     * @throws InvalidInputException when the invitation was used already (the contact is active) or is not waiting
     *                               any more (expired or revoked); nothing changes
     */
    @Transactional
    public PortalAccount cancelInvitation(UUID accountId) {
        CurrentUser user = currentUser.requireStaff();
        PortalAccountEntity account = lockManaged(accountId);
        PortalContactStatus status = PortalContactStatus.valueOf(account.getStatus());
        if (status == PortalContactStatus.NOT_INVITED) {
            return record(account);
        }
        if (status != PortalContactStatus.INVITED) {
            throw new InvalidInputException(List.of(FieldProblem.of("invitation",
                    status == PortalContactStatus.ACTIVE ? "external.errors.cancel-used"
                            : "external.errors.cancel-not-waiting")));
        }
        Optional<String> identity = identityOf(account);
        boolean delete = identity.isPresent() && account.isIdentityCreated();
        account.invitationCancelled(delete);
        accounts.saveAndFlush(account);
        runtime.createMessageCorrelation(ExtranetInvitationProcess.MSG_CANCELLED)
                .processInstanceBusinessKey(accountId.toString()).correlateAllWithResult();
        identity.ifPresent(id -> {
            directory.setEnabled(id, false);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome != STATUS_COMMITTED) {
                        directory.setEnabled(id, true);
                    } else if (delete) {
                        directory.delete(id);
                    }
                }
            });
        });
        events.publishEvent(new PortalAccessChanged(accountId, account.getClientId(), account.getDisplayName(),
                PortalAccessChanged.Change.INVITATION_CANCELLED, user.username()));
        return record(account);
    }

    // ------------------------------------------------------------------------------- steps of the invitation model

    /**
     * Creates the contact's identity in the customers realm, or reuses the one with their e-mail address, enables
     * it and binds it to the client. Safe to run twice. Called by the invitation process only.
     */
    @Transactional
    @ProcessOnly("the extranet-invitation model")
    public void provisionIdentity(UUID accountId, Locale locale) {
        PortalAccountEntity account = accounts.lockById(accountId).orElseThrow(() -> new NotFoundException("Contact"));
        if (!"INVITED".equals(account.getStatus())) {
            // revoked while this step waited for Keycloak: nothing to create
            return;
        }
        var existing = directory.findByEmail(account.getEmail());
        String userId;
        if (existing.isPresent()) {
            var bound = CustomerDirectory.attribute(existing.get(), CustomerDirectory.CUSTOMER_ID).stream()
                    .findFirst();
            if (bound.isPresent() && !bound.get().equals(account.getClientId().toString())) {
                throw new InvalidInputException(List.of(FieldProblem.of("email",
                        "external.errors.identity-elsewhere")));
            }
            userId = existing.get().getId();
            directory.bind(existing.get(), account.getClientId().toString());
            directory.setEnabled(userId, true);
        } else {
            userId = directory.create(account.getEmail(), account.getDisplayName(), account.getClientId().toString(),
                    locale);
            account.identityCreated(userId);
        }
        account.identity(userId);
    }

    /** Mails the set-password link, valid for {@code validFor}. Called by the invitation process only. */
    @Transactional
    @ProcessOnly("the extranet-invitation model")
    public void sendInvitation(UUID accountId, Duration validFor) {
        PortalAccountEntity account = accounts.lockById(accountId).orElseThrow(() -> new NotFoundException("Contact"));
        if (!"INVITED".equals(account.getStatus())) {
            return;
        }
        String userId = identityOf(account).orElseThrow(() -> new IllegalStateException("No identity for " + accountId));
        Instant now = clock.instant();
        account.invited(account.getInvitedBy(), account.getInvitedAt() == null ? now : account.getInvitedAt(),
                now.plus(validFor));
        directory.sendSetPasswordLink(userId, validFor, app.baseUrl() + "/portal");
    }

    /**
     * Refuses at once, while the colleague is still there, an address that is another customer's sign-in. When
     * Keycloak cannot be asked now, the invitation's identity step asks again when it runs.
     */
    private void requireIdentityFree(PortalAccountEntity account) {
        if (identityElsewhere(account.getEmail(), account.getClientId())) {
            throw new InvalidInputException(List.of(FieldProblem.of("email", "external.errors.identity-elsewhere")));
        }
    }

    /**
     * Whether the address is already another customer's sign-in in Keycloak; false when Keycloak cannot be asked
     * (the identity step of the invitation checks again, and refuses, when it runs).
     */
    private boolean identityElsewhere(String email, UUID clientId) {
        try {
            return directory.findByEmail(email).flatMap(u -> CustomerDirectory.attribute(u,
                    CustomerDirectory.CUSTOMER_ID).stream().findFirst())
                    .filter(bound -> !bound.equals(clientId.toString())).isPresent();
        } catch (jakarta.ws.rs.ProcessingException unreachable) {
            return false;
        }
    }

    private boolean invitationRunning(UUID accountId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExtranetInvitationProcess.PROCESS_ID)
                .processInstanceBusinessKey(accountId.toString()).count() > 0;
    }

    /** The contact signed in for the first time. Called by the invitation process only. */
    @Transactional
    @ProcessOnly("the extranet-invitation model")
    public void markActive(UUID accountId) {
        accounts.lockById(accountId).filter(a -> "INVITED".equals(a.getStatus())).ifPresent(a -> {
            a.activated();
            events.publishEvent(new PortalAccessChanged(a.getId(), a.getClientId(), a.getDisplayName(),
                    PortalAccessChanged.Change.ACTIVATED, null));
        });
    }

    /** The invitation ran out unused; the link no longer works either. Called by the invitation process only. */
    @Transactional
    @ProcessOnly("the extranet-invitation model")
    public void markExpired(UUID accountId) {
        accounts.lockById(accountId).filter(a -> "INVITED".equals(a.getStatus())).ifPresent(a -> {
            a.expired();
            events.publishEvent(new PortalAccessChanged(a.getId(), a.getClientId(), a.getDisplayName(),
                    PortalAccessChanged.Change.EXPIRED, null));
        });
    }

    /**
     * A customer signed in to the portal: remembers when, and completes their invitation the first time. Signing in
     * again changes nothing else.
     */
    @Transactional
    public void recordSignIn(String username) {
        accounts.lockByUsername(username).ifPresent(a -> {
            a.signedIn(clock.instant());
            activity.signedIn(a.getId(), a.getClientId());
            if ("INVITED".equals(a.getStatus())) {
                var heard = runtime.createMessageCorrelation(ExtranetInvitationProcess.MSG_SIGNED_IN)
                        .processInstanceBusinessKey(a.getId().toString()).correlateAllWithResult();
                if (heard.isEmpty()) {
                    // an identity that existed before signed in while its invitation still waited to be sent:
                    // the access is in use; the invitation's steps then skip the contact (no longer invited)
                    markActive(a.getId());
                }
            }
        });
    }

    /** A portal account as the portal checks it: whose it is, for which client, and whether it is active. */
    public record PortalIdentity(UUID id, UUID clientId, String username, String displayName, String email,
                                 PortalContactStatus status, PortalRole role, ContactPolicy policy, boolean removed) {
    }

    /**
     * The account behind a portal viewer, for the portal's own check of who is looking; empty when there is none.
     * Not for screens: it asks nobody's permission, the caller decides.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the portal access policy and the session guard")
    public Optional<PortalIdentity> identityForPortalCheck(UUID accountId) {
        return accounts.findById(accountId).map(a -> new PortalIdentity(a.getId(), a.getClientId(), a.getUsername(),
                a.getDisplayName(), a.getEmail(), PortalContactStatus.valueOf(a.getStatus()),
                PortalRole.valueOf(a.getRole()), policyOf(a), a.isRemoved()));
    }

    /** Where to write to a contact, and in which language. */
    public record ContactAddress(String email, String displayName, Locale locale) {
    }

    /**
     * The client's active portal contacts, for mails sent in the background (a document shared, a comment): only
     * they may read what such a mail points to. Not for screens: it asks nobody's permission.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("customer mail, after the change committed")
    public List<ContactAddress> activeContactsForNotification(UUID clientId) {
        return accounts.byClient(clientId).stream().filter(a -> "ACTIVE".equals(a.getStatus()))
                .map(a -> new ContactAddress(a.getEmail(), a.getDisplayName(), Locale.forLanguageTag(a.getLocale())))
                .toList();
    }

    /**
     * The language a contact reads (en, de, ru): what the portal renders for them outside the page, such as a PDF.
     * Not for screens: it asks nobody's permission; the calling module verified the contact's scope.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("other modules' customer methods, after they verified the scope")
    public Locale contactLocale(UUID accountId) {
        return accounts.findById(accountId).map(a -> Translations.supported(Locale.forLanguageTag(a.getLocale())))
                .orElse(Locale.ENGLISH);
    }

    /** Where to write to one contact, whatever their status: for mails about their own invitation. */
    @Transactional(readOnly = true)
    @ProcessOnly("mails about a contact's own invitation, after the change committed")
    public Optional<ContactAddress> contactForNotification(UUID accountId) {
        return accounts.findById(accountId).map(a -> new ContactAddress(a.getEmail(), a.getDisplayName(),
                Locale.forLanguageTag(a.getLocale())));
    }

    /**
     * The signed-in customer switched the portal's language: their mails follow it from now on.
     */
    @Transactional
    public void customerSpeaks(Locale locale) {
        CurrentUser user = currentUser.requireCustomer();
        String language = Translations.supported(locale).getLanguage();
        accounts.findByUsername(user.username()).filter(a -> a.getClientId().equals(user.customerId()))
                .ifPresent(a -> a.speaks(language));
    }

    /**
     * Whether a portal session of this identity may go on: the contact exists, is active and acts for the customer
     * record the session was opened for. Asked on every portal request.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the portal session guard, on every customer request")
    public boolean mayUsePortal(String username, UUID customerId) {
        return customerId != null && accounts.findByUsername(username)
                .filter(a -> "ACTIVE".equals(a.getStatus()) && a.getClientId().equals(customerId)).isPresent();
    }

    /**
     * Gives an existing customer identity (already in the customers realm) access to the client's portal: records
     * the grant and binds the identity to the client record in Keycloak. Granting the same identity to the same
     * client again changes nothing.
     *
     * @throws NotFoundException     when the customers realm has no such user
     * @throws InvalidInputException when the identity has no e-mail, or already has access for another client
     */
    @Transactional
    @PlanLimited(PlanLimit.PORTAL_CONTACTS)
    public PortalAccount grantExisting(UUID clientId, String username) {
        // every contact could answer before roles existed; a grant that names no role keeps that (DD035)
        return grantExisting(clientId, username, PortalRole.APPROVER);
    }

    /**
     * {@link #grantExisting(UUID, String)} with the contact's role; a grant that changes nothing keeps the role.
     */
    @Transactional
    public PortalAccount grantExisting(UUID clientId, String username, PortalRole role) {
        java.util.Objects.requireNonNull(role, "role");
        CurrentUser user = requireManager(clientId);
        var identity = directory.find(username).orElseThrow(() -> new NotFoundException("Customer identity"));
        if (identity.getEmail() == null || identity.getEmail().isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "external.errors.no-email")));
        }
        String displayName = CustomerDirectory.displayName(identity);
        var existing = accounts.lockByUsername(username);
        PortalAccountEntity account;
        if (existing.isPresent() && existing.get().getClientId().equals(clientId) && !existing.get().isRevoked()) {
            return record(existing.get());
        } else if (existing.isPresent() && !existing.get().isRevoked()) {
            // One identity acts for one customer: moving it silently would show this person another client's data
            throw new InvalidInputException(List.of(FieldProblem.of("username", "external.errors.other-client",
                    clients.get(existing.get().getClientId()).name())));
        } else if (existing.isPresent()) {
            account = existing.get();
            account.grant(clientId, identity.getEmail(), displayName, user.username(), clock.instant());
        } else {
            account = new PortalAccountEntity(UUID.randomUUID(), clientId, username, identity.getEmail(),
                    displayName, "ACTIVE", user.username(), clock.instant());
        }
        account.identity(identity.getId());
        account.edit(account.getDisplayName(), role.name());
        accounts.saveAndFlush(account);
        // Keycloak last: a refused row leaves Keycloak untouched, and a rollback after this point restores the
        // previous binding, so the portal never shows a client that the grant records do not.
        String previous = CustomerDirectory.attribute(identity, CustomerDirectory.CUSTOMER_ID).stream()
                .findFirst().orElse(null);
        directory.bind(identity, clientId.toString());
        if (!Boolean.TRUE.equals(identity.isEnabled())) {
            directory.setEnabled(identity.getId(), true);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    directory.bind(identity, previous);
                }
            }
        });
        return record(account);
    }

    /**
     * The signed-in customer's portal account, only while it is active and bound to the customer record their
     * sign-in claims. The portal shows nothing else without it.
     */
    @Transactional(readOnly = true)
    public Optional<PortalAccount> currentCustomerAccount() {
        CurrentUser user = currentUser.requireCustomer();
        return accounts.findByUsername(user.username())
                .filter(a -> "ACTIVE".equals(a.getStatus()) && a.getClientId().equals(user.customerId()))
                .map(this::record);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private Optional<String> identityOf(PortalAccountEntity account) {
        if (account.getKeycloakUserId() != null) {
            return Optional.of(account.getKeycloakUserId());
        }
        return directory.find(account.getUsername()).map(u -> u.getId());
    }

    private PortalAccountEntity lockManaged(UUID accountId) {
        PortalAccountEntity account = accounts.lockById(accountId).orElseThrow(() -> new NotFoundException("Contact"));
        requireManager(account.getClientId());
        return account;
    }

    private PortalAccount record(PortalAccountEntity a) {
        return new PortalAccount(a.getId(), a.getDisplayName(), a.getEmail(), a.getStatus(),
                staff.displayName(a.getGrantedBy()), a.getGrantedAt(), PortalRole.valueOf(a.getRole()),
                a.getInvitedAt(), a.getInvitedBy() == null ? null : staff.displayName(a.getInvitedBy()),
                a.getInvitationExpiresAt(), a.getLastSignInAt(), a.getVersion(), policyOf(a));
    }

    private static ContactPolicy policyOf(PortalAccountEntity a) {
        return ContactPolicy.parse(a.getPolicySections(), a.getPolicyProjects());
    }

    /**
     * Revokes the contact's access for an answered access review, as {@link #revoke} does, under the row lock; one
     * revoked meanwhile is left alone. Returns whether this call revoked it.
     */
    boolean revokeForReview(UUID accountId, String actor) {
        PortalAccountEntity account = accounts.lockById(accountId).orElseThrow(() -> new NotFoundException("Contact"));
        if (account.isRevoked()) {
            return false;
        }
        revokeLocked(account, actor);
        return true;
    }

    /** Whoever may open the client sees who has access: managers and admins, and the client's owner (read-only). */
    CurrentUser requireViewer(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        clients.requireAccess(clientId);
        return user;
    }

    /** Adding, inviting and revoking stay with managers and admins, also on clients a member owns. */
    private CurrentUser requireManager(UUID clientId) {
        CurrentUser user = requireViewer(clientId);
        if (!user.seesAllClients()) {
            throw new NoAccessException("Inviting and revoking portal access is for managers", null);
        }
        return user;
    }
}
