package io.clientspace.demo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Who the demo data acts as: it goes through the services, which ask who is signed in, so each step runs as the
 * person who would do it, and the previous sign-in (if any) comes back afterwards.
 */
final class DemoActors {

    private DemoActors() {
    }

    static <T> T admin(Supplier<T> work) {
        return staff("admin", work, "ROLE_STAFF", "ROLE_ADMIN", "ROLE_MANAGER");
    }

    static <T> T manager(Supplier<T> work) {
        return staff("manager", work, "ROLE_STAFF", "ROLE_MANAGER");
    }

    /** A customer as the customers realm signs them in: bound to {@code customerId} by its claim. */
    static <T> T customer(String username, String fullName, UUID customerId, Supplier<T> work) {
        Instant now = Instant.now();
        var token = new OidcIdToken("demo", now, now.plusSeconds(60), Map.of("sub", username, "preferred_username",
                username, "customer_id", customerId.toString(), "name", fullName));
        var authorities = AuthorityUtils.createAuthorityList("ROLE_CUSTOMER");
        var principal = new DefaultOidcUser(authorities, token, "preferred_username");
        return as(new OAuth2AuthenticationToken(principal, authorities, "customers"), work);
    }

    /**
     * Lena Hoffmann's steps, signed in as her (portal account {@code username} of client {@code clientId}), with her
     * portal scope as the portal would give it to her. A "view as client" only reads, so her answers go this way.
     */
    static <T> T lena(PortalAccessPolicy portalAccess, String username, UUID clientId,
                      Function<CustomerScope, T> steps) {
        return customer(username, "Lena Hoffmann", clientId, () -> steps.apply(portalAccess.current().orElseThrow()));
    }

    private static <T> T staff(String username, Supplier<T> work, String... roles) {
        return as(new UsernamePasswordAuthenticationToken(username, null, AuthorityUtils.createAuthorityList(roles)),
                work);
    }

    private static <T> T as(Authentication who, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
