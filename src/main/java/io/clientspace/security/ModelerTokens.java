package io.clientspace.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * A process owner's access token for Camunda Modeler's Deploy dialog: the token of their own sign-in to Clientspace,
 * renewed with its refresh token so that it has its full lifetime (the realm's {@code accessTokenLifespan}, 5
 * minutes) ahead of it. It carries exactly the roles of that sign-in and ends with it; nothing new is minted or
 * stored. The sign-in's tokens live on the node that holds the session, like the session itself.
 */
@Component
public class ModelerTokens {

    /** Renew whenever less than this is left, so that a shown token is good for a deploy or two. */
    static final Duration RENEW_WHEN_LESS_THAN = Duration.ofMinutes(4);

    /** A bearer token and when it stops working. */
    public record IssuedToken(String value, Instant expiresAt) {
    }

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    ModelerTokens(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients, Clock clock) {
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .refreshToken(refresh -> refresh.clockSkew(RENEW_WHEN_LESS_THAN).clock(clock))
                .build());
    }

    /**
     * The signed-in process owner's token; empty when their sign-in has no token left to renew (they sign in
     * again).
     *
     * @throws AccessDeniedException unless a process owner signed in through the staff realm
     */
    public Optional<IssuedToken> forCurrentProcessOwner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof OAuth2AuthenticationToken oauth)
                || !Roles.STAFF_REGISTRATION.equals(oauth.getAuthorizedClientRegistrationId())
                || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority()
                        .equals(CurrentUserProvider.ROLE_PREFIX + Roles.PROCESS_OWNER))) {
            throw new AccessDeniedException("Process owners only");
        }
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(Roles.STAFF_REGISTRATION)
                    .principal(auth).build());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (client == null || client.getAccessToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new IssuedToken(client.getAccessToken().getTokenValue(),
                client.getAccessToken().getExpiresAt()));
    }

    /**
     * Where sign-ins keep their tokens: one store that both the sign-in and this class use (Spring Boot would make
     * one too; naming it here keeps the two from ever being different objects).
     */
    @Configuration(proxyBeanMethods = false)
    static class AuthorizedClients {

        @Bean
        OAuth2AuthorizedClientService authorizedClientService(ClientRegistrationRepository registrations) {
            return new InMemoryOAuth2AuthorizedClientService(registrations);
        }

        @Bean
        OAuth2AuthorizedClientRepository authorizedClientRepository(OAuth2AuthorizedClientService clients) {
            return new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(clients);
        }
    }
}
