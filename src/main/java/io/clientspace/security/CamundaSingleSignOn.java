package io.clientspace.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets staff with admin or process-owner into Cockpit, Tasklist and Admin with their Keycloak sign-in: no separate
 * Camunda password exists. Everyone else is refused here as well as by the filter chain.
 */
public class CamundaSingleSignOn extends ContainerBasedAuthenticationProvider {

    /** The group that Camunda's webapps treat as administrators. */
    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        boolean allowed = auth.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(CurrentUserProvider.ROLE_PREFIX + Roles.ADMIN)
                        || a.getAuthority().equals(CurrentUserProvider.ROLE_PREFIX + Roles.PROCESS_OWNER));
        if (!allowed) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
        return result;
    }
}
