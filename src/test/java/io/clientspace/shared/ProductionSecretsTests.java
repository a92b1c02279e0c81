package io.clientspace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.shared.ProductionSecrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

/** A production start refuses every secret that is unset or published in this repository, and names its variable. */
class ProductionSecretsTests {

    static Stream<Secret> secrets() {
        return ProductionSecrets.SECRETS.stream();
    }

    /** Every secret set to a value nobody has seen. */
    static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        for (Secret secret : ProductionSecrets.SECRETS) {
            env.setProperty(secret.property(), "s3cr3t-" + secret.variable().toLowerCase() + "-9f2c71");
        }
        return env;
    }

    @Test
    void startsWhenEverySecretIsSetToItsOwnValue() {
        assertThatCode(() -> ProductionSecrets.check(production())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void refusesAnUnsetSecretAndNamesItsVariable(Secret secret) {
        MockEnvironment env = production();
        env.setProperty(secret.property(), "");
        assertThatThrownBy(() -> ProductionSecrets.check(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(secret.variable() + " is not set");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void refusesAMissingSecretAndNamesItsVariable(Secret secret) {
        MockEnvironment env = new MockEnvironment();
        ProductionSecrets.SECRETS.stream().filter(s -> !s.equals(secret))
                .forEach(s -> env.setProperty(s.property(), "s3cr3t-" + s.variable().toLowerCase() + "-9f2c71"));
        assertThatThrownBy(() -> ProductionSecrets.check(env)).hasMessageContaining(secret.variable() + " is not set")
                .hasMessageNotContaining("is a demo value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void refusesEveryValueShippedInTheRepositoryAndNamesTheVariable(Secret secret) {
        for (String shipped : ProductionSecrets.SHIPPED_VALUES) {
            MockEnvironment env = production();
            env.setProperty(secret.property(), " " + shipped.toUpperCase() + " ");
            assertThatThrownBy(() -> ProductionSecrets.check(env)).as(shipped)
                    .hasMessageContaining(secret.variable() + " is a demo value");
        }
    }

    @Test
    void namesEveryOffendingVariableAtOnce() {
        assertThatThrownBy(() -> ProductionSecrets.check(new MockEnvironment()))
                .hasMessageContainingAll(ProductionSecrets.SECRETS.stream().map(Secret::variable)
                        .toArray(String[]::new));
    }

    @Test
    void theImapPasswordIsRequiredOnlyWhileTheMailboxIsRead() {
        assertThatCode(() -> ProductionSecrets.check(production().withProperty("clientspace.mail-inbox.imap.enabled",
                "false"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProductionSecrets.check(production()
                .withProperty("clientspace.mail-inbox.imap.enabled", "true")))
                .hasMessageContaining("MAIL_IMAP_PASSWORD is not set");
        assertThatThrownBy(() -> ProductionSecrets.check(production()
                .withProperty("clientspace.mail-inbox.imap.enabled", "true")
                .withProperty("clientspace.mail-inbox.imap.password", "clientspace-inbox-dev-password")))
                .hasMessageContaining("MAIL_IMAP_PASSWORD is a demo value");
        assertThatCode(() -> ProductionSecrets.check(production()
                .withProperty("clientspace.mail-inbox.imap.enabled", "true")
                .withProperty("clientspace.mail-inbox.imap.password", "imap-7c1e9a-own")))
                .doesNotThrowAnyException();
    }

    @Test
    void theDevServicesModeSkipsTheCheck() {
        MockEnvironment env = new MockEnvironment().withProperty(ProductionSecrets.DEV_MODE, "true");
        assertThatCode(() -> ProductionSecrets.check(env)).doesNotThrowAnyException();
        MockEnvironment notDev = new MockEnvironment().withProperty(ProductionSecrets.DEV_MODE, "false");
        assertThatThrownBy(() -> ProductionSecrets.check(notDev)).isInstanceOf(IllegalStateException.class);
    }

    /** The check names the variable the firm sets: application.yml must read that variable, with no demo default. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void applicationYmlReadsTheNamedVariableWithoutADefault(Secret secret) throws IOException {
        String text = Files.readString(Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8);
        Object node = new Yaml().load(text);
        for (String key : secret.property().split("\\.")) {
            node = ((Map<?, ?>) node).get(key);
            assertThat(node).as("%s in application.yml", secret.property()).isNotNull();
        }
        assertThat(String.valueOf(node)).as(secret.property()).isIn("${" + secret.variable() + "}",
                "${" + secret.variable() + ":}");
    }
}
