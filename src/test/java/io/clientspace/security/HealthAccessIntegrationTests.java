package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The health page names its parts, and why one is down, to admins only. */
@ClientspaceIntegrationTest
class HealthAccessIntegrationTests {

    @LocalServerPort
    int port;

    String app() {
        return "http://localhost:" + port;
    }

    @Test
    void adminsSeeDatabaseEngineStorageAndKeycloak() throws Exception {
        var admin = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "admin", "admin");
        var response = admin.send("GET", app() + "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>)
                new ObjectMapper().readValue(response.body(), Map.class).get("components");
        for (String component : new String[] {"db", "processEngine", "objectStorage", "keycloak"}) {
            assertThat(components).containsKey(component);
            assertThat(components.get(component).get("status")).as(component).isEqualTo("UP");
        }
    }

    @Test
    void aManagerSeesOnlyWhetherTheAppIsUp() throws Exception {
        var manager = SignedInHttp.signIn(app(), Roles.STAFF_REGISTRATION, "manager", "manager");
        var response = manager.send("GET", app() + "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readValue(response.body(), Map.class)).isEqualTo(Map.of("status", "UP"));
    }
}
