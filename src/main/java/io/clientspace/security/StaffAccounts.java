package io.clientspace.security;

import java.util.Optional;
import java.util.Set;

/** A staff account as Keycloak knows it now, for re-checking open sessions. */
interface StaffAccounts {

    /**
     * The account's effective realm roles (through groups and composites too).
     *
     * @return empty when the account is disabled or no longer exists
     * @throws RuntimeException when Keycloak cannot be asked; callers keep the session as it is
     */
    Optional<Set<String>> activeRealmRoles(String username);
}
