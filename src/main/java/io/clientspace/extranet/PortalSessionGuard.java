package io.clientspace.extranet;

import java.util.Optional;
import io.clientspace.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps portal sessions honest. Every request of a signed-in customer asks whether their contact is still active
 * for the customer record the session was opened for; once it is revoked (or moved), the session ends on the very
 * next request, whatever Keycloak's tokens still say. The first request of each signed-in session also notes the
 * sign-in, which completes a waiting invitation.
 */
@Configuration
class PortalSessionGuard {

    private final ExternalAccessService access;

    PortalSessionGuard(ExternalAccessService access) {
        this.access = access;
    }

    /** Set on a portal session once its sign-in is noted; a new sign-in starts a new session. */
    static final String SIGN_IN_NOTED = PortalSessionGuard.class.getName() + ".signInNoted";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portalSessionGuardFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var customer = customer(SecurityContextHolder.getContext().getAuthentication());
                var current = request.getSession(false);
                if (customer.isPresent() && current != null && current.getAttribute(SIGN_IN_NOTED) == null) {
                    // the first request of a signed-in session: note the sign-in, which completes an invitation
                    access.recordSignIn(customer.get().username());
                    current.setAttribute(SIGN_IN_NOTED, Boolean.TRUE);
                }
                if (customer.isPresent() && !access.mayUsePortal(customer.get().username(), customer.get().id())) {
                    var session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                    // a page outside /portal, so that an identity Keycloak still signs in is not sent round in circles
                    response.sendRedirect(request.getContextPath() + "/access-ended");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        // after Spring Security's chain (order -100), which has restored the signed-in user by then
        registration.setOrder(100);
        return registration;
    }

    record Customer(String username, UUID id) {
    }

    static Optional<Customer> customer(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken token
                && Roles.CUSTOMER_REGISTRATION.equals(token.getAuthorizedClientRegistrationId())
                && token.getPrincipal() instanceof OidcUser oidc) {
            String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
            Object claim = oidc.getClaims().get("customer_id");
            UUID id = null;
            try {
                id = claim == null ? null : UUID.fromString(claim.toString());
            } catch (IllegalArgumentException e) {
                // a malformed binding is no binding
            }
            return Optional.of(new Customer(username, id));
        }
        return Optional.empty();
    }
}
