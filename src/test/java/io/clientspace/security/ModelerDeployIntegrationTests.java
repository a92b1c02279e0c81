package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientspace.modeling.LeavesTheEngineAsFound;
import io.clientspace.modeling.ModelerRequests;
import io.clientspace.security.EngineRestEndpoints.Endpoint;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Camunda Modeler deploys through {@code /engine-rest} with a bearer token, exactly as its Deploy dialog calls it:
 * the connection test ({@code GET /deployment?maxResults=0}, {@code GET /version}) and a multipart
 * {@code POST /deployment/create}. The tokens are real ones, issued by the real Keycloak to real sign-ins. A process
 * owner's file goes through the model gate; everyone else, and every other engine endpoint, is refused (issue 12,
 * item 5).
 */
@ClientspaceIntegrationTest
@ExtendWith(LeavesTheEngineAsFound.class)
class ModelerDeployIntegrationTests {

    static final String DEAL_STAGES = "deal-stages";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    OAuth2AuthorizedClientService signIns;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    SignedInHttp ownerSession;
    String ownerToken;

    String app() {
        return "http://localhost:" + port;
    }

    @BeforeEach
    void aProcessOwnerSignedIn() throws Exception {
        ownerSession = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "process", "process");
        ownerToken = tokenOf(Roles.STAFF_REGISTRATION, "process");
    }

    String tokenOf(String registration, String username) {
        var client = signIns.loadAuthorizedClient(registration, username);
        assertThat(client).as("%s's sign-in keeps its tokens", username).isNotNull();
        return client.getAccessToken().getTokenValue();
    }

    int latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(DEAL_STAGES).latestVersion()
                .singleResult().getVersion();
    }

    static String dealStages() throws Exception {
        return Files.readString(Path.of("processes", DEAL_STAGES + ".bpmn"));
    }

    @Test
    void theConnectionTestPassesWithAProcessOwnersToken() throws Exception {
        HttpResponse<String> list = get("/engine-rest/deployment?maxResults=0", ownerToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).isArray()).isTrue();
        assertThat(JSON.readTree(list.body())).isEmpty();
        HttpResponse<String> version = get("/engine-rest/version", ownerToken);
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(version.body()).path("version").asText()).startsWith("7.");
    }

    @Test
    void aProcessOwnersFileBecomesTheNextVersionWithTheDeploymentNameAsItsNote() throws Exception {
        int before = latest();
        String changed = dealStages().replace("P14D", "P21D");
        assertThat(changed).isNotEqualTo(dealStages());

        HttpResponse<String> response = deploy(ownerToken, "Stall after three weeks",
                Map.of("diagram_1.bpmn", changed), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        JsonNode definitions = body.path("deployedProcessDefinitions");
        assertThat(definitions.size()).isEqualTo(1);
        JsonNode definition = definitions.elements().next();
        assertThat(definition.path("key").asText()).isEqualTo(DEAL_STAGES);
        assertThat(definition.path("version").asInt()).isEqualTo(before + 1);
        assertThat(latest()).isEqualTo(before + 1);
        Map<String, Object> row = jdbc.queryForMap("""
                select action, deployed_by, change_note from model_deployment where deployment_id = ?""",
                body.path("id").asText());
        assertThat(row).containsEntry("action", "MODELER").containsEntry("deployed_by", "process")
                .containsEntry("change_note", "Stall after three weeks");
        try (var in = repository.getProcessModel(definition.path("id").asText())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("P21D");
        }

        // the same file again is no new version, as the Modeler's duplicate filtering asks
        HttpResponse<String> again = deploy(ownerToken, "Stall after three weeks", Map.of("diagram_1.bpmn", changed),
                null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id").asText()).isEqualTo(body.path("id").asText());
        assertThat(latest()).isEqualTo(before + 1);
    }

    @Test
    void theGateRefusesAnUnsafeFileInTheModelersLanguageAndNothingIsDeployed() throws Exception {
        int before = latest();
        String unsafe = dealStages().replace("${outcome == 'lost'}",
                "${jdbcTemplate.execute('drop table deal') == null}");
        assertThat(unsafe).isNotEqualTo(dealStages());

        HttpResponse<String> english = deploy(ownerToken, "harmless", Map.of("deal-stages.bpmn", unsafe), null);
        assertThat(english.statusCode()).isEqualTo(400);
        String message = JSON.readTree(english.body()).path("message").asText();
        assertThat(message).startsWith("Not deployed.").contains("jdbcTemplate");

        HttpResponse<String> german = deploy(ownerToken, "harmlos", Map.of("deal-stages.bpmn", unsafe), "de-DE");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(german.body()).path("message").asText()).startsWith("Nicht bereitgestellt.")
                .contains("jdbcTemplate");
        assertThat(latest()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from model_deployment where action = 'MODELER'",
                Integer.class)).isZero();
    }

    @Test
    void aFileOfNoModelClientspaceRunsOrMoreThanOneFileIsRefused() throws Exception {
        String unknown = dealStages().replace("\"deal-stages\"", "\"holiday-planner\"");
        HttpResponse<String> stranger = deploy(ownerToken, "new", Map.of("holiday.bpmn", unknown), null);
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stranger.body()).path("message").asText()).contains("holiday-planner");

        HttpResponse<String> text = deploy(ownerToken, "notes", Map.of("notes.txt", "hello"), null);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(text.body()).path("message").asText()).contains("one .bpmn or .dmn file");

        Map<String, String> two = new LinkedHashMap<>();
        two.put("deal-stages.bpmn", dealStages().replace("P14D", "P21D"));
        two.put("form.form", "{}");
        HttpResponse<String> withAttachment = deploy(ownerToken, "two", two, null);
        assertThat(withAttachment.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(withAttachment.body()).path("message").asText()).contains("2");
    }

    @Test
    void otherStaffCustomersAnonymousCallersAndForgedTokensCannotDeploy() throws Exception {
        int before = latest();
        String file = dealStages().replace("P14D", "P21D");
        SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "manager", "manager");
        SignedInHttp.signIn(app(), Roles.CUSTOMER_REGISTRATION, "customer", "Customer-Demo-1");

        assertThat(deploy(tokenOf(Roles.STAFF_REGISTRATION, "manager"), "x", Map.of("d.bpmn", file), null)
                .statusCode()).as("a manager's token").isEqualTo(403);
        HttpResponse<String> customer = deploy(tokenOf(Roles.CUSTOMER_REGISTRATION, "customer"), "x",
                Map.of("d.bpmn", file), null);
        assertThat(customer.statusCode()).as("a token of the customers' realm").isEqualTo(401);
        HttpResponse<String> anonymous = deploy(null, "x", Map.of("d.bpmn", file), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Bearer"));
        String[] parts = ownerToken.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(deploy(forged, "x", Map.of("d.bpmn", file), null).statusCode()).as("a forged signature")
                .isEqualTo(401);
        assertThat(get("/engine-rest/version", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    void aSignedInBrowserSessionCountsForNothingOnTheEngineApi() throws Exception {
        HttpResponse<String> version = ownerSession.send("GET", app() + "/engine-rest/version");
        assertThat(version.statusCode()).isEqualTo(401);
        HttpResponse<String> create = ownerSession.send("POST", app() + "/engine-rest/deployment/create");
        assertThat(create.statusCode()).isEqualTo(401);
    }

    @Test
    void everyOtherEngineEndpointIsClosedEvenToAProcessOwnersToken() throws Exception {
        Set<Endpoint> open = Set.of(new Endpoint("POST", "/engine-rest/deployment/create"),
                new Endpoint("GET", "/engine-rest/deployment"), new Endpoint("GET", "/engine-rest/version"));
        List<String> reached = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : EngineRestEndpoints.under("/engine-rest", true)) {
            if (open.contains(e)) {
                continue;
            }
            checked++;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app() + e.path()))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + ownerToken)
                    .header("Accept", "application/json");
            boolean withBody = e.method().equals("POST") || e.method().equals("PUT") || e.method().equals("PATCH");
            request.method(e.method(), withBody ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody());
            if (withBody) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 403) {
                reached.add(e + " -> " + response.statusCode());
            }
        }
        assertThat(checked).isGreaterThan(600);
        assertThat(reached).as("engine endpoints a process owner's token reached").isEmpty();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return ModelerRequests.get(app() + path, token);
    }

    private HttpResponse<String> deploy(String token, String name, Map<String, String> files, String language)
            throws Exception {
        return ModelerRequests.deploy(app(), token, name, files, language);
    }
}
