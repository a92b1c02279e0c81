package io.clientspace.people;

import io.clientspace.client.ClientService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffAccountAdmin;
import io.clientspace.security.StaffAccountAdmin.Account;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Colleagues managed in the app (admins only, {@code /admin/people}): invite with roles and Keycloak's set-password
 * mail, change roles, and deactivate with a previewed handover of their clients, deals, requests and tasks to a
 * successor. Everything goes on the colleague audit. See docs/decisions/DD029.
 */
@Service
public class ColleagueService {

    /** How long the invitation's set-password link works. */
    public static final Duration INVITATION_VALID = Duration.ofDays(3);
    static final int NAME_MAX = 100;
    /** What the colleague audit records. */
    public static final List<String> AUDIT_ACTIONS = List.of("INVITED", "ROLES_CHANGED", "DEACTIVATED");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One colleague as the admin page lists them. */
    public record Colleague(String username, String displayName, String email, boolean active, Set<String> roles,
            Instant createdAt) {
    }

    /** What an invitation needs. */
    public record Invitation(String username, String firstName, String lastName, String email, Set<String> roles,
            Locale locale) {
    }

    /** What deactivating a colleague would move to the successor, and whether it can. */
    public record HandoverPreview(String colleague, String successor, List<HandoverLine> lines) {

        public boolean blocked() {
            return lines.stream().anyMatch(l -> l.outcome() == HandoverLine.Outcome.BLOCKED);
        }
    }

    /**
     * One line of the colleague audit. {@code details} are the action's facts: INVITED roles and e-mail,
     * ROLES_CHANGED the roles before and after (role codes joined by commas), DEACTIVATED the successor and how many
     * items moved.
     */
    public record AuditLine(Instant at, String actor, String colleague, String action, List<String> details) {
    }

    private final StaffAccountAdmin accounts;
    private final CurrentUserProvider currentUser;
    private final ClientService clients;
    private final List<HandoverParticipant> participants;
    private final JdbcTemplate jdbc;
    private final ClientspaceProperties app;
    private final Clock clock;

    ColleagueService(StaffAccountAdmin accounts, CurrentUserProvider currentUser, ClientService clients,
            List<HandoverParticipant> participants, JdbcTemplate jdbc, ClientspaceProperties app, Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clients = clients;
        this.participants = participants.stream().sorted(Comparator.comparingInt(HandoverParticipant::order))
                .toList();
        this.jdbc = jdbc;
        this.app = app;
        this.clock = clock;
    }

    /** Every colleague, active ones first, then by name. */
    public List<Colleague> all() {
        currentUser.requireAdmin();
        return accounts.all().stream().map(ColleagueService::colleague)
                .sorted(Comparator.comparing((Colleague c) -> !c.active())).toList();
    }

