package io.clientspace.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Lets staff with the admin role into Cockpit, Tasklist and Admin with their Keycloak sign-in. Camunda's
 * webapps need the user to exist in the engine's identity service, so the first visit mirrors the Keycloak user
 * there (names and e-mail, an unusable random password) and puts them in {@value #CAMUNDA_ADMIN_GROUP}. Keycloak
 * stays the only place to sign in; see docs/decisions/DD003-camunda-webapp-sign-in.md.
 */
public class CamundaSingleSignOn extends ContainerBasedAuthenticationProvider {

    /** The group that Camunda's webapps treat as administrators. */
    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MIRRORED = CamundaSingleSignOn.class.getName() + ".mirrored";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        // Admins only: process owners are no longer engine admins (issue 18, DD003)
        boolean allowed = auth.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(CurrentUserProvider.ROLE_PREFIX + Roles.ADMIN));
        if (!allowed) {
            return AuthenticationResult.unsuccessful();
        }
        // Once per HTTP session: the webapps call this on every request
        var session = request.getSession();
        if (!auth.getName().equals(session.getAttribute(MIRRORED))) {
            mirror(engine.getIdentityService(), auth);
            session.setAttribute(MIRRORED, auth.getName());
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
        return result;
    }

    private static synchronized void mirror(IdentityService identity, Authentication auth) {
        String id = auth.getName();
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
            group.setName("Camunda administrators (from Keycloak role admin)");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
        }
        if (auth.getPrincipal() instanceof OidcUser oidc) {
            user.setFirstName(oidc.getGivenName());
            user.setLastName(oidc.getFamilyName());
            user.setEmail(oidc.getEmail());
        }
        identity.saveUser(user);
        if (identity.createUserQuery().userId(id).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
            identity.createMembership(id, CAMUNDA_ADMIN_GROUP);
        }
    }
}
