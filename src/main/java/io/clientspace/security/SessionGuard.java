package io.clientspace.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a sign-in in the app when it has ended for Keycloak or has lasted too long, and keeps a staff session's roles
 * in step with Keycloak (docs/decisions/DD017):
 * <ul>
 *   <li>Keycloak's back-channel logout call ({@link #backChannelLogout()}) ends the named sign-in on every node;</li>
 *   <li>a session ends {@link SessionProperties#absoluteLifetime()} after its sign-in;</li>
 *   <li>a staff session is re-read from Keycloak every {@link SessionProperties#recheckEvery()}: a disabled or
 *       deleted account ends the session, changed roles replace its authorities at once.</li>
 * </ul>
 * Each HTTP request checks its own session ({@link SessionGuardFilter}); the sweep checks every session of this
 * node, because Vaadin's push connection carries clicks and navigation past every HTTP filter. Ending a session
 * invalidates it: Vaadin closes its UIs, and the next request goes to the sign-in.
 */
@Component
class SessionGuard implements HttpSessionListener {

    static final String CHECKED_AT = SessionGuard.class.getName() + ".checkedAt";
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SessionGuard.class);

    enum Verdict { KEEP, ROLES_CHANGED, ENDED }

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final SessionProperties properties;
    private final StaffAccounts staffAccounts;
    private final EndedSignIns endedSignIns;
    private final Clock clock;

    SessionGuard(SessionProperties properties, StaffAccounts staffAccounts, EndedSignIns endedSignIns, Clock clock) {
        this.properties = properties;
        this.staffAccounts = staffAccounts;
        this.endedSignIns = endedSignIns;
        this.clock = clock;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    /** Checks one session, ending it or updating its roles as needed. */
    Verdict check(HttpSession session) {
        SecurityContext context;
        try {
            context = (SecurityContext) session.getAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        } catch (IllegalStateException alreadyInvalidated) {
            sessions.remove(session.getId());
            return Verdict.ENDED;
        }
        if (context == null || !(context.getAuthentication() instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            return Verdict.KEEP;
        }
        Instant now = clock.instant();
        Instant signedInAt = user.getIdToken().getIssuedAt();
        String issuer = user.getIdToken().getIssuer() == null ? "" : user.getIdToken().getIssuer().toString();
        String reason = null;
        if (signedInAt != null && !signedInAt.plus(properties.absoluteLifetime()).isAfter(now)) {
            reason = "its lifetime of " + properties.absoluteLifetime() + " is over";
        } else if (endedSignIns.ended(issuer, user.getSubject(), user.getClaimAsString("sid"),
                signedInAt == null ? now : signedInAt)) {
            reason = "Keycloak ended the sign-in";
        }
        Verdict verdict = Verdict.KEEP;
        if (reason == null && Roles.STAFF_REGISTRATION.equals(token.getAuthorizedClientRegistrationId())) {
            verdict = recheckStaff(session, context, token, user, now);
            if (verdict == Verdict.ENDED) {
                reason = "the account is disabled or gone in Keycloak";
            }
        }
        if (reason != null) {
            log.info("Ending the session of {}: {}", user.getPreferredUsername(), reason);
            end(session);
            return Verdict.ENDED;
        }
        return verdict;
    }

    private Verdict recheckStaff(HttpSession session, SecurityContext context, OAuth2AuthenticationToken token,
            OidcUser user, Instant now) {
        Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
        if (checkedAt == null) {
            // the sign-in itself was the check
            session.setAttribute(CHECKED_AT, now);
            return Verdict.KEEP;
        }
        if (checkedAt.plus(properties.recheckEvery()).isAfter(now)) {
            return Verdict.KEEP;
        }
        Optional<Set<String>> roles;
        try {
            roles = staffAccounts.activeRealmRoles(user.getPreferredUsername());
        } catch (RuntimeException keycloakDown) {
            // Signed-in users keep working while Keycloak is away; the check is tried again a little later, not on
            // every request (each would wait for Keycloak's timeout)
            log.warn("Cannot re-check {} against Keycloak: {}", user.getPreferredUsername(), keycloakDown.toString());
            session.setAttribute(CHECKED_AT, now.minus(properties.recheckEvery()).plus(RETRY_AFTER));
            return Verdict.KEEP;
        }
        session.setAttribute(CHECKED_AT, now);
        if (roles.isEmpty()) {
            return Verdict.ENDED;
        }
        Set<GrantedAuthority> fresh = KeycloakUserMapping.staffAuthorities(roles.get());
        if (names(fresh).equals(names(token.getAuthorities()))) {
            return Verdict.KEEP;
        }
        log.info("Roles of {} changed in Keycloak: {} -> {}", user.getPreferredUsername(),
                names(token.getAuthorities()), names(fresh));
        var updated = new OAuth2AuthenticationToken(
                new DefaultOidcUser(fresh, user.getIdToken(), user.getUserInfo(), "preferred_username"), fresh,
                token.getAuthorizedClientRegistrationId());
        context.setAuthentication(updated);
        // set again, so that a replicated or persisted session store sees the change
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return Verdict.ROLES_CHANGED;
    }

    private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private void end(HttpSession session) {
        sessions.remove(session.getId());
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // ended meanwhile by the user or another check
        }
    }

    /** Checks every session of this node. */
    @Scheduled(fixedDelayString = "${clientspace.sessions.sweep-every:PT30S}",
            initialDelayString = "${clientspace.sessions.sweep-every:PT30S}")
    void sweep() {
        try {
            endedSignIns.refresh();
        } catch (RuntimeException e) {
            log.warn("Cannot read ended sign-ins: {}", e.toString());
        }
        for (HttpSession session : sessions.values()) {
            try {
                check(session);
            } catch (RuntimeException e) {
                log.warn("Session check failed for one session: {}", e.toString());
            }
        }
    }

    /** Keycloak's back-channel logout: records the ended sign-in for every node and ends it here at once. */
    LogoutHandler backChannelLogout() {
        return (request, response, authentication) -> {
            OidcLogoutToken logoutToken = (OidcLogoutToken) authentication.getPrincipal();
            String issuer = logoutToken.getIssuer() == null ? "" : logoutToken.getIssuer().toString();
            endedSignIns.record(issuer, logoutToken.getSubject(), logoutToken.getSessionId());
            for (HttpSession session : sessions.values()) {
                check(session);
            }
        };
    }

    /** The number of open sessions on this node (for tests and the health page). */
    int openSessions() {
        return sessions.size();
    }
}
