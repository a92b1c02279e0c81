package io.clientspace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientspace.shared.i18n.Translations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /engine-rest} is its own stateless API, for Camunda Modeler's Deploy dialog only (issue 12, item 5). A caller
 * proves who they are with an access token of the staff realm in {@code Authorization: Bearer}; the session cookie
 * of a signed-in browser counts for nothing here, so a page of another site cannot deploy through a user's browser.
 * The token must be signed by the staff realm's keys, issued by that realm, unexpired, an access token (not an ID
 * token) and issued to Clientspace's own staff client. Its {@code roles} claim maps to our roles as at sign-in.
 * <ul>
 * <li>the three endpoints the dialog calls: process owners only (403 for other staff);</li>
 * <li>every other engine endpoint: refused to everyone, process owners too (403);</li>
 * <li>no token, or a bad one: 401 with {@code WWW-Authenticate: Bearer}.</li>
 * </ul>
 * Camunda's own REST API (Jersey) is not deployed at all; the three answers come from the modeling module's
 * controller, which sends every file through the model gate. See docs/decisions/DD008 and DD022.
 */
@Configuration(proxyBeanMethods = false)
class ModelerApiSecurity {

    static final String PATH = "/engine-rest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    @Order(1)
    SecurityFilterChain modelerApi(HttpSecurity http, KeycloakProperties keycloak) throws Exception {
        AuthenticationEntryPoint unauthorized = ModelerApiSecurity::unauthorized;
        http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher(PATH),
                        new AntPathRequestMatcher(PATH + "/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(new AntPathRequestMatcher(PATH + "/deployment/create",
                                        HttpMethod.POST.name()),
                                new AntPathRequestMatcher(PATH + "/deployment", HttpMethod.GET.name()),
                                new AntPathRequestMatcher(PATH + "/version", HttpMethod.GET.name()))
                        .hasRole(Roles.PROCESS_OWNER)
                        .anyRequest().denyAll())
                // a bearer token is not sent by browsers on their own, so there is nothing for CSRF to protect
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> json(response,
                                HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                                text(request, "modeling.modeler.forbidden"))))
                .addFilterBefore(new BearerTokenFilter(decoder(keycloak), unauthorized), AuthorizationFilter.class);
        return http.build();
    }

    static JwtDecoder decoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                keycloak.realmUrl(keycloak.staffRealm()) + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.publicRealmUrl(keycloak.staffRealm())),
                accessTokenOf(keycloak.staffClientId())));
        return decoder;
    }

    /** Keycloak marks access tokens {@code typ: Bearer} and names the client they were issued to in {@code azp}. */
    static OAuth2TokenValidator<Jwt> accessTokenOf(String clientId) {
        return jwt -> "Bearer".equals(jwt.getClaimAsString("typ")) && clientId.equals(jwt.getClaimAsString("azp"))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "Not an access token of " + clientId, null));
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException reason) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"clientspace\"");
        json(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
                text(request, "modeling.modeler.unauthorized"));
    }

    /** The message in the language the Modeler asks for (its Accept-Language), English otherwise. */
    private static String text(HttpServletRequest request, String key) {
        return Translations.find(key, Translations.supported(request.getLocale())).orElse(key);
    }

    private static void json(HttpServletResponse response, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("code", null);
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** Reads the bearer token; a bad one ends the request with 401, none leaves the caller anonymous. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final JwtDecoder decoder;
        private final AuthenticationEntryPoint unauthorized;

        BearerTokenFilter(JwtDecoder decoder, AuthenticationEntryPoint unauthorized) {
            this.decoder = decoder;
            this.unauthorized = unauthorized;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            Jwt jwt;
            try {
                jwt = decoder.decode(header.substring(7).strip());
            } catch (JwtException e) {
                unauthorized.commence(request, response,
                        new org.springframework.security.authentication.BadCredentialsException(e.getMessage(), e));
                return;
            }
            String username = jwt.getClaimAsString("preferred_username");
            List<String> roles = jwt.getClaimAsStringList(KeycloakUserMapping.ROLES_CLAIM);
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    username != null ? username : jwt.getSubject(), null,
                    KeycloakUserMapping.staffAuthorities(roles));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
