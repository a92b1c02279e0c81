package io.clientspace.client;

import io.clientspace.shared.ActivityRecorded;
import io.clientspace.shared.PersonalDataErased;
import io.clientspace.shared.ProcessOnly;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffMember;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import org.springframework.beans.factory.ObjectProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.domain.ClientEntity;
import io.clientspace.client.domain.ClientRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies and contacts. Admins and managers see and change every client; members see and change the clients they
 * own. Every method checks this itself, whatever the view did.
 */
@Service
public class ClientService {

    /** Columns the list may be sorted by; anything else falls back to the name. */
    public enum SortField { NAME, KIND, CITY, OWNER, UPDATED }

    private final ClientRepository clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    // the once-a-day rule is one atomic upsert; no entity is needed for a row nobody reads back
    private final JdbcTemplate jdbc;
    // looked up when needed: the participants' modules depend on this service, so they cannot be built before it
    private final ObjectProvider<ClientArchiveParticipant> archiveParticipants;
    private final ObjectProvider<ContactErasureParticipant> erasureParticipants;
    private final ObjectProvider<PortalContactLookup> portalContacts;
    private final ObjectProvider<ClientMemberships> memberships;
    private final ObjectProvider<io.clientspace.shared.ViewerPolicy> viewerPolicy;

