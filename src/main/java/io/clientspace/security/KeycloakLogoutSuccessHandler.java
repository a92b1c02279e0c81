package io.clientspace.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out ends the Keycloak session too: after the local session is gone, the browser goes to the realm's
 * end-session endpoint with the ID token as hint, and Keycloak sends it back to the page the user came from.
 * (Spring's OIDC handler needs discovery metadata, which we skip on purpose; see application.yml.)
 */
class KeycloakLogoutSuccessHandler implements LogoutSuccessHandler {

    private final KeycloakProperties keycloak;

    KeycloakLogoutSuccessHandler(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String appRoot = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath()).replaceQuery(null).build().toUriString();
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser oidc) {
            boolean customer = Roles.CUSTOMER_REGISTRATION.equals(token.getAuthorizedClientRegistrationId());
            String realm = customer ? keycloak.customerRealm() : keycloak.staffRealm();
            String back = customer ? appRoot + "/portal" : appRoot + "/";
            String url = UriComponentsBuilder.fromUriString(keycloak.publicRealmUrl(realm))
                    .path("/protocol/openid-connect/logout")
                    .queryParam("id_token_hint", oidc.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", back)
                    .encode().build().toUriString();
            response.sendRedirect(url);
            return;
        }
        response.sendRedirect(appRoot + "/");
    }
}
