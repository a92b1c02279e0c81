package io.clientspace.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak lives. {@code url} is what the app calls server to server; {@code publicUrl} is what a browser uses
 * (in Docker these differ). The staff and customer clients sign browsers in; the admin clients are separate
 * confidential service clients for the admin API, one per realm. Never null once bound.
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
        String customerClientSecret,
        String staffAdminClientId,
        String staffAdminClientSecret,
        String customerAdminClientId,
        String customerAdminClientSecret) {

    public String realmUrl(String realm) {
        return url + "/realms/" + realm;
    }

    public String publicRealmUrl(String realm) {
        return publicUrl + "/realms/" + realm;
    }
}
