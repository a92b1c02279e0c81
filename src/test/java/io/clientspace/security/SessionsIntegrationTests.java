package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.devservices.DevServices;
import io.clientspace.devservices.TestClock;
import io.clientspace.portal.PortalTestData;
import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions against the real Keycloak: its back-channel sign-out, the accounts the guard reads, headers, limits. */
@ClientspaceIntegrationTest
class SessionsIntegrationTests {

    static final String PASSWORD = "Sessions-Test-Pass-1";
    static Keycloak master;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    RateLimitProperties rateLimits;
    @Autowired
    SessionProperties sessions;
    @Autowired
    PortalTestData portalData;

    /** After Spring has started the dev services for this class (a static @BeforeAll would run before). */
    @BeforeEach
    void connect() {
        if (master != null) {
            return;
        }
        master = KeycloakBuilder.builder().serverUrl(DevServices.keycloak().url()).realm("master")
                .clientId("admin-cli").username("admin").password("admin").build();
    }

    @AfterAll
    static void disconnect() {
        if (master != null) {
            master.close();
            master = null;
        }
    }

    String app() {
        return "http://localhost:" + port;
    }

    static RealmResource staff() {
        return master.realm("clientspace-staff");
    }

    /** A colleague of our own, so that signing them out touches no other test's sessions. */
    static String colleague(String username, String role) {
        try (Response created = staff().users().create(person(username))) {
            assertThat(created.getStatus()).as("Keycloak creates %s", username).isEqualTo(201);
        }
        String id = staff().users().searchByUsername(username, true).get(0).getId();
        staff().users().get(id).roles().realmLevel().add(List.of(staff().roles().get(role).toRepresentation()));
        return id;
    }

