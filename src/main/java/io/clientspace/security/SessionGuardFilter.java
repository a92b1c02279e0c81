package io.clientspace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the request's own session before Spring Security reads it: a session that {@link SessionGuard} ends here
 * is gone by the time the security context is loaded, so the request is handled as anonymous and goes to the
 * sign-in, and changed roles count for this very request.
 */
class SessionGuardFilter extends OncePerRequestFilter {

    private final SessionGuard guard;

    SessionGuardFilter(SessionGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            guard.check(session);
        }
        chain.doFilter(request, response);
    }
}
