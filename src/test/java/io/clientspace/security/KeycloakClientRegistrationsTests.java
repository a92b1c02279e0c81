package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * In Docker the app reaches Keycloak at keycloak:8080 while browsers use localhost:8180. The registrations must be
 * built without contacting Keycloak (nothing listens on these hosts here), send browsers to the public URL, keep
 * server-to-server calls on the internal one, and still check the issuer of every ID token.
 */
class KeycloakClientRegistrationsTests {

    final KeycloakProperties keycloak = new KeycloakProperties("http://keycloak.invalid:8080",
            "http://public.invalid:8180", "clientspace-staff", "clientspace-customers", "clientspace-app",
            "staff-secret", "clientspace-portal", "customers-secret", "clientspace-admin-api", "staff-admin-secret",
            "clientspace-admin-api", "customers-admin-secret");

    final Map<String, ClientRegistration> registrations = Arrays
            .stream(KeycloakClientRegistrations.registrations(keycloak))
            .collect(Collectors.toMap(ClientRegistration::getRegistrationId, Function.identity()));

    @Test
    void staffSignInGoesThroughTheStaffRealmWithThePublicUrlForBrowsers() {
        ClientRegistration staff = registrations.get(Roles.STAFF_REGISTRATION);
        assertThat(staff.getClientId()).isEqualTo("clientspace-app");
        assertThat(staff.getClientSecret()).isEqualTo("staff-secret");
        assertThat(staff.getProviderDetails().getAuthorizationUri())
                .isEqualTo("http://public.invalid:8180/realms/clientspace-staff/protocol/openid-connect/auth");
        assertThat(staff.getProviderDetails().getIssuerUri())
                .isEqualTo("http://public.invalid:8180/realms/clientspace-staff");
    }

    @Test
    void serverToServerCallsUseTheInternalUrl() {
        ClientRegistration customers = registrations.get(Roles.CUSTOMER_REGISTRATION);
        var provider = customers.getProviderDetails();
        assertThat(provider.getTokenUri())
                .isEqualTo("http://keycloak.invalid:8080/realms/clientspace-customers/protocol/openid-connect/token");
        assertThat(provider.getJwkSetUri())
                .isEqualTo("http://keycloak.invalid:8080/realms/clientspace-customers/protocol/openid-connect/certs");
        assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(
                "http://keycloak.invalid:8080/realms/clientspace-customers/protocol/openid-connect/userinfo");
        assertThat(customers.getClientId()).isEqualTo("clientspace-portal");
        assertThat(customers.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(customers.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
    }

    @Test
    void bothRealmsAreRegisteredAndNothingElse() {
        assertThat(registrations).containsOnlyKeys(Roles.STAFF_REGISTRATION, Roles.CUSTOMER_REGISTRATION);
    }
}
