package io.clientspace.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs service calls as one of the demo staff users from keycloak/clientspace-staff-realm.json, the way a signed-in
 * user's request would.
 */
public final class Actors {

    private Actors() {
    }

    public static <T> T as(String username, Supplier<T> work, String... roles) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        String[] authorities = Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new);
        context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null,
                AuthorityUtils.createAuthorityList(authorities)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A portal user as the customers realm signs them in: an OIDC principal whose customer_id claim is given. */
    public static <T> T asCustomer(String username, UUID customerId, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var claims = new HashMap<String, Object>();
        claims.put("sub", username + "-id");
        claims.put("preferred_username", username);
        if (customerId != null) {
            claims.put("customer_id", customerId.toString());
        }
        var now = Instant.now();
        var token = new org.springframework.security.oauth2.core.oidc.OidcIdToken("token", now, now.plusSeconds(300),
                claims);
        var authorities = AuthorityUtils.createAuthorityList("ROLE_CUSTOMER");
        var principal = new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(authorities, token,
                "preferred_username");
        context.setAuthentication(new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
                principal, authorities, "customers"));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static <T> T asManager(Supplier<T> work) {
        return as("manager", work, "STAFF", "MANAGER");
    }

    public static <T> T asMember(Supplier<T> work) {
        return as("member", work, "STAFF", "MEMBER");
    }

    public static <T> T asOtherManager(Supplier<T> work) {
        return as("jonas", work, "STAFF", "MANAGER");
    }

    public static void asManager(Runnable work) {
        asManager(() -> {
            work.run();
            return null;
        });
    }

    public static void asMember(Runnable work) {
        asMember(() -> {
            work.run();
            return null;
        });
    }
}
