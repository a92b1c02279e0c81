package io.clientspace.security;

import java.util.Map;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import java.util.LinkedHashMap;
import io.clientspace.shared.i18n.Translations;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain, two realms. Staff sign in through {@code clientspace-staff}, customers through
 * {@code clientspace-customers}; the realm decides the authorities (see {@link KeycloakUserMapping}), and every view
 * and service checks them, so a customer never opens a staff page and staff never open a portal page.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration extends VaadinWebSecurity {

    static final String STAFF_LOGIN = "/oauth2/authorization/" + Roles.STAFF_REGISTRATION;
    static final String CUSTOMER_LOGIN = "/oauth2/authorization/" + Roles.CUSTOMER_REGISTRATION;

    private final KeycloakProperties keycloak;
    private final ClientRegistrationRepository registrations;
    private final SessionGuard sessionGuard;
    private final RateLimits rateLimits;
    private final Translations translations;
    private final ContentSecurityPolicy contentSecurityPolicy;
    private final SignInAvailability signInAvailability;

    SecurityConfiguration(KeycloakProperties keycloak, ClientRegistrationRepository registrations,
            SessionGuard sessionGuard, RateLimits rateLimits, Translations translations,
            ContentSecurityPolicy contentSecurityPolicy, SignInAvailability signInAvailability) {
        this.keycloak = keycloak;
        this.registrations = registrations;
        this.sessionGuard = sessionGuard;
        this.rateLimits = rateLimits;
        this.translations = translations;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.signInAvailability = signInAvailability;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(new AntPathRequestMatcher("/actuator/health/**"),
                        new AntPathRequestMatcher("/actuator/health"),
                        new AntPathRequestMatcher("/actuator/info")).permitAll()
                // /engine-rest has a chain of its own, for Camunda Modeler's deploy only (ModelerApiSecurity)
                // Admin (users, groups, grants) and Tasklist (other people's tasks): admins only. The webapps ask
                // who is signed in under /camunda/api/admin/auth, which Cockpit needs too.
                .requestMatchers(new AntPathRequestMatcher("/camunda/api/admin/auth/**")).hasAnyRole(Roles.ADMIN,
                        Roles.PROCESS_OWNER)
                .requestMatchers(new AntPathRequestMatcher("/camunda/app/admin/**"),
                        new AntPathRequestMatcher("/camunda/api/admin/**"),
                        new AntPathRequestMatcher("/camunda/app/tasklist/**"),
                        new AntPathRequestMatcher("/camunda/api/tasklist/**")).hasRole(Roles.ADMIN)
                // Cockpit and the engine API under it: admins, and process owners within their engine grants
                // (read models and instances, retry failed jobs; see EngineHardening and DD003)
                .requestMatchers(new AntPathRequestMatcher("/camunda/**")).hasAnyRole(Roles.ADMIN,
                        Roles.PROCESS_OWNER));
        // The Camunda webapps bring their own CSRF protection (XSRF-TOKEN cookie and header)
        http.csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**")));
        super.configure(http);
        setOAuth2LoginPage(http, STAFF_LOGIN);
        // Both realms require PKCE (S256), also for our confidential clients
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                .userInfoEndpoint(info -> info.oidcUserService(new KeycloakUserMapping())));
        http.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint()));
        http.logout(logout -> logout.logoutSuccessHandler(new KeycloakLogoutSuccessHandler(keycloak)));
        // Keycloak tells us when a sign-in ends elsewhere (/logout/connect/back-channel/{staff|customers}); the
        // guard ends it on every node, ends sessions past their lifetime and re-reads staff roles (DD017)
        http.oidcLogout(logout -> logout.backChannel(backChannel -> backChannel
                .logoutHandler(sessionGuard.backChannelLogout())));
        http.addFilterBefore(new SessionGuardFilter(sessionGuard), SecurityContextHolderFilter.class);
        http.addFilterBefore(new SignInGuardFilter(rateLimits, translations, signInAvailability), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", ContentSecurityPolicy.PERMISSIONS))
                // the Camunda webapps send their own policy; two policies would both apply
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
                        new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy.value()))));
    }

    /** Anonymous visitors of the portal go to the customers' sign-in, everyone else to the staff sign-in. */
    private static AuthenticationEntryPoint entryPoint() {
        var map = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        map.put(new AntPathRequestMatcher("/portal/**"), new LoginUrlAuthenticationEntryPoint(CUSTOMER_LOGIN));
        map.put(new AntPathRequestMatcher("/portal"), new LoginUrlAuthenticationEntryPoint(CUSTOMER_LOGIN));
        var delegating = new DelegatingAuthenticationEntryPoint(map);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(STAFF_LOGIN));
        return delegating;
    }

    /**
     * Signs the Keycloak user into the Camunda webapps: the filter asks {@link CamundaSingleSignOn}, which reads the
     * Spring Security context that the chain above has already filled.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", CamundaSingleSignOn.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // after Spring Security's chain (order -100)
        registration.setOrder(101);
        return registration;
    }
}
