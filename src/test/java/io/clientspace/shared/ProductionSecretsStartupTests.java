package io.clientspace.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.ClientspaceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The check is wired into the real app: started without the dev services and with demo secrets, Clientspace stops
 * before it makes a single bean (no database, Keycloak or S3 is needed to see it refuse).
 */
class ProductionSecretsStartupTests {

    @Test
    void theAppRefusesToStartWithoutSecretsAndNamesEveryVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ClientspaceApplication.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off")
                // empty, whatever this machine's environment holds
                .run(ProductionSecrets.SECRETS.stream().map(s -> "--" + s.property() + "=").toArray(String[]::new)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(ProductionSecrets.SECRETS.stream().map(s -> s.variable() + " is not set")
                        .toArray(String[]::new));
    }

    @Test
    void theAppRefusesToStartWithTheDemoSecretsAndNamesTheVariables() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ClientspaceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                // as command-line arguments: above application.yml, like the environment variables it reads
                .run("--clientspace.keycloak.staff-client-secret=clientspace-staff-secret",
                        "--clientspace.keycloak.customer-client-secret=a-real-one-4b1f9c",
                        "--clientspace.keycloak.staff-admin-client-secret=a-real-one-77aa01",
                        "--clientspace.keycloak.customer-admin-client-secret=a-real-one-0c0ffe",
                        "--spring.datasource.password=clientspace",
                        "--clientspace.storage.access-key=clientspace",
                        "--clientspace.storage.secret-key=a-real-one-9e9e9e"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEYCLOAK_STAFF_CLIENT_SECRET is a demo value")
                .hasMessageContaining("DB_PASSWORD is a demo value")
                .hasMessageContaining("S3_ACCESS_KEY is a demo value")
                .hasMessageNotContaining("KEYCLOAK_CUSTOMERS_CLIENT_SECRET")
                .hasMessageNotContaining("S3_SECRET_KEY");
    }
}
