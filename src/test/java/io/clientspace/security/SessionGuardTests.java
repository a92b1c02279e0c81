package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** The session rules on a clock the test moves, with Keycloak's answers scripted. */
class SessionGuardTests {

    static final Instant SIGNED_IN = Instant.parse("2026-12-03T08:00:00Z");
    final StaffDirectoryTests.MovableClock clock = new StaffDirectoryTests.MovableClock();

    {
        clock.setTo(SIGNED_IN);
    }

    final SessionProperties properties = new SessionProperties(Duration.ofHours(10), Duration.ofMinutes(4),
            Duration.ofSeconds(30));
    final List<String> asked = new ArrayList<>();
    Function<String, Optional<Set<String>>> keycloak = username -> Optional.of(Set.of("manager"));
    final SessionGuard guard = new SessionGuard(properties, username -> {
        asked.add(username);
        return keycloak.apply(username);
    }, new EndedSignIns(null, clock, properties), clock);

    @Test
    void aSessionEndsWhenItsLifetimeIsOverHoweverActiveItIs() {
        MockHttpSession session = signedIn("staff", "anna", "manager");
        for (int minute = 0; minute < 599; minute += 3) {
            clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(minute)));
            assertThat(guard.check(session)).as("minute %d", minute).isNotEqualTo(SessionGuard.Verdict.ENDED);
        }
        clock.setTo(SIGNED_IN.plus(Duration.ofHours(10)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.ENDED);
        assertThat(session.isInvalid()).as("the session is gone, so the next request goes to the sign-in").isTrue();
    }

    @Test
    void staffRolesAreReadFromKeycloakAgainOnlyAfterTheInterval() {
        MockHttpSession session = signedIn("staff", "anna", "manager");
        guard.check(session);
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(3)));
        guard.check(session);
        assertThat(asked).as("the sign-in itself was the check").isEmpty();

        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(4)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.KEEP);
        assertThat(asked).containsExactly("anna");
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(7)));
        guard.check(session);
        assertThat(asked).as("the next check waits another interval").containsExactly("anna");
    }

    @Test
    void aDisabledColleagueLosesTheSessionAtTheFirstCheckAfterTheInterval() {
        MockHttpSession session = signedIn("staff", "anna", "manager");
        guard.check(session);
        keycloak = username -> Optional.empty();
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(2)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.KEEP);

        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(4)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.ENDED);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aDemotedColleagueKeepsTheSessionWithTheNewRolesAtOnce() {
        MockHttpSession session = signedIn("staff", "anna", "manager");
        guard.check(session);
        keycloak = username -> Optional.of(Set.of("member", "offline_access", "default-roles-clientspace-staff"));
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(5)));

        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.ROLES_CHANGED);
        assertThat(session.isInvalid()).isFalse();
        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_STAFF", "ROLE_MEMBER");
        assertThat(((OAuth2AuthenticationToken) context.getAuthentication()).getPrincipal().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).doesNotContain("ROLE_MANAGER");
    }

    @Test
    void whileKeycloakCannotBeAskedSignedInColleaguesKeepWorkingAndTheCheckIsRetriedSoon() {
        MockHttpSession session = signedIn("staff", "anna", "manager");
        guard.check(session);
        keycloak = username -> {
            throw new IllegalStateException("Connection refused");
        };
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(5)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.KEEP);
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.KEEP);
        assertThat(asked).as("not asked on every request while Keycloak is away").hasSize(1);

        keycloak = username -> Optional.empty();
        clock.setTo(SIGNED_IN.plus(Duration.ofMinutes(5)).plus(SessionGuard.RETRY_AFTER));
        assertThat(guard.check(session)).as("asked again half a minute later, not a whole interval")
                .isEqualTo(SessionGuard.Verdict.ENDED);
    }

    @Test
    void customersAreNotReadFromTheStaffRealmButTheirLifetimeCounts() {
        MockHttpSession session = signedIn("customers", "greta", null);
        clock.setTo(SIGNED_IN.plus(Duration.ofHours(1)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.KEEP);
        assertThat(asked).isEmpty();
        clock.setTo(SIGNED_IN.plus(Duration.ofHours(11)));
        assertThat(guard.check(session)).isEqualTo(SessionGuard.Verdict.ENDED);
    }

    @Test
    void anEndedSignInEndsExactlyTheSessionsItNames() {
        String issuer = "http://localhost:8180/realms/clientspace-staff";
        var bySession = new EndedSignIns.Ended(issuer, "sub-anna", "sid-1", SIGNED_IN.plusSeconds(60));
        assertThat(bySession.ends(issuer, "sub-anna", "sid-1", SIGNED_IN)).isTrue();
        assertThat(bySession.ends(issuer, "sub-anna", "sid-2", SIGNED_IN)).as("her other browser").isFalse();
        assertThat(bySession.ends("http://other/realms/clientspace-staff", "sub-anna", "sid-1", SIGNED_IN)).isFalse();

        var bySubject = new EndedSignIns.Ended(issuer, "sub-anna", null, SIGNED_IN.plusSeconds(60));
        assertThat(bySubject.ends(issuer, "sub-anna", "sid-2", SIGNED_IN)).isTrue();
        assertThat(bySubject.ends(issuer, "sub-anna", "sid-3", SIGNED_IN.plusSeconds(120)))
                .as("a sign-in after the logout stays").isFalse();
        assertThat(bySubject.ends(issuer, "sub-bert", "sid-2", SIGNED_IN)).isFalse();
    }

    private static MockHttpSession signedIn(String registration, String username, String realmRole) {
        Set<GrantedAuthority> authorities = Roles.STAFF_REGISTRATION.equals(registration)
                ? KeycloakUserMapping.staffAuthorities(realmRole == null ? List.of() : List.of(realmRole))
                : Set.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CUSTOMER"));
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").issuer("http://localhost:8180/realms/x")
                .subject("sub-" + username).issuedAt(SIGNED_IN).expiresAt(SIGNED_IN.plusSeconds(300))
                .claim("sid", "sid-" + username).claim("preferred_username", username).build();
        var user = new DefaultOidcUser(authorities, idToken, "preferred_username");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, authorities, registration)));
        return session;
    }
}
