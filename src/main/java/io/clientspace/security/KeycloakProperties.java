package io.clientspace.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak lives. {@code url} is what the app calls server to server; {@code publicUrl} is what a browser uses
 * (in Docker these differ). Never null once bound.
 */
@ConfigurationProperties("clientspace.keycloak")
public record KeycloakProperties(
        String url,
        String publicUrl,
        String staffRealm,
        String customerRealm,
        String staffClientId,
        String staffClientSecret,
        String customerClientId,
        String customerClientSecret) {

    public String realmUrl(String realm) {
        return url + "/realms/" + realm;
    }

    public String publicRealmUrl(String realm) {
        return publicUrl + "/realms/" + realm;
    }
}
