package io.clientspace.security;

import jakarta.ws.rs.client.Client;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keycloak's admin API, reached with each realm's own service client {@code clientspace-admin-api} (client
 * credentials), never the master realm and never a browser sign-in client: a leaked login secret grants no admin
 * rights.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakAdminConfiguration {

    @Bean(destroyMethod = "close")
    Keycloak staffAdmin(KeycloakProperties keycloak) {
        return KeycloakBuilder.builder()
                .serverUrl(keycloak.url())
                .realm(keycloak.staffRealm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(keycloak.staffAdminClientId())
                .clientSecret(keycloak.staffAdminClientSecret())
                .resteasyClient(httpClient())
                .build();
    }

    /**
     * With time limits: the default client waits forever, and one hung Keycloak call would hold a UI thread and a
     * database connection with it.
     */
    private static Client httpClient() {
        return new ResteasyClientBuilderImpl()
                .connectionPoolSize(10)
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(15, TimeUnit.SECONDS)
                .register(new JacksonProvider(), 100)
                .build();
    }

    /** For customer identities: its service account may manage users of the customers realm only. */
    @Bean(destroyMethod = "close")
    Keycloak customerAdmin(KeycloakProperties keycloak) {
        return KeycloakBuilder.builder()
                .serverUrl(keycloak.url())
                .realm(keycloak.customerRealm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(keycloak.customerAdminClientId())
                .clientSecret(keycloak.customerAdminClientSecret())
                .resteasyClient(httpClient())
                .build();
    }
}
