package io.clientspace.security;

import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.support.ClientspaceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an anonymous browser gets: the right realm's sign-in, never a page. */
@ClientspaceIntegrationTest
class WebSecurityIntegrationTests {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void staffPagesSendAnonymousVisitorsToTheStaffRealm() throws Exception {
        for (String path : new String[] {"/", "/clients", "/clients/company/" + UUID.randomUUID()}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/oauth2/authorization/staff"));
        }
    }

    @Test
    void portalSendsAnonymousVisitorsToTheCustomersRealm() throws Exception {
        var response = get("/portal");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/oauth2/authorization/customers"));

        var toKeycloak = get("/oauth2/authorization/customers");
        assertThat(toKeycloak.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/realms/clientspace-customers/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256"));
    }

    @Test
    void camundaWebappsAndEngineApiNeedASignIn() throws Exception {
        for (String path : new String[] {"/camunda/app/cockpit/default/", "/camunda/api/engine/engine/",
                "/engine-rest/process-definition"}) {
            int status = get(path).statusCode();
            assertThat(status).as(path).isIn(302, 401, 403);
        }
    }
}
