package io.clientspace.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a Keycloak sign-in into authorities. The realm decides the kind of user: the staff realm's roles come from
 * the {@code roles} claim, and a customer must carry a {@code customer_id} claim bound to a customer record, or the
 * sign-in is refused.
 */
class KeycloakUserMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ROLES_CLAIM = "roles";
    static final String CUSTOMER_ID_CLAIM = "customer_id";

    private final OidcUserService delegate = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Set<GrantedAuthority> authorities = new HashSet<>();
        if (Roles.STAFF_REGISTRATION.equals(registration)) {
            authorities.addAll(staffAuthorities(user.getClaimAsStringList(ROLES_CLAIM)));
        } else if (Roles.CUSTOMER_REGISTRATION.equals(registration)) {
            authorities.add(authority(Roles.CUSTOMER));
            String customerId = user.getClaimAsString(CUSTOMER_ID_CLAIM);
            if (!isUuid(customerId)) {
                throw new OAuth2AuthenticationException(new OAuth2Error("no_customer_record",
                        "This account is not linked to a customer record", null));
            }
        } else {
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_realm"));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }

    static Set<GrantedAuthority> staffAuthorities(Collection<String> realmRoles) {
        Set<GrantedAuthority> result = new HashSet<>();
        result.add(authority(Roles.STAFF));
        for (String role : realmRoles == null ? List.<String>of() : realmRoles) {
            String mapped = Roles.fromRealmRole(role);
            if (mapped != null) {
                result.add(authority(mapped));
            }
        }
        return result;
    }

    private static GrantedAuthority authority(String role) {
        return new SimpleGrantedAuthority(CurrentUserProvider.ROLE_PREFIX + role);
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
