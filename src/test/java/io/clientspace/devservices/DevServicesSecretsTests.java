package io.clientspace.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.ProductionSecrets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every secret the dev services hand out is one a production start refuses: the demo can never go live. */
class DevServicesSecretsTests {

    @Test
    void aProductionStartRefusesEverySecretTheDevServicesUse() {
        List<String> demo = new ArrayList<>(DevServices.DEMO_CLIENT_SECRETS.values());
        demo.add(S3Service.ACCESS_KEY);
        demo.add(S3Service.SECRET_KEY);
        demo.add("postgres");
        demo.add(MailService.INBOX_PASSWORD);
        assertThat(ProductionSecrets.SHIPPED_VALUES).containsAll(demo);
    }

    @Test
    void theDevServicesSetEveryKeycloakSecretTheCheckKnows() {
        List<String> keycloakVariables = ProductionSecrets.SECRETS.stream().map(ProductionSecrets.Secret::variable)
                .filter(v -> v.startsWith("KEYCLOAK_")).toList();
        assertThat(DevServices.DEMO_CLIENT_SECRETS.keySet()).containsExactlyInAnyOrderElementsOf(keycloakVariables);
    }
}