    /**
     * Creates the colleague's account with the roles and has Keycloak mail them a link to set their password, valid
     * for {@link #INVITATION_VALID}.
     *
     * @throws InvalidInputException for a bad or taken username or e-mail, missing names or no role
     */
    @Transactional
    public Colleague invite(Invitation invitation) {
        CurrentUser admin = currentUser.requireAdmin();
        String username = invitation.username() == null ? "" : invitation.username().trim().toLowerCase(Locale.ROOT);
        String email = invitation.email() == null ? "" : invitation.email().trim();
        String first = invitation.firstName() == null ? "" : invitation.firstName().trim();
        String last = invitation.lastName() == null ? "" : invitation.lastName().trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", "colleagues.error.username"));
        } else if (accounts.find(username).isPresent()) {
            problems.add(FieldProblem.of("username", "colleagues.error.username-taken", username));
        }
        if (first.isEmpty()) {
            problems.add(FieldProblem.of("firstName", "colleagues.error.first-name"));
        } else if (first.length() > NAME_MAX) {
            problems.add(FieldProblem.of("firstName", "validation.too-long", NAME_MAX));
        }
        if (last.isEmpty()) {
            problems.add(FieldProblem.of("lastName", "colleagues.error.last-name"));
        } else if (last.length() > NAME_MAX) {
            problems.add(FieldProblem.of("lastName", "validation.too-long", NAME_MAX));
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("email", "colleagues.error.email"));
        } else if (accounts.emailTaken(email)) {
            problems.add(FieldProblem.of("email", "colleagues.error.email-taken", email));
        }
        problems.addAll(roleProblems(invitation.roles()));
        InvalidInputException.throwIfAny(problems);
        Locale locale = invitation.locale() == null ? Locale.ENGLISH : invitation.locale();
        Account account;
        try {
            account = accounts.invite(username, first, last, email, invitation.roles(), locale, INVITATION_VALID,
                    app.baseUrl() + "/");
        } catch (StaffAccountAdmin.AccountExistsException raced) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "colleagues.error.username-taken",
                    username)));
        }
        audit(admin, username, "INVITED", String.join(",", ordered(invitation.roles())) + "|" + email);
        return colleague(account);
    }

    /**
     * Sets the colleague's roles.
     *
     * @throws InvalidInputException with no role, or when it would take the admin role from the last admin or from
     *                               oneself
     */
    @Transactional
    public Colleague changeRoles(String username, Set<String> roles) {
        CurrentUser admin = currentUser.requireAdmin();
        Account account = accounts.find(username).orElseThrow(() -> new NotFoundException("Colleague"));
        if (!account.enabled()) {
            // the page disables Roles for a deactivated colleague; the server says the same
            throw problem("roles", "colleagues.error.already-inactive", account.displayName());
        }
        List<FieldProblem> problems = new ArrayList<>(roleProblems(roles));
        if (account.roles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            if (username.equals(admin.username())) {
                problems.add(FieldProblem.of("roles", "colleagues.error.own-admin"));
            } else if (activeAdmins() <= 1) {
                problems.add(FieldProblem.of("roles", "colleagues.error.last-admin"));
            }
        }
        InvalidInputException.throwIfAny(problems);
        if (account.roles().equals(roles)) {
            return colleague(account);
        }
        accounts.setRoles(username, roles);
        audit(admin, username, "ROLES_CHANGED", String.join(",", ordered(account.roles())) + "|"
                + String.join(",", ordered(roles)));
        return colleague(accounts.find(username).orElseThrow());
    }

    /** What deactivating {@code username} would move to {@code successor} (null: nobody); nothing changes. */
    @Transactional(readOnly = true)
    public HandoverPreview previewDeactivation(String username, String successor) {
        currentUser.requireAdmin();
        accounts.find(username).orElseThrow(() -> new NotFoundException("Colleague"));
        if (successor == null) {
            return new HandoverPreview(username, null, List.of());
        }
        Handover handover = new Handover(username, successor, clients.allOwnedBy(username));
        List<HandoverLine> lines = new ArrayList<>();
        participants.forEach(p -> lines.addAll(p.preview(handover)));
        return new HandoverPreview(username, successor, List.copyOf(lines));
    }

    /**
     * Hands the colleague's work to the successor and deactivates them, in one transaction that ends with Keycloak
     * disabling the account and ending its sessions: if Keycloak refuses, nothing moved.
     *
     * @param successor who takes over; may be null only when the colleague has nothing to hand over
     * @throws InvalidInputException for oneself, the last admin, a successor who is not an active colleague who can
     *                               own work, or anything the successor cannot open
     */
    @Transactional
    public HandoverPreview deactivate(String username, String successor) {
        CurrentUser admin = currentUser.requireAdmin();
        Account account = accounts.find(username).orElseThrow(() -> new NotFoundException("Colleague"));
        if (username.equals(admin.username())) {
            throw problem("colleague", "colleagues.error.self");
        }
        if (!account.enabled()) {
            throw problem("colleague", "colleagues.error.already-inactive", account.displayName());
        }
        if (account.roles().contains(Roles.ADMIN) && activeAdmins() <= 1) {
            throw problem("colleague", "colleagues.error.last-admin");
        }
        if (successor != null) {
            Account to = accounts.find(successor).orElse(null);
            if (to == null || !to.enabled() || successor.equals(username) || to.roles().stream().noneMatch(
                    r -> r.equals(Roles.ADMIN) || r.equals(Roles.MANAGER) || r.equals(Roles.MEMBER))) {
                throw problem("successor", "colleagues.error.successor");
            }
        }
        Handover handover = new Handover(username, successor == null ? username : successor,
                clients.allOwnedBy(username));
        List<HandoverLine> lines = new ArrayList<>();
        participants.forEach(p -> lines.addAll(p.preview(handover)));
        if (successor == null && !lines.isEmpty()) {
            throw problem("successor", "colleagues.error.successor-needed", lines.size());
        }
        HandoverPreview preview = new HandoverPreview(username, successor, List.copyOf(lines));
        if (preview.blocked()) {
            HandoverLine first = lines.stream().filter(l -> l.outcome() == HandoverLine.Outcome.BLOCKED).findFirst()
                    .orElseThrow();
            throw problem("successor", "colleagues.error.successor-cannot-open", first.title());
        }
        if (successor != null) {
            participants.forEach(p -> p.handOver(handover));
        }
        audit(admin, username, "DEACTIVATED", (successor == null ? "" : successor) + "|" + lines.size());
        // last: Keycloak's refusal rolls back the handover
        accounts.deactivate(username);
        return preview;
    }

    /** The newest {@code limit} lines of the colleague audit. */
    @Transactional(readOnly = true)
    public List<AuditLine> audit(int limit) {
        currentUser.requireAdmin();
        return jdbc.query("select at, actor, colleague, action, detail from colleague_audit order by at desc, id desc"
                        + " limit ?", (rs, i) -> new AuditLine(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5) == null ? List.of()
                        : List.of(rs.getString(5).split("\\|", -1))), limit);
    }

    private long activeAdmins() {
        return accounts.all().stream().filter(a -> a.enabled() && a.roles().contains(Roles.ADMIN)).count();
    }

    private static List<FieldProblem> roleProblems(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return List.of(FieldProblem.of("roles", "colleagues.error.no-role"));
        }
        if (!StaffAccountAdmin.ROLES.containsAll(roles)) {
            return List.of(FieldProblem.of("roles", "colleagues.error.no-role"));
        }
        return List.of();
    }

    private static List<String> ordered(Set<String> roles) {
        return StaffAccountAdmin.ROLES.stream().filter(roles::contains).toList();
    }

    private void audit(CurrentUser admin, String colleague, String action, String detail) {
        jdbc.update("insert into colleague_audit (at, actor, colleague, action, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), admin.username(), colleague, action, detail);
    }


    private static InvalidInputException problem(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, key, args)));
    }

    private static Colleague colleague(Account a) {
        return new Colleague(a.username(), a.displayName(), a.email(), a.enabled(),
                new LinkedHashSet<>(ordered(a.roles())), a.createdAt());
    }
}