    ClientService(ClientRepository clients, CurrentUserProvider currentUser, StaffDirectory staff,
                  ApplicationEventPublisher events, Clock clock,
                  JdbcTemplate jdbc, ObjectProvider<ClientArchiveParticipant> archiveParticipants,
                  ObjectProvider<ContactErasureParticipant> erasureParticipants,
                  ObjectProvider<PortalContactLookup> portalContacts,
                  ObjectProvider<ClientMemberships> memberships,
                  ObjectProvider<io.clientspace.shared.ViewerPolicy> viewerPolicy) {
        this.viewerPolicy = viewerPolicy;
        this.portalContacts = portalContacts;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.archiveParticipants = archiveParticipants;
        this.erasureParticipants = erasureParticipants;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of the clients the current user may see.
     *
     * @param text  matched against name, e-mail, city, company and tags; null or blank for all
     * @param kind  null for both kinds
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> search(String text, ClientKind kind, SortField sort, boolean ascending, int offset,
                                      int limit) {
        return search(text, kind, false, sort, ascending, offset, limit);
    }

    /**
     * As {@link #search(String, ClientKind, SortField, boolean, int, int)}, over the archived clients when
     * {@code archived} is true; live clients otherwise.
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> search(String text, ClientKind kind, boolean archived, SortField sort,
                                      boolean ascending, int offset, int limit) {
        CurrentUser user = currentUser.requireStaff();
        Sort order = Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, sortProperty(sort))
                .and(Sort.by("id"));
        int size = Math.max(1, limit);
        List<ClientEntity> rows = clients.search(ownerScope(user), granted(user), kind, pattern(text), archived,
                new OffsetPageRequest(offset, size, order));
        return rows.stream().map(this::summary).toList();
    }

    /** How many live clients match; archived clients are not counted. */
    @Transactional(readOnly = true)
    public long count(String text, ClientKind kind) {
        return count(text, kind, false);
    }

    /** How many clients match, among the archived ones when {@code archived} is true. */
    @Transactional(readOnly = true)
    public long count(String text, ClientKind kind, boolean archived) {
        CurrentUser user = currentUser.requireStaff();
        return clients.countSearch(ownerScope(user), granted(user), kind, pattern(text), archived);
    }

    /**
     * The client, if the current user may see it.
     *
     * @throws NotFoundException when there is no such client of that kind
     * @throws NoAccessException when it exists but belongs to someone else; names the owner to ask
     */
    @Transactional(readOnly = true)
    public Client get(ClientKind kind, UUID id) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = clients.findById(id).filter(c -> c.getKind() == kind)
                .orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, entity);
        return toClient(entity);
    }

    /** Same as {@link #get} without knowing the kind. */
    @Transactional(readOnly = true)
    public Client get(UUID id) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = clients.findById(id).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, entity);
        return toClient(entity);
    }

    /**
     * Checks that the current user may see the client, with one primary-key lookup of its owner. Other modules call
     * this before they scope their own queries (counters, lists) by the client.
     *
     * @throws NotFoundException when there is no such client
     * @throws NoAccessException when it belongs to someone else; names the owner to ask
     */
    @Transactional(readOnly = true)
    public void requireAccess(UUID clientId) {
        require(clientId, ClientAction.READ);
    }

    /**
     * The current staff member's level on the client: {@link AccessLevel#MANAGER} for admins, managers and the
     * client's owner, the granted level for a workspace member, else {@link AccessLevel#NONE}.
     *
     * @throws NotFoundException when there is no such client
     */
    @Transactional(readOnly = true)
    public AccessLevel levelOf(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        String owner = clients.ownerOf(clientId).orElseThrow(() -> new NotFoundException("Client"));
        return level(user, clientId, owner);
    }

    /**
     * The one permission answer for a client as a whole: may the current staff member do this on it? Projects add
     * their own work group on top, see {@code ProjectService.may}.
     *
     * @throws NotFoundException when there is no such client
     */
    @Transactional(readOnly = true)
    public boolean may(UUID clientId, ClientAction action) {
        return action.allowedAt(levelOf(clientId));
    }

    /**
     * @throws NotFoundException when there is no such client
     * @throws NoAccessException unless the current user {@link #may} do it; names the owner to ask
     */
    @Transactional(readOnly = true)
    public void require(UUID clientId, ClientAction action) {
        CurrentUser user = currentUser.requireStaff();
        String owner = clients.ownerOf(clientId).orElseThrow(() -> new NotFoundException("Client"));
        requireLevel(user, action, level(user, clientId, owner), owner);
    }

    private void requireLevel(CurrentUser user, ClientAction action, AccessLevel level, String owner) {
        if (!action.allowedAt(level)) {
            throw new NoAccessException(level == AccessLevel.NONE ? "Client belongs to " + owner
                    : action + " needs " + action.least() + " on the client, " + user.username() + " is " + level,
                    staff.displayName(owner));
        }
    }

    /** Whoever's level the rule is: firm-wide roles and ownership first, then a live grant. */
    private AccessLevel level(CurrentUser user, UUID clientId, String owner) {
        if (user.seesAllClients() || user.username().equals(owner)) {
            return AccessLevel.MANAGER;
        }
        ClientMemberships m = memberships.getIfAvailable();
        return m == null ? AccessLevel.NONE : m.grantedLevel(clientId, user.username());
    }

    /** The clients the user was let into; never empty, for an IN list (a placeholder id no row has). */
    private List<UUID> granted(CurrentUser user) {
        List<UUID> ids = grantedIds(user);
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private List<UUID> grantedIds(CurrentUser user) {
        ClientMemberships m = memberships.getIfAvailable();
        return m == null || user.seesAllClients() ? List.of() : m.clientsOf(user.username());
    }

    /**
     * The clients whose work the current user shares, for queries that span clients: empty when the user may see
     * every client (admins and managers), else the ids of the clients they own.
     */
    @Transactional(readOnly = true)
    public Optional<List<UUID>> scopeOfCurrentUser() {
        CurrentUser user = currentUser.requireStaff();
        if (user.seesAllClients()) {
            return Optional.empty();
        }
        Set<UUID> ids = new LinkedHashSet<>(clients.idsOwnedBy(user.username()));
        ids.addAll(grantedIds(user));
        return Optional.of(List.copyOf(ids));
    }

    /**
     * Whether a colleague at this level reads amounts and the internal chat: editors and managers always; viewers
     * unless the firm keeps both from them (issue 15 §1, {@link io.clientspace.shared.ViewerPolicy}).
     */
    public boolean seesAmountsAt(AccessLevel level) {
        if (level == AccessLevel.NONE) {
            return false;
        }
        return level != AccessLevel.VIEWER || viewersSeeAmounts();
    }

    /**
     * {@link #seesAmountsAt} the current user's level on the client. Asks nothing of the database while the firm lets
     * viewers see amounts (the default), so the workspace pays for it only where the firm chose otherwise.
     */
    @Transactional(readOnly = true)
    public boolean seesAmounts(UUID clientId) {
        return viewersSeeAmounts() || seesAmountsAt(levelOf(clientId));
    }

    /** Whether the firm lets viewers see amounts and the internal chat ({@link io.clientspace.shared.ViewerPolicy}). */
    public boolean viewersSeeAmounts() {
        io.clientspace.shared.ViewerPolicy policy = viewerPolicy.getIfAvailable();
        return policy == null || policy.viewersSeeAmounts();
    }

    /**
     * {@link #scopeOfCurrentUser()} for figures that carry amounts (reports): without the clients the user only views
     * while the firm keeps amounts from viewers.
     */
    @Transactional(readOnly = true)
    public Optional<List<UUID>> amountScopeOfCurrentUser() {
        CurrentUser user = currentUser.requireStaff();
        if (user.seesAllClients() || viewersSeeAmounts()) {
            return scopeOfCurrentUser();
        }
        Set<UUID> ids = new LinkedHashSet<>(clients.idsOwnedBy(user.username()));
        ClientMemberships m = memberships.getIfAvailable();
        if (m != null) {
            ids.addAll(m.clientsAboveViewer(user.username()));
        }
        return Optional.of(List.copyOf(ids));
    }

    /** A handover's preview of the colleague's clients: every one moves to the successor. */
    @Transactional(readOnly = true)
    public List<io.clientspace.shared.HandoverLine> handoverPreview(io.clientspace.shared.Handover handover) {
        currentUser.requireAdmin();
        return clients.findAllOwnedBy(handover.from()).stream().map(c -> new io.clientspace.shared.HandoverLine(
                "handover.kind.client", c.getId(), c.getName(), c.getName(),
                io.clientspace.shared.HandoverLine.Outcome.MOVES)).toList();
    }

    /** Makes the successor the owner of every client the departing colleague owns. */
    @Transactional
    public void handOver(io.clientspace.shared.Handover handover) {
        currentUser.requireAdmin();
        for (ClientEntity c : clients.findAllOwnedBy(handover.from())) {
            c.setOwner(handover.to());
            c.setUpdatedAt(clock.instant());
        }
        clients.flush();
    }

    /** Ids of every client the colleague owns, archived ones too: what a handover moves (admins only). */
    @Transactional(readOnly = true)
    public Set<UUID> allOwnedBy(String username) {
        currentUser.requireAdmin();
        return clients.findAllOwnedBy(username).stream().map(ClientEntity::getId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The clients the current user owns, by name. */
    @Transactional(readOnly = true)
    public List<ClientRef> ownedByCurrentUser() {
        return clients.refsOwnedBy(currentUser.requireStaff().username());
    }

    /** Names and links of the given clients, as far as the current user may see them; others are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, ClientRef> refs(Collection<UUID> ids) {
        CurrentUser user = currentUser.requireStaff();
        if (ids.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<UUID, ClientRef>();
        Set<UUID> granted = new HashSet<>(grantedIds(user));
        for (ClientRef ref : clients.refs(ids)) {
            if (user.seesAllClients() || user.username().equals(ref.owner()) || granted.contains(ref.id())) {
                result.put(ref.id(), ref);
            }
        }
        return result;
    }

    /**
     * Staff who may be given work on the client: admins, managers, the client's owner and its members at editor
     * level or above, as only they can work on it. Anyone who may open the client may hand work to any of them.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> workGroup(UUID clientId) {
        require(clientId, ClientAction.READ);
        String owner = clients.ownerOf(clientId).orElseThrow(() -> new NotFoundException("Client"));
        return workGroupOf(clientId, owner);
    }

    /**
     * As {@link #workGroup}, without asking whether the current user may open the client. Only for services that
     * decide access to a part of a client (a project) themselves; never hand the result to a view without that check.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> workGroupForAccessDecision(UUID clientId) {
        currentUser.requireStaff();
        return clients.ownerOf(clientId).map(owner -> workGroupOf(clientId, owner)).orElse(List.of());
    }

    /**
     * As {@link #require}{@code (clientId, action)} followed by {@link #workGroup}, answered as "may this colleague be
     * given work on the client", reading no more than the answer needs (issue 19):
     * <ul>
     * <li>an admin or a manager may do every action on every client, so for them the client's owner is read only when
     * a colleague who is neither admin nor manager is being given the work, and its grants only when that colleague
     * is not the owner. A manager creating a deal for a manager sends no permission read at all;</li>
     * <li>anyone else: the owner is read at once (it decides their own level), the grants only where needed.</li>
     * </ul>
     * Each is read at most once, in the caller's transaction.
     * <p>
     * <b>When nothing was read, nothing proved that the client exists:</b> the caller's insert of a row that refers to
     * it (a foreign key) is what refuses a client that is not there; see {@link #isMissingClient}.
     *
     * @throws NotFoundException when there is no such client, as far as a read was needed
     * @throws NoAccessException unless the current user may do the action on the client; names the owner to ask
     */
    @Transactional(readOnly = true)
    public Predicate<String> requireAndWorkGroup(UUID clientId, ClientAction action) {
        CurrentUser user = currentUser.requireStaff();
        // each read on first use and kept: the answer may need neither
        Supplier<String> owner = SingletonSupplier.of(() -> clients.ownerOf(clientId)
                .orElseThrow(() -> new NotFoundException("Client")));
        Supplier<Map<String, AccessLevel>> grants = SingletonSupplier.of(() -> grantsOn(clientId));
        if (!user.seesAllClients()) {
            AccessLevel level = user.username().equals(owner.get()) ? AccessLevel.MANAGER
                    : grants.get().getOrDefault(user.username(), AccessLevel.NONE);
            requireLevel(user, action, level, owner.get());
        }
        return username -> staff.assignable().stream().filter(s -> s.username().equals(username)).findFirst()
                .map(s -> s.roles().contains(Roles.ADMIN) || s.roles().contains(Roles.MANAGER)
                        || s.username().equals(owner.get())
                        || grants.get().getOrDefault(s.username(), AccessLevel.NONE).atLeast(AccessLevel.EDITOR))
                .orElse(false);
    }

    /**
     * Whether a write failed because the client it refers to is not there: a row's {@code client_id} foreign key
     * refused it. For callers of {@link #requireAndWorkGroup}, whose check may not have read the client.
     */
    public static boolean isMissingClient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && FOREIGN_KEY_VIOLATION.equals(violation.getSQLState())
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(Locale.ROOT).endsWith("_client_id_fkey")) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's SQLSTATE for a row that refers to one that is not there. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Map<String, AccessLevel> grantsOn(UUID clientId) {
        ClientMemberships m = memberships.getIfAvailable();
        return m == null ? Map.of() : m.grantsOn(clientId);
    }

    private List<StaffMember> workGroupOf(UUID clientId, String owner) {
        return workGroupOf(owner, grantsOn(clientId));
    }

    private List<StaffMember> workGroupOf(String owner, Map<String, AccessLevel> grants) {
        return staff.assignable().stream()
                .filter(s -> s.roles().contains(Roles.ADMIN) || s.roles().contains(Roles.MANAGER)
                        || s.username().equals(owner)
                        || grants.getOrDefault(s.username(), AccessLevel.NONE).atLeast(AccessLevel.EDITOR))
                .toList();
    }

    /**
     * Names and owners of the given clients whoever asks. Only for services that decide access to a part of a client
     * (a project) themselves; never hand the result to a view without that check.
     */
    @Transactional(readOnly = true)
    public Map<UUID, ClientRef> refsForAccessDecision(Collection<UUID> ids) {
        currentUser.requireStaff();
        if (ids.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<UUID, ClientRef>();
        clients.refs(ids).forEach(r -> result.put(r.id(), r));
        return result;
    }

    /**
     * Name and workspace link of a client for a notification to staff, sent in the background where nobody is signed
     * in. The recipient still has to be allowed to open the client when they follow the link.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("mail notifiers, after the change committed")
    public Optional<ClientRef> refForNotification(UUID clientId) {
        return clients.refs(List.of(clientId)).stream().findFirst();
    }

    /**
     * Asks the client's owner to let the current user in. The owner is told by e-mail once a day at most per person,
     * and never about someone who can open the client already.
     *
     * @throws NotFoundException when there is no such client
     */
    @Transactional
    public AccessRequestResult requestAccess(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity client = clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client"));
        if (level(user, clientId, client.getOwner()).atLeast(AccessLevel.VIEWER)) {
            return AccessRequestResult.HAS_ACCESS;
        }
        Instant now = clock.instant();
        int fresh = jdbc.update("""
                insert into access_request (client_id, requester, requested_at) values (?, ?, ?)
                on conflict (client_id, requester, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid))
                do update set requested_at = excluded.requested_at
                where access_request.requested_at < ?""", clientId, user.username(), Timestamp.from(now),
                Timestamp.from(now.minus(Duration.ofDays(1))));
        if (fresh == 0) {
            return AccessRequestResult.ALREADY_ASKED;
        }
        events.publishEvent(new AccessRequested(clientId, null, client.getName(),
                ClientNavigation.workspace(client.getKind(), clientId), client.getOwner(), user.username()));
        return AccessRequestResult.SENT;
    }

    /**
     * The client's tags, for triaging a request whose raiser the request module has checked already (a customer's
     * verified scope, or staff with access to the client). Not for screens: it asks nobody.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the request module's triage, for a raiser it checked")
    public List<String> tagsForTriage(UUID clientId) {
        return clients.findById(clientId).map(c -> c.getTags().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList())
                .orElse(List.of());
    }

    /** The customer record the signed-in portal user is bound to; empty when it no longer exists. */
    @Transactional(readOnly = true)
    public Optional<CustomerRecord> forCurrentCustomer() {
        CurrentUser user = currentUser.requireCustomer();
        return clients.findById(user.customerId()).map(c -> new CustomerRecord(c.getId(), c.getKind(), c.getName()));
    }

    /**
     * The company's contact people (its stakeholders) by name, archived ones last, each with their role and the
     * status of their portal contact where the company has one with the same e-mail address.
     *
     * @throws NoAccessException when the current user may not open the company
     */
    @Transactional(readOnly = true)
    public List<ContactPerson> contactPeople(UUID companyId) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity company = clients.findById(companyId).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, company);
        Map<String, String> portal = new HashMap<>();
        portalContacts.orderedStream().forEach(l -> portal.putAll(l.statusByEmail(companyId)));
        return clients.contactsOf(companyId).stream()
                .sorted(Comparator.comparing((ClientEntity c) -> c.getArchivedAt() != null))
                .map(c -> new ContactPerson(c.getId(), c.getName(), c.getJobTitle(), c.getEmail(),
                        c.getArchivedAt() != null,
                        c.getEmail() == null ? null : portal.get(c.getEmail().toLowerCase(Locale.ROOT))))
                .toList();
    }

    /**
     * What the company's page lists: its {@link #contactPeople} and, after them, its portal contacts who are no contact
     * person of it (issue 15 §3), those with a null id and no workspace of their own.
     *
     * @throws NoAccessException when the current user may not open the company
     */
    @Transactional(readOnly = true)
    public List<ContactPerson> companyContacts(UUID companyId) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity company = clients.findById(companyId).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, company);
        Map<String, String> portal = new HashMap<>();
        Map<String, String> portalNames = new java.util.LinkedHashMap<>();
        portalContacts.orderedStream().forEach(l -> {
            portal.putAll(l.statusByEmail(companyId));
            portalNames.putAll(l.nameByEmail(companyId));
        });
        List<ContactPerson> result = new java.util.ArrayList<>(clients.contactsOf(companyId).stream()
                .sorted(Comparator.comparing((ClientEntity c) -> c.getArchivedAt() != null))
                .map(c -> new ContactPerson(c.getId(), c.getName(), c.getJobTitle(), c.getEmail(),
                        c.getArchivedAt() != null,
                        c.getEmail() == null ? null : portal.get(c.getEmail().toLowerCase(Locale.ROOT))))
                .toList());
        result.stream().filter(p -> p.email() != null).forEach(p -> portalNames.remove(
                p.email().toLowerCase(Locale.ROOT)));
        portalNames.forEach((email, name) -> result.add(new ContactPerson(null, name, null, email, false,
                portal.get(email))));
        return result;
    }

    /** Companies a contact can be linked to, as far as the current user sees them. */
    @Transactional(readOnly = true)
    public List<ClientSummary> companies() {
        CurrentUser user = currentUser.requireStaff();
        return clients.companies(ownerScope(user), granted(user)).stream().map(this::summary).toList();
    }

    /**
     * Existing clients with the same name or e-mail as the draft. A look-alike the user may not open is still
     * reported, so that nobody creates a second record by accident, but only with what the user typed and whom to
     * ask: no id, no e-mail, and no name unless the name is what matched.
     */
    @Transactional(readOnly = true)
    public List<DuplicateHint> likelyDuplicates(ClientDraft draft, UUID excludeId) {
        CurrentUser user = currentUser.requireStaff();
        String name = clean(draft.getName());
        if (name == null) {
            return List.of();
        }
        String email = clean(draft.getEmail());
        UUID exclude = excludeId == null ? new UUID(0, 0) : excludeId;
        // two queries rather than ":email is null or ...": PostgreSQL cannot type a null parameter inside lower()
        var matches = email == null ? clients.sameName(name, exclude) : clients.sameNameOrEmail(name, email, exclude);
        return matches.stream()
                .map(c -> {
                    boolean sameName = c.getName().equalsIgnoreCase(name);
                    boolean sameEmail = email != null && email.equalsIgnoreCase(c.getEmail());
                    String owner = staff.displayName(c.getOwner());
                    if (user.seesAllClients() || user.username().equals(c.getOwner())) {
                        return new DuplicateHint(c.getId(), c.getKind(), c.getName(), c.getEmail(), owner, sameName,
                                sameEmail);
                    }
                    return new DuplicateHint(null, c.getKind(), sameName ? name : null, null, owner, sameName,
                            sameEmail);
                })
                .toList();
    }

    /**
     * Creates a client.
     *
     * @param duplicatesConfirmed the user has seen the duplicate warning and wants to save anyway
     * @throws InvalidInputException     when a field is wrong; nothing is saved
     * @throws DuplicateClientException  when it looks like an existing client and that was not confirmed
     */
    @Transactional
    public Client create(ClientDraft draft, boolean duplicatesConfirmed) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity company = validate(user, draft, null, null);
        if (!duplicatesConfirmed) {
            List<DuplicateHint> duplicates = likelyDuplicates(draft, null);
            if (!duplicates.isEmpty()) {
                throw new DuplicateClientException(duplicates);
            }
        }
        ClientEntity entity = new ClientEntity(UUID.randomUUID(), draft.getKind(), clock.instant());
        apply(draft, company, entity);
        clients.saveAndFlush(entity);
        events.publishEvent(new ClientCreated(entity.getId(), entity.getKind(), entity.getName(), user.username()));
        return toClient(entity);
    }

    /**
     * Saves changes to a client the current user may change.
     *
     * @throws StaleDataException when someone else saved it since the user opened it
     */
    @Transactional
    public Client update(UUID id, ClientDraft draft, boolean duplicatesConfirmed) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = clients.findById(id).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, entity, ClientAction.WORK);
        if (draft.getVersion() == null || draft.getVersion() != entity.getVersion()) {
            throw new StaleDataException("Client");
        }
        if (entity.getArchivedAt() != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("client", "client.error.archived")));
        }
        if (entity.getErasedAt() != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("client", "client.error.erased")));
        }
        if (draft.getKind() != entity.getKind()) {
            throw new InvalidInputException(List.of(FieldProblem.of("kind", "client.error.kind-fixed")));
        }
        // a member may keep a contact's link to a company they cannot open; they just cannot pick such a company
        UUID keptCompany = entity.getCompany() == null ? null : entity.getCompany().getId();
        ClientEntity company = validate(user, draft, keptCompany, entity.getOwner());
        // a record the user already kept despite a look-alike is not questioned again until its name or e-mail changes
        boolean identityChanged = !sameText(draft.getName(), entity.getName())
                || !sameText(draft.getEmail(), entity.getEmail());
        if (!duplicatesConfirmed && identityChanged) {
            List<DuplicateHint> duplicates = likelyDuplicates(draft, id);
            if (!duplicates.isEmpty()) {
                throw new DuplicateClientException(duplicates);
            }
        }
        apply(draft, company, entity);
        entity.setUpdatedAt(clock.instant());
        try {
            clients.saveAndFlush(entity);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Client");
        }
        return toClient(entity);
    }

    // ------------------------------------------------------------------------------------------------ archive

    /**
     * What archiving the client would do, module by module, for the dialog the user confirms.
     *
     * @throws NoAccessException when the current user may not open the client
     */
    @Transactional(readOnly = true)
    public ClientArchivePreview archivePreview(UUID clientId) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, entity, ClientAction.SHARE);
        List<ArchiveConsequence> consequences = new ArrayList<>();
        archiveParticipants.stream().sorted(Comparator.comparingInt(ClientArchiveParticipant::order))
                .forEach(p -> p.whenArchived(clientId).ifPresent(consequences::add));
        return new ClientArchivePreview(toClient(entity), consequences);
    }

    /**
     * Archives the client: it leaves the list, search and counters; its open deals are lost with {@code lostReason},
     * its open tasks cancelled and its portal access revoked, all in this transaction ({@link ClientArchived}).
     * Every record stays readable under "Archived".
     *
     * @param lostReason why the open deals are lost, in the user's language; at most 500 characters
     * @throws StaleDataException when the client changed since the user saw it (the preview may be out of date)
     * @throws NoAccessException  when the current user may not open the client
     */
    @Transactional
    public Client archive(UUID clientId, long seenVersion, String lostReason) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = lockSeen(user, clientId, seenVersion);
        if (entity.getArchivedAt() != null) {
            return toClient(entity);
        }
        String reason = clean(lostReason);
        if (reason == null || reason.length() > 500) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "client.error.archive-reason")));
        }
        entity.setArchived(user.username(), clock.instant());
        entity.setUpdatedAt(clock.instant());
        saveSeen(entity);
        events.publishEvent(new ClientArchived(clientId, entity.getKind(), entity.getName(), user.username(),
                reason));
        events.publishEvent(new ActivityRecorded(clientId, null, user.username(), "CLIENT_ARCHIVED", clientId,
                entity.getName(), null));
        return toClient(entity);
    }

    /**
     * Brings an archived client back to the lists. Deals lost, tasks cancelled and access revoked by archiving stay so.
     *
     * @throws StaleDataException when the client changed since the user saw it
     * @throws NoAccessException  when the current user may not open the client
     */
    @Transactional
    public Client unarchive(UUID clientId, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = lockSeen(user, clientId, seenVersion);
        if (entity.getArchivedAt() == null) {
            return toClient(entity);
        }
        entity.setArchived(null, null);
        entity.setUpdatedAt(clock.instant());
        saveSeen(entity);
        events.publishEvent(new ClientUnarchived(clientId, entity.getKind(), entity.getName(), user.username()));
        events.publishEvent(new ActivityRecorded(clientId, null, user.username(), "CLIENT_UNARCHIVED", clientId,
                entity.getName(), null));
        return toClient(entity);
    }

    // ------------------------------------------------------------------------------------------------ erasure

    /**
     * What erasing the contact person would blank, and what other modules will erase or keep.
     *
     * @throws NotFoundException when there is no such contact person
     * @throws NoAccessException when the current user may not open it
     */
    @Transactional(readOnly = true)
    public ContactErasurePreview erasurePreview(UUID contactId) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = clients.findById(contactId).filter(c -> c.getKind() == ClientKind.CONTACT)
                .orElseThrow(() -> new NotFoundException("Contact"));
        checkAccess(user, entity, ClientAction.SHARE);
        List<ArchiveConsequence> consequences = new ArrayList<>();
        erasureParticipants.orderedStream()
                .forEach(p -> p.whenErased(contactId, entity.getEmail()).ifPresent(consequences::add));
        return new ContactErasurePreview(toClient(entity), personalFields(entity), consequences);
    }

    /**
     * Erases a contact person on their request: the personal fields are blanked and the name replaced by
     * {@code placeholderName}; their portal identity is deleted and the timeline stops naming them
     * ({@link ContactErased}, in this transaction). Acceptance and proposal evidence is kept as the legal record.
     * Erasing twice changes nothing.
     *
     * @param placeholderName what to show instead of the name, in the user's language; at most 200 characters
     * @throws StaleDataException when the contact changed since the user saw the preview
     * @throws NoAccessException  when the current user may not open it
     */
    @Transactional
    public Client erase(UUID contactId, long seenVersion, String placeholderName) {
        CurrentUser user = currentUser.requireStaff();
        ClientEntity entity = lockSeen(user, contactId, seenVersion);
        if (entity.getKind() != ClientKind.CONTACT) {
            throw new NotFoundException("Contact");
        }
        if (entity.getErasedAt() != null) {
            return toClient(entity);
        }
        String placeholder = clean(placeholderName);
        if (placeholder == null || placeholder.length() > ClientRules.NAME_MAX) {
            throw new InvalidInputException(List.of(FieldProblem.of("name", "client.error.contact-name-required")));
        }
        String name = entity.getName();
        String email = entity.getEmail();
        entity.erase(placeholder, user.username(), clock.instant());
        saveSeen(entity);
        events.publishEvent(new ContactErased(contactId,
                entity.getCompany() == null ? null : entity.getCompany().getId(), name, email, user.username(),
                placeholder));
        events.publishEvent(new PersonalDataErased(contactId, contactId, name, placeholder));
        if (entity.getCompany() != null) {
            events.publishEvent(new PersonalDataErased(entity.getCompany().getId(), contactId, name, placeholder));
        }
        events.publishEvent(new ActivityRecorded(contactId, null, user.username(), "CONTACT_ERASED", contactId,
                placeholder, null));
        return toClient(entity);
    }

    /** The translation keys of the contact's fields that hold personal data now, in form order. */
    private static List<String> personalFields(ClientEntity c) {
        List<String> fields = new ArrayList<>();
        fields.add("client.contact-name");
        addIf(fields, c.getJobTitle(), "client.job-title");
        addIf(fields, c.getEmail(), "client.email");
        addIf(fields, c.getPhone(), "client.phone");
        addIf(fields, c.getStreet(), "client.street");
        addIf(fields, c.getPostalCode(), "client.postal-code");
        addIf(fields, c.getCity(), "client.city");
        addIf(fields, c.getCountry(), "client.country");
        addIf(fields, c.getWebsite(), "client.website");
        addIf(fields, c.getNotes(), "client.notes");
        if (!c.getTags().isEmpty()) {
            fields.add("client.tags");
        }
        return fields;
    }

    private static void addIf(List<String> fields, String value, String key) {
        if (value != null) {
            fields.add(key);
        }
    }

    /** The client under its row lock, checked for access and for the version the user saw. */
    private ClientEntity lockSeen(CurrentUser user, UUID clientId, long seenVersion) {
        // two colleagues archiving and unarchiving at once take turns (DD014)
        ClientEntity entity = clients.lockById(clientId).orElseThrow(() -> new NotFoundException("Client"));
        checkAccess(user, entity, ClientAction.SHARE);
        if (entity.getVersion() != seenVersion) {
            throw new StaleDataException("Client");
        }
        return entity;
    }

    private void saveSeen(ClientEntity entity) {
        try {
            clients.saveAndFlush(entity);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Client");
        }
    }

    private ClientEntity validate(CurrentUser user, ClientDraft draft, UUID keptCompany, String keptOwner) {
        List<FieldProblem> problems = new ArrayList<>(ClientRules.check(draft));
        String owner = clean(draft.getOwner());
        if (owner != null && staff.assignable().stream().noneMatch(m -> m.username().equals(owner))) {
            problems.add(FieldProblem.of("owner", "client.error.owner-unknown"));
        } else if (owner != null && !user.seesAllClients() && !owner.equals(user.username())
                && !owner.equals(keptOwner)) {
            // a member who hands a client to someone else would lose it at once
            problems.add(FieldProblem.of("owner", "client.error.owner-self-only"));
        }
        ClientEntity company = null;
        if (draft.getKind() == ClientKind.CONTACT && draft.getCompanyId() != null) {
            company = clients.findById(draft.getCompanyId())
                    .filter(c -> c.getKind() == ClientKind.COMPANY)
                    .filter(c -> user.seesAllClients() || user.username().equals(c.getOwner())
                            || c.getId().equals(keptCompany))
                    .orElse(null);
            if (company == null) {
                problems.add(FieldProblem.of("companyId", "client.error.company-unknown"));
            }
        }
        InvalidInputException.throwIfAny(problems);
        return company;
    }

    private static void apply(ClientDraft d, ClientEntity company, ClientEntity e) {
        e.setName(clean(d.getName()));
        e.setLegalName(clean(d.getLegalName()));
        e.setRegistrationNumber(clean(d.getRegistrationNumber()));
        e.setVatId(clean(d.getVatId()));
        e.setIndustry(clean(d.getIndustry()));
        e.setWebsite(ClientRules.normalizeWebsite(d.getWebsite()));
        e.setJobTitle(d.getKind() == ClientKind.CONTACT ? clean(d.getJobTitle()) : null);
        e.setCompany(company);
        e.setOwner(clean(d.getOwner()));
        String email = clean(d.getEmail());
        e.setEmail(email == null ? null : email.toLowerCase(Locale.ROOT));
        e.setPhone(clean(d.getPhone()));
        e.setStreet(clean(d.getStreet()));
        e.setPostalCode(clean(d.getPostalCode()));
        e.setCity(clean(d.getCity()));
        e.setCountry(clean(d.getCountry()));
        e.setNotes(clean(d.getNotes()));
        e.getTags().clear();
        e.getTags().addAll(ClientRules.normalizeTags(d.getTags()));
    }

    private void checkAccess(CurrentUser user, ClientEntity entity) {
        checkAccess(user, entity, ClientAction.READ);
    }

    private void checkAccess(CurrentUser user, ClientEntity entity, ClientAction action) {
        AccessLevel level = level(user, entity.getId(), entity.getOwner());
        if (!action.allowedAt(level)) {
            throw new NoAccessException(level == AccessLevel.NONE ? "Client belongs to " + entity.getOwner()
                    : action + " needs " + action.least() + " on the client",
                    staff.displayName(entity.getOwner()));
        }
    }

    private static boolean sameText(String typed, String stored) {
        String a = clean(typed);
        return a == null ? stored == null : a.equalsIgnoreCase(stored);
    }

    private static String ownerScope(CurrentUser user) {
        return user.seesAllClients() ? null : user.username();
    }

    private static String pattern(String text) {
        String t = clean(text);
        if (t == null) {
            return "";
        }
        String escaped = t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String sortProperty(SortField sort) {
        return switch (sort == null ? SortField.NAME : sort) {
            case NAME -> "name";
            case KIND -> "kind";
            case CITY -> "city";
            case OWNER -> "owner";
            case UPDATED -> "updatedAt";
        };
    }

    private ClientSummary summary(ClientEntity c) {
        return new ClientSummary(c.getId(), c.getKind(), c.getName(),
                c.getCompany() == null ? null : c.getCompany().getName(), staff.displayName(c.getOwner()),
                c.getEmail(), c.getPhone(), c.getCity(), c.getTags().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                c.getUpdatedAt());
    }

    private Client toClient(ClientEntity c) {
        ClientEntity company = c.getCompany();
        return new Client(c.getId(), c.getKind(), c.getName(), c.getLegalName(), c.getRegistrationNumber(),
                c.getVatId(), c.getIndustry(), c.getWebsite(), c.getJobTitle(),
                company == null ? null : company.getId(), company == null ? null : company.getName(),
                c.getOwner(), staff.displayName(c.getOwner()), c.getEmail(), c.getPhone(), c.getStreet(),
                c.getPostalCode(), c.getCity(), c.getCountry(),
                c.getTags().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), c.getNotes(),
                c.getCreatedAt(), c.getUpdatedAt(), c.getVersion(), c.getArchivedAt(),
                c.getArchivedBy() == null ? null : staff.displayName(c.getArchivedBy()), c.getErasedAt() != null);
    }

    /** Spring Data pages by page number; Vaadin's grid asks by offset. */
    private static final class OffsetPageRequest extends PageRequest {
        private final long offset;

        OffsetPageRequest(int offset, int size, Sort sort) {
            super(0, size, sort);
            this.offset = offset;
        }

        @Override
        public long getOffset() {
            return offset;
        }
    }

}
