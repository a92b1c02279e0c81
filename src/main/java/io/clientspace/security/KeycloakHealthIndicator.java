package io.clientspace.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Keycloak is healthy when both realms answer their OpenID discovery document. */
@Component
class KeycloakHealthIndicator extends AbstractHealthIndicator {

    private final KeycloakProperties keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    KeycloakHealthIndicator(KeycloakProperties keycloak) {
        super("Keycloak health check failed");
        this.keycloak = keycloak;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("url", keycloak.url());
        for (String realm : new String[] {keycloak.staffRealm(), keycloak.customerRealm()}) {
            var request = HttpRequest.newBuilder(URI.create(keycloak.realmUrl(realm) + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            builder.withDetail(realm, status);
            if (status != 200) {
                builder.down();
                return;
            }
        }
        builder.up();
    }
}