    /** Someone Keycloak signs in with {@link #PASSWORD} and asks nothing more of. */
    static UserRepresentation person(String username) {
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@clientspace.test");
        user.setFirstName("Session");
        user.setLastName(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return user;
    }

    /** The next answer to {@code url} that is no page: the back-channel sign-out reaches the app within seconds. */
    HttpResponse<String> firstAnswerAfterSignOut(SignedInHttp signedIn, String url) throws Exception {
        HttpResponse<String> next = signedIn.send("GET", url);
        Instant deadline = Instant.now().plusSeconds(15);
        while (next.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            next = signedIn.send("GET", url);
        }
        return next;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSignOutAtKeycloakEndsThatSessionInTheAppAndNoOther() throws Exception {
        String anna = colleague(unique("anna"), "member");
        String bert = colleague(unique("bert"), "member");
        try {
            SignedInHttp annaApp = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION,
                    staff().users().get(anna).toRepresentation().getUsername(), PASSWORD);
            SignedInHttp bertApp = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION,
                    staff().users().get(bert).toRepresentation().getUsername(), PASSWORD);
            assertThat(annaApp.send("GET", app() + "/").statusCode()).as("Anna works in the app").isEqualTo(200);

            // what an admin's "Sign out" in Keycloak, or Anna's own sign-out elsewhere, does
            staff().users().get(anna).logout();

            HttpResponse<String> next = firstAnswerAfterSignOut(annaApp, app() + "/");
            assertThat(next.statusCode()).as("Anna's next request").isEqualTo(302);
            assertThat(SignedInHttp.location(next)).endsWith("/oauth2/authorization/staff");
            assertThat(bertApp.send("GET", app() + "/").statusCode()).as("Bert is still signed in").isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from ended_sign_in where subject = ?", Integer.class,
                    anna)).as("recorded for the other nodes").isEqualTo(1);
        } finally {
            staff().users().delete(anna).close();
            staff().users().delete(bert).close();
        }
    }

    static RealmResource customers() {
        return master.realm("clientspace-customers");
    }

    /** A contact of our own in the customers realm, with a portal account for a client of its own. */
    String contact(String username) {
        PortalTestData.World world = portalData.world(username, username, username + "@clientspace.test",
                "Session " + username);
        UserRepresentation user = person(username);
        user.setAttributes(java.util.Map.of("customer_id", List.of(world.client().id().toString())));
        try (Response created = customers().users().create(user)) {
            assertThat(created.getStatus()).as("Keycloak creates %s", username).isEqualTo(201);
        }
        return customers().users().searchByUsername(username, true).get(0).getId();
    }

    @Test
    void aSignOutAtKeycloakEndsThatPortalSessionInTheAppAndNoOther() throws Exception {
        String carla = contact(unique("carla"));
        String dora = contact(unique("dora"));
        try {
            SignedInHttp carlaApp = SignedInHttp.signIn(app(), Roles.CUSTOMER_REGISTRATION,
                    customers().users().get(carla).toRepresentation().getUsername(), PASSWORD);
            SignedInHttp doraApp = SignedInHttp.signIn(app(), Roles.CUSTOMER_REGISTRATION,
                    customers().users().get(dora).toRepresentation().getUsername(), PASSWORD);
            assertThat(carlaApp.send("GET", app() + "/portal").statusCode()).as("Carla uses the portal")
                    .isEqualTo(200);

            // what the firm's "Sign out" of a contact in Keycloak, or Carla's own sign-out elsewhere, does
            customers().users().get(carla).logout();

            HttpResponse<String> next = firstAnswerAfterSignOut(carlaApp, app() + "/portal");
            assertThat(next.statusCode()).as("Carla's next request").isEqualTo(302);
            assertThat(SignedInHttp.location(next)).endsWith("/oauth2/authorization/customers");
            assertThat(doraApp.send("GET", app() + "/portal").statusCode()).as("Dora is still signed in")
                    .isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from ended_sign_in where subject = ?", Integer.class,
                    carla)).as("recorded for the other nodes").isEqualTo(1);
        } finally {
            customers().users().delete(carla).close();
            customers().users().delete(dora).close();
        }
    }

    @Test
    void aDisabledOrDemotedColleagueLosesAccessAtTheFirstRequestAfterTheRecheck() throws Exception {
        String dora = unique("dora");
        String eric = unique("eric");
        String doraId = colleague(dora, "admin");
        String ericId = colleague(eric, "member");
        try {
            SignedInHttp doraApp = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, dora, PASSWORD);
            SignedInHttp ericApp = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, eric, PASSWORD);
            assertThat(doraApp.send("GET", app() + "/actuator/health").body()).as("an admin sees the parts")
                    .contains("\"components\"");
            assertThat(ericApp.send("GET", app() + "/").statusCode()).isEqualTo(200);

            var doraUser = staff().users().get(doraId);
            doraUser.roles().realmLevel().remove(List.of(staff().roles().get("admin").toRepresentation()));
            doraUser.roles().realmLevel().add(List.of(staff().roles().get("member").toRepresentation()));
            UserRepresentation disabled = staff().users().get(ericId).toRepresentation();
            disabled.setEnabled(false);
            staff().users().get(ericId).update(disabled);
            assertThat(doraApp.send("GET", app() + "/actuator/health").body())
                    .as("before the recheck the sign-in's roles still count").contains("\"components\"");

            try (var later = TestClock.pin(Instant.now().plus(sessions.recheckEvery()).plusSeconds(1))) {
                assertThat(doraApp.send("GET", app() + "/actuator/health").body()).as("demoted: no longer an admin")
                        .doesNotContain("\"components\"");
                assertThat(doraApp.send("GET", app() + "/").statusCode()).as("still signed in as a member")
                        .isEqualTo(200);
                var next = ericApp.send("GET", app() + "/");
                assertThat(next.statusCode()).as("disabled: signed out").isEqualTo(302);
                assertThat(SignedInHttp.location(next)).endsWith("/oauth2/authorization/staff");
            }
        } finally {
            staff().users().delete(doraId).close();
            staff().users().delete(ericId).close();
        }
    }

    @Test
    void theGuardReadsTheAccountAsKeycloakHasItNow() {
        String username = unique("carla");
        String id = colleague(username, "manager");
        try {
            assertThat(staffAccounts.activeRealmRoles(username)).hasValueSatisfying(roles ->
                    assertThat(roles).contains("manager").doesNotContain("member"));

            var user = staff().users().get(id);
            user.roles().realmLevel().remove(List.of(staff().roles().get("manager").toRepresentation()));
            user.roles().realmLevel().add(List.of(staff().roles().get("member").toRepresentation()));
            assertThat(staffAccounts.activeRealmRoles(username)).hasValueSatisfying(roles ->
                    assertThat(roles).contains("member").doesNotContain("manager"));

            UserRepresentation disabled = user.toRepresentation();
            disabled.setEnabled(false);
            user.update(disabled);
            assertThat(staffAccounts.activeRealmRoles(username)).as("disabled").isEmpty();
        } finally {
            staff().users().delete(id).close();
        }
        assertThat(staffAccounts.activeRealmRoles(username)).as("deleted").isEmpty();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsSecureAndSameSite() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var start = http.send(HttpRequest.newBuilder(URI.create(app() + "/oauth2/authorization/staff")).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");

        SignedInHttp member = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "member", "member");
        var page = member.send("GET", app() + "/clients");
        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'",
                "base-uri 'self'", "form-action 'self' " + ContentSecurityPolicy.origin(DevServices.keycloak().url()));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p ->
                assertThat(p).contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void tooManySignInsFromOneAddressGetAPageThatSaysHowLongToWait() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // the test stands behind the trusted local proxy (application.yml), as a browser behind a load balancer
        String address = "203.0.113." + (10 + (int) (Math.random() * 200));
        int capacity = rateLimits.signIn().capacity();
        long started = System.nanoTime();
        for (int i = 0; i < capacity; i++) {
            var response = http.send(signInRequest(address, "en"), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("sign-in %d of %d", i + 1, capacity).isEqualTo(302);
        }
        // the bucket refills evenly while the burst runs: those few more pass too, then the address is refused
        double refilled = capacity * (System.nanoTime() - started) / (double) rateLimits.signIn().per().toNanos();
        HttpResponse<String> refused = null;
        for (int extra = 0; extra <= Math.ceil(refilled) + 1; extra++) {
            refused = http.send(signInRequest(address, "de"), HttpResponse.BodyHandlers.ofString());
            if (refused.statusCode() != 302) {
                break;
            }
        }
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Zu viele Anmeldeversuche").contains("Bitte warten Sie etwa 1 Min.");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");

        var otherAddress = http.send(signInRequest("198.51.100.7", "en"), HttpResponse.BodyHandlers.discarding());
        assertThat(otherAddress.statusCode()).as("another address is not limited").isEqualTo(302);
    }

    private HttpRequest signInRequest(String address, String language) {
        return HttpRequest.newBuilder(URI.create(app() + "/oauth2/authorization/staff"))
                .header("X-Forwarded-For", address).header("Accept-Language", language).build();
    }
}
