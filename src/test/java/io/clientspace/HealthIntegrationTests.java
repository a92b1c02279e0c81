package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.support.ClientspaceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.ObjectMapper;

@ClientspaceIntegrationTest
class HealthIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void healthReportsDatabaseEngineStorageAndKeycloakToAnonymousMonitoring() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>)
                new ObjectMapper().readValue(response.body(), Map.class).get("components");
        for (String component : new String[] {"db", "processEngine", "objectStorage", "keycloak"}) {
            assertThat(components).containsKey(component);
            assertThat(components.get(component).get("status")).as(component).isEqualTo("UP");
        }
    }
}
