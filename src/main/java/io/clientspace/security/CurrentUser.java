package io.clientspace.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking. Services scope every query by this.
 *
 * @param username   the Keycloak username (staff) or preferred username (customer); never null
 * @param displayName first and last name, falling back to the username; never null
 * @param email      may be null
 * @param roles      authority names from {@link Roles}, never null
 * @param customerId the customer record a portal user is bound to; null for staff
 */
public record CurrentUser(String username, String displayName, String email, Set<String> roles, UUID customerId) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return has(Roles.STAFF);
    }

    public boolean isCustomer() {
        return has(Roles.CUSTOMER);
    }

    /** Admins and managers see and change every client; members only their own. */
    public boolean seesAllClients() {
        return has(Roles.ADMIN) || has(Roles.MANAGER);
    }

    public Optional<UUID> customer() {
        return Optional.ofNullable(customerId);
    }
}
