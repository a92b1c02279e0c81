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

/** What a load balancer or uptime monitor gets; what admins get is in security.HealthAccessIntegrationTests. */
@ClientspaceIntegrationTest
class HealthIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void anonymousMonitoringSeesOnlyWhetherTheAppIsUp() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readValue(response.body(), Map.class))
                .as("which part is down, and why, is for admins").isEqualTo(Map.of("status", "UP"));
    }
}
