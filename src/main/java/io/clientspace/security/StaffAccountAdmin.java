package io.clientspace.security;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The staff realm's accounts as an admin manages them: list (enabled or not), invite, change roles, deactivate. Goes
 * through the app's admin API client, whose service account holds {@code manage-users} for this; the people module
 * decides who may call it.
 */
@Component
public class StaffAccountAdmin {

    /** The staff roles an admin hands out, by their Spring authority name. */
    public static final List<String> ROLES = List.of(Roles.ADMIN, Roles.MANAGER, Roles.MEMBER, Roles.PROCESS_OWNER);

    /** One staff account as Keycloak keeps it. */
    public record Account(String id, String username, String firstName, String lastName, String email,
            boolean enabled, Set<String> roles, Instant createdAt) {

        public String displayName() {
            String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return full.isEmpty() ? username : full;
        }
    }

    /** Keycloak already has an account with this username or e-mail. */
    public static class AccountExistsException extends RuntimeException {
        public AccountExistsException(String what) {
            super(what + " exists in the staff realm");
        }
    }

    private final Keycloak staffAdmin;
    private final KeycloakProperties keycloak;
    private final StaffDirectory directory;
    private final EndedSignIns endedSignIns;

    StaffAccountAdmin(@Qualifier("staffAdmin") Keycloak staffAdmin, KeycloakProperties keycloak,
            StaffDirectory directory, EndedSignIns endedSignIns) {
        this.staffAdmin = staffAdmin;
        this.keycloak = keycloak;
        this.directory = directory;
        this.endedSignIns = endedSignIns;
    }

    /** Every account of the staff realm with at least one staff role, or none and disabled, sorted by name. */
    public List<Account> all() {
        RealmResource realm = realm();
        Map<String, Set<String>> rolesByUser = new HashMap<>();
        for (String role : ROLES) {
            for (UserRepresentation u : realm.roles().get(realmRole(role)).getUserMembers(0, 10_000)) {
                rolesByUser.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(role);
            }
        }
        return realm.users().list(0, 10_000).stream()
                .filter(u -> !u.getUsername().startsWith("service-account-"))
                .map(u -> account(u, rolesByUser.getOrDefault(u.getId(), Set.of())))
                .sorted(Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public Optional<Account> find(String username) {
        return user(username).map(u -> account(u, directRoles(u.getId())));
    }

    /** Whether an account already uses this e-mail address (case-insensitive). */
    public boolean emailTaken(String email) {
        return realm().users().searchByEmail(email, true).stream()
                .anyMatch(u -> email.equalsIgnoreCase(u.getEmail()));
    }

    /**
     * Creates an enabled account with the roles, and has Keycloak mail a link to set a password (valid for
     * {@code validFor}) that leads to the app afterwards.
     *
     * @throws AccountExistsException when the username or e-mail is taken
     */
    public Account invite(String username, String firstName, String lastName, String email, Set<String> roles,
            Locale locale, Duration validFor, String appUrl) {
        if (user(username).isPresent()) {
            throw new AccountExistsException("username " + username);
        }
        if (emailTaken(email)) {
            throw new AccountExistsException("e-mail " + email);
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.singleAttribute("locale", locale.getLanguage());
        String id;
        try (Response response = realm().users().create(user)) {
            if (response.getStatus() == 409) {
                throw new AccountExistsException("username " + username);
            }
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the new staff account: HTTP " + response.getStatus());
            }
            id = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            realm().users().get(id).roles().realmLevel().add(roles.stream().map(this::roleRepresentation).toList());
            realm().users().get(id).executeActionsEmail(keycloak.staffClientId(), appUrl,
                    (int) Math.min(Integer.MAX_VALUE, validFor.toSeconds()), List.of("UPDATE_PASSWORD"));
        } catch (RuntimeException e) {
            // no half-made colleague: an account without its roles or its mail is removed again
            realm().users().delete(id).close();
            throw e;
        }
        directory.refresh();
        return find(username).orElseThrow();
    }

    /** Sets the account's staff roles to exactly {@code roles} (other realm roles stay). */
    public void setRoles(String username, Set<String> roles) {
        UserRepresentation u = user(username).orElseThrow(() -> new IllegalArgumentException(username));
        var realmRoles = realm().users().get(u.getId()).roles().realmLevel();
        Set<String> now = directRoles(u.getId());
        List<RoleRepresentation> remove = now.stream().filter(r -> !roles.contains(r)).map(this::roleRepresentation)
                .toList();
        List<RoleRepresentation> add = roles.stream().filter(r -> !now.contains(r)).map(this::roleRepresentation)
                .toList();
        if (!remove.isEmpty()) {
            realmRoles.remove(remove);
        }
        if (!add.isEmpty()) {
            realmRoles.add(add);
        }
        directory.refresh();
    }

    /**
     * Disables the account, ends its Keycloak sessions, and records the end for the app's own sessions on every node:
     * the person's open browser is signed out on its next request.
     */
    public void deactivate(String username) {
        UserRepresentation u = user(username).orElseThrow(() -> new IllegalArgumentException(username));
        UserResource resource = realm().users().get(u.getId());
        UserRepresentation update = resource.toRepresentation();
        update.setEnabled(false);
        resource.update(update);
        resource.logout();
        // the issuer the browser's tokens carry; the server-side address too where the two differ
        endedSignIns.record(keycloak.publicRealmUrl(keycloak.staffRealm()), u.getId(), null);
        if (!keycloak.publicRealmUrl(keycloak.staffRealm()).equals(keycloak.realmUrl(keycloak.staffRealm()))) {
            endedSignIns.record(keycloak.realmUrl(keycloak.staffRealm()), u.getId(), null);
        }
        directory.refresh();
    }

    private Optional<UserRepresentation> user(String username) {
        return realm().users().searchByUsername(username, true).stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername())).findFirst();
    }

    private Set<String> directRoles(String userId) {
        return realm().users().get(userId).roles().realmLevel().listAll().stream()
                .map(r -> Roles.fromRealmRole(r.getName())).filter(r -> r != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Account account(UserRepresentation u, Set<String> roles) {
        List<String> sorted = new ArrayList<>(roles);
        sorted.sort(Comparator.comparing(ROLES::indexOf));
        return new Account(u.getId(), u.getUsername(), u.getFirstName(), u.getLastName(), u.getEmail(),
                Boolean.TRUE.equals(u.isEnabled()), new java.util.LinkedHashSet<>(sorted),
                u.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(u.getCreatedTimestamp()));
    }

    private RoleRepresentation roleRepresentation(String role) {
        return realm().roles().get(realmRole(role)).toRepresentation();
    }

    private static String realmRole(String role) {
        return switch (role) {
            case Roles.ADMIN -> "admin";
            case Roles.MANAGER -> "manager";
            case Roles.MEMBER -> "member";
            case Roles.PROCESS_OWNER -> "process-owner";
            default -> throw new IllegalArgumentException("not a staff role: " + role);
        };
    }

    private RealmResource realm() {
        return staffAdmin.realm(keycloak.staffRealm());
    }
}
