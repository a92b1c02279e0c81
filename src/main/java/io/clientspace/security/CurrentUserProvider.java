package io.clientspace.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Reads the signed-in user from the security context. Services call this; views never decide access on their own. */
@Component
public class CurrentUserProvider {

    public static final String ROLE_PREFIX = "ROLE_";

    /** @throws AccessDeniedException when nobody is signed in */
    public CurrentUser require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("Not signed in");
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        if (auth.getPrincipal() instanceof OidcUser oidc) {
            String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
            String name = oidc.getFullName() != null && !oidc.getFullName().isBlank() ? oidc.getFullName() : username;
            String customer = oidc.getClaimAsString(KeycloakUserMapping.CUSTOMER_ID_CLAIM);
            UUID customerId = roles.contains(Roles.CUSTOMER) && customer != null ? UUID.fromString(customer) : null;
            return new CurrentUser(username, name, oidc.getEmail(), roles, customerId);
        }
        // Tests and background work may run with a plain authentication
        return new CurrentUser(auth.getName(), auth.getName(), null, roles, null);
    }

    /** The signed-in user's name for records of who did what; null when the system acts on its own (timers). */
    public static String usernameOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return null;
        }
        return auth.getPrincipal() instanceof OidcUser oidc && oidc.getPreferredUsername() != null
                ? oidc.getPreferredUsername() : auth.getName();
    }

    /** @throws AccessDeniedException unless the current user is staff */
    public CurrentUser requireStaff() {
        CurrentUser user = require();
        if (!user.isStaff()) {
            throw new AccessDeniedException("Staff only");
        }
        return user;
    }

    /** @throws AccessDeniedException unless the current user is a staff admin */
    public CurrentUser requireAdmin() {
        CurrentUser user = requireStaff();
        if (!user.has(Roles.ADMIN)) {
            throw new AccessDeniedException("Admins only");
        }
        return user;
    }

    /** @throws AccessDeniedException unless the current user is a customer bound to a customer record */
    public CurrentUser requireCustomer() {
        CurrentUser user = require();
        if (!user.isCustomer() || user.customerId() == null) {
            throw new AccessDeniedException("Customers only");
        }
        return user;
    }
}
