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
 * Lets staff with the admin role into Cockpit, Tasklist and Admin, and process owners into Cockpit, with their
 * Keycloak sign-in. Camunda's webapps need the user to exist in the engine's identity service, so the first visit
 * mirrors the Keycloak user there (names and e-mail, an unusable random password) and puts them in
 * {@value #CAMUNDA_ADMIN_GROUP} or {@value #PROCESS_OWNERS_GROUP}. Keycloak
 * stays the only place to sign in; see docs/decisions/DD003-camunda-webapp-sign-in.md.
 */
public class CamundaSingleSignOn extends ContainerBasedAuthenticationProvider {

    /** The group that Camunda's webapps treat as administrators. */
    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    /**
     * Process owners in Cockpit: read models and instances, retry failed jobs (see {@link EngineHardening}). Letters
     * only: the engine accepts group ids of {@code [a-zA-Z0-9]+} (and {@code camunda-admin}).
     */
    static final String PROCESS_OWNERS_GROUP = "processowners";
    /** The engine's own admin, which no one signs in as: see {@link #ensureAdminGroupHasAMember}. */
    static final String SYSTEM_USER = "clientspacesystem";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MIRRORED = CamundaSingleSignOn.class.getName() + ".mirrored";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        // Admins are Camunda admins; process owners get Cockpit within their grants (issue 12, DD003)
        String group = hasRole(auth, Roles.ADMIN) ? CAMUNDA_ADMIN_GROUP
                : hasRole(auth, Roles.PROCESS_OWNER) ? PROCESS_OWNERS_GROUP : null;
        if (group == null) {
            return AuthenticationResult.unsuccessful();
        }
        // Once per HTTP session: the webapps call this on every request
        var session = request.getSession();
        if (!(auth.getName() + "/" + group).equals(session.getAttribute(MIRRORED))) {
            mirror(engine.getIdentityService(), auth, group);
            session.setAttribute(MIRRORED, auth.getName() + "/" + group);
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        result.setGroups(List.of(group));
        return result;
    }

    private static boolean hasRole(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(CurrentUserProvider.ROLE_PREFIX + role));
    }

    /**
     * Mirrors the Keycloak user into the engine's identity service, as a member of {@code group} only: a colleague
     * who lost the admin role in Keycloak leaves the Camunda admin group on their next visit.
     */
    private static synchronized void mirror(IdentityService identity, Authentication auth, String group) {
        String id = auth.getName();
        ensureGroup(identity, CAMUNDA_ADMIN_GROUP, "Camunda administrators (from Keycloak role admin)");
        ensureGroup(identity, PROCESS_OWNERS_GROUP, "Process owners (from Keycloak role process-owner)");
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
        for (String other : List.of(CAMUNDA_ADMIN_GROUP, PROCESS_OWNERS_GROUP)) {
            boolean member = identity.createUserQuery().userId(id).memberOfGroup(other).count() > 0;
            if (other.equals(group) && !member) {
                identity.createMembership(id, other);
            } else if (!other.equals(group) && member) {
                identity.deleteMembership(id, other);
            }
        }
    }

    /**
     * Until {@value #CAMUNDA_ADMIN_GROUP} has a member, Camunda's webapps send every visitor to their "create the
     * first admin" page, so a process owner who opened Cockpit before any admin had would land there. A system user
     * whose password nobody knows (it is random and never stored elsewhere; the webapps sign in through Keycloak
     * only) stands as that member.
     */
    static synchronized void ensureAdminGroupHasAMember(IdentityService identity) {
        ensureGroup(identity, CAMUNDA_ADMIN_GROUP, "Camunda administrators (from Keycloak role admin)");
        if (identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN_GROUP).count() > 0) {
            return;
        }
        if (identity.createUserQuery().userId(SYSTEM_USER).count() == 0) {
            User system = identity.newUser(SYSTEM_USER);
            system.setFirstName("Clientspace");
            system.setLastName("System");
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            system.setPassword(Base64.getEncoder().encodeToString(secret));
            identity.saveUser(system);
        }
        identity.createMembership(SYSTEM_USER, CAMUNDA_ADMIN_GROUP);
    }

    private static void ensureGroup(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }
}
