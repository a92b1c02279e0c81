package io.clientspace.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The two OAuth2 client registrations, built from {@link KeycloakProperties} without asking Keycloak for its
 * discovery document. Spring Boot's property mapping fetches that document at startup whenever an issuer is set,
 * which fails in Docker: there the browser's Keycloak URL (the issuer) is not reachable from the app's container.
 * So the browser-facing endpoint and the issuer use the public URL, and the back-channel endpoints the internal one.
 * The issuer is still set, so every ID token's {@code iss} claim is checked. See docs/decisions/DD001.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientRegistrations {

    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakProperties keycloak) {
        return new InMemoryClientRegistrationRepository(registrations(keycloak));
    }

    static ClientRegistration[] registrations(KeycloakProperties keycloak) {
        return new ClientRegistration[] {
            registration(keycloak, Roles.STAFF_REGISTRATION, keycloak.staffRealm(), keycloak.staffClientId(),
                    keycloak.staffClientSecret()),
            registration(keycloak, Roles.CUSTOMER_REGISTRATION, keycloak.customerRealm(), keycloak.customerClientId(),
                    keycloak.customerClientSecret())
        };
    }

    private static ClientRegistration registration(KeycloakProperties keycloak, String id, String realm,
            String clientId, String clientSecret) {
        String internal = keycloak.realmUrl(realm) + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(id)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.publicRealmUrl(realm))
                .authorizationUri(keycloak.publicRealmUrl(realm) + "/protocol/openid-connect/auth")
                .tokenUri(internal + "/token")
                .jwkSetUri(internal + "/certs")
                .userInfoUri(internal + "/userinfo")
                .userNameAttributeName("preferred_username")
                .clientName(realm)
                .build();
    }
}
