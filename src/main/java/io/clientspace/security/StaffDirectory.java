package io.clientspace.security;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The staff users in Keycloak's staff realm, read with the app's service account. Owners of clients and deals are
 * picked from here. Kept for a minute so that lists and forms do not call Keycloak for every row.
 */
@Service
public class StaffDirectory {

    private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);
    private static final Duration TTL = Duration.ofMinutes(1);
    /** After a failed load, callers get the last list (or the error) without asking Keycloak again for this long. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(15);
    private static final List<String> REALM_ROLES = List.of("admin", "manager", "member", "process-owner");

    private final Keycloak staffAdmin;
    private final KeycloakProperties keycloak;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Failure failure;

    @Autowired
    StaffDirectory(@Qualifier("staffAdmin") Keycloak staffAdmin, KeycloakProperties keycloak) {
        this(staffAdmin, keycloak, Clock.systemUTC());
    }

    StaffDirectory(Keycloak staffAdmin, KeycloakProperties keycloak, Clock clock) {
        this.staffAdmin = staffAdmin;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    /** Every enabled staff user with at least one staff role, sorted by name. */
    public List<StaffMember> all() {
        return current().members();
    }

    /** Staff who can own clients and deals: admins, managers and members. */
    public List<StaffMember> assignable() {
        return all().stream().filter(m -> m.roles().contains(Roles.ADMIN) || m.roles().contains(Roles.MANAGER)
                || m.roles().contains(Roles.MEMBER)).toList();
    }

    /**
     * The language the person chose in Keycloak (user attribute {@code locale}), for e-mails sent while they are not
     * signed in; empty when they never chose one.
     */
    public Optional<Locale> localeOf(String username) {
        return Optional.ofNullable(current().locales().get(username)).map(Locale::forLanguageTag);
    }

    public Optional<StaffMember> find(String username) {
        return all().stream().filter(m -> m.username().equals(username)).findFirst();
    }

    /** The person's name for display; the username itself when the directory does not know them. */
    public String displayName(String username) {
        if (username == null) {
            return "";
        }
        return find(username).map(StaffMember::displayName).orElse(username);
    }

    /** Forgets the kept list: the next call reads Keycloak again (after an admin changed a colleague). */
    public void refresh() {
        synchronized (this) {
            snapshot = null;
            failure = null;
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && !s.loadedAt().plus(TTL).isBefore(now)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && !s.loadedAt().plus(TTL).isBefore(now)) {
                return s;
            }
            Failure f = failure;
            if (f != null && f.at().plus(RETRY_AFTER).isAfter(now)) {
                // Keycloak failed a moment ago: do not make every caller wait for it again
                if (s == null) {
                    throw f.error();
                }
                return s;
            }
            try {
                s = load(now);
                snapshot = s;
                failure = null;
            } catch (RuntimeException e) {
                failure = new Failure(e, now);
                if (s == null) {
                    throw e;
                }
                log.warn("Keycloak staff directory unavailable, keeping the last list: {}", e.getMessage());
            }
            return s;
        }
    }

    private Snapshot load(Instant now) {
        RealmResource realm = staffAdmin.realm(keycloak.staffRealm());
        Map<String, Set<String>> rolesByUser = new HashMap<>();
        for (String role : REALM_ROLES) {
            var roleResource = realm.roles().get(role);
            for (UserRepresentation u : roleResource.getUserMembers(0, 10_000)) {
                rolesByUser.computeIfAbsent(u.getUsername(), k -> new HashSet<>()).add(Roles.fromRealmRole(role));
            }
            // A role may also come through a group (a "Managers" group that carries the manager role)
            for (var group : roleResource.getRoleGroupMembers(0, 1_000)) {
                for (UserRepresentation u : realm.groups().group(group.getId()).members(0, 10_000)) {
                    rolesByUser.computeIfAbsent(u.getUsername(), k -> new HashSet<>()).add(Roles.fromRealmRole(role));
                }
            }
        }
        List<UserRepresentation> users = realm.users().list(0, 10_000).stream()
                .filter(u -> Boolean.TRUE.equals(u.isEnabled()) && rolesByUser.containsKey(u.getUsername()))
                .toList();
        Map<String, String> locales = new HashMap<>();
        for (UserRepresentation u : users) {
            if (u.getAttributes() != null && u.getAttributes().get("locale") != null
                    && !u.getAttributes().get("locale").isEmpty()) {
                locales.put(u.getUsername(), u.getAttributes().get("locale").get(0));
            }
        }
        return new Snapshot(users.stream()
                .map(u -> new StaffMember(u.getUsername(), name(u), u.getEmail(), Set.copyOf(rolesByUser.get(u.getUsername()))))
                .sorted(Comparator.comparing(StaffMember::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList(), locales, now);
    }

    private static String name(UserRepresentation u) {
        String first = u.getFirstName() == null ? "" : u.getFirstName();
        String last = u.getLastName() == null ? "" : u.getLastName();
        String full = (first + " " + last).trim();
        return full.isEmpty() ? u.getUsername() : full;
    }

    private record Snapshot(List<StaffMember> members, Map<String, String> locales, Instant loadedAt) {
    }

    private record Failure(RuntimeException error, Instant at) {
    }
}
