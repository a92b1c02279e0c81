package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.security.EngineRestEndpoints.Endpoint;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API controls every process, so nobody reaches it through the app: {@code /engine-rest} is closed
 * to every signed-in browser (it takes only a process owner's bearer token, for Camunda Modeler's deploy, see
 * ModelerDeployIntegrationTests), and the Camunda webapps' copy under {@code /camunda/api/engine} is open to admins
 * and, within their engine grants, process owners. Every
 * endpoint Camunda registers is called as a signed-in customer, member and manager (403 or 401), as an admin on
 * {@code /engine-rest} (403), and anonymously (the staff sign-in). Issue 21, item 3; issue 18, item 4.
 */
@ClientspaceIntegrationTest
class EngineApiClosedIntegrationTests {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE_API = "/camunda/api/engine";

    @LocalServerPort
    int port;

    String app() {
        return "http://localhost:" + port;
    }

    /** /engine-rest with and without /engine/default, and the webapps' API for the default engine. */
    static Set<Endpoint> everyEndpoint() {
        Set<Endpoint> all = new TreeSet<>(EngineRestEndpoints.under(ENGINE_REST, true));
        all.addAll(EngineRestEndpoints.under(WEBAPP_ENGINE_API, false));
        return all;
    }

    @Test
    void theListCoversCamundasWholeApi() {
        Set<String> endpoints = new TreeSet<>();
        EngineRestEndpoints.perEngine().forEach(e -> endpoints.add(e.toString()));
        assertThat(endpoints).contains("POST /deployment/create", "GET /process-definition",
                "POST /process-definition/key/x1/start", "GET /task", "POST /task/x1/complete",
                "POST /message", "PUT /process-instance/x1/variables/x1", "DELETE /process-instance/x1",
                "POST /authorization/create", "POST /user/create", "GET /history/process-instance",
                "PUT /job/x1/retries");
        assertThat(endpoints).as("endpoints per engine").hasSizeGreaterThan(300);
    }

    @Test
    void aSignedInCustomerGetsNoEngineEndpoint() throws Exception {
        assertRefused(SignedInHttp.signIn(app(), Roles.CUSTOMER_REGISTRATION, "customer", "Customer-Demo-1"),
                everyEndpoint(), "customer");
    }

    @Test
    void aSignedInMemberGetsNoEngineEndpoint() throws Exception {
        assertRefused(SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "member", "member"), everyEndpoint(),
                "member");
    }

    @Test
    void aSignedInManagerGetsNoEngineEndpoint() throws Exception {
        assertRefused(SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "manager", "manager"), everyEndpoint(),
                "manager");
    }

    @Test
    void engineRestIsClosedEvenToAdminsWhoKeepTheWebapps() throws Exception {
        SignedInHttp admin = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "admin", "admin");
        assertRefused(admin, EngineRestEndpoints.under(ENGINE_REST, true), "admin");
        // the webapps' engine API still serves admins, with engine authorization on: Cockpit keeps working
        HttpResponse<String> count = admin.send("GET", app() + WEBAPP_ENGINE_API
                + "/engine/default/process-definition/count");
        assertThat(count.statusCode()).as("%s", count.body()).isEqualTo(200);
        assertThat(count.body()).doesNotContain("\"count\":0");
    }

    @Test
    void anonymousCallersAreSentToTheStaffSignInOrAskedForABearerToken() throws Exception {
        SignedInHttp anonymous = SignedInHttp.anonymous();
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : everyEndpoint()) {
            HttpResponse<String> response = anonymous.send(e.method(), app() + e.path());
            String location = SignedInHttp.location(response);
            if (e.path().startsWith(ENGINE_REST)) {
                // /engine-rest is the Modeler's token-only API (ModelerDeployIntegrationTests): no sign-in page
                if (response.statusCode() != 401
                        || !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    wrong.add(e + " -> " + response.statusCode() + " " + location);
                }
            } else if (response.statusCode() != 302 || !location.endsWith("/oauth2/authorization/staff")) {
                wrong.add(e + " -> " + response.statusCode() + " " + location);
            }
        }
        assertThat(wrong).as("endpoints that answered an anonymous caller otherwise").isEmpty();
    }

    private void assertRefused(SignedInHttp who, Set<Endpoint> endpoints, String name) throws Exception {
        List<String> open = new ArrayList<>();
        for (Endpoint e : endpoints) {
            HttpResponse<String> response = who.send(e.method(), app() + e.path());
            if (response.statusCode() != 403 && response.statusCode() != 401) {
                open.add(e + " -> " + response.statusCode() + " " + SignedInHttp.location(response));
            }
        }
        assertThat(open).as("engine endpoints that %s reached (of %d)", name, endpoints.size()).isEmpty();
    }
}
