package io.clientspace.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Refuses to start a production app with a secret that is unset or that anyone can read in this repository. The
 * check runs once every initializer has filled the environment and before the first bean (the data source, the
 * Keycloak clients) is made, and names the variable to set. Only the dev services set {@value #DEV_MODE}, for the
 * demo secrets they give their own local servers; nothing else turns the check off. See
 * docs/decisions/DD008-threat-model.md.
 */
public final class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    /** Set to true by the dev services only: the local run and the tests use demo secrets on purpose. */
    public static final String DEV_MODE = "clientspace.dev-mode";

    /** A secret the app reads, and the environment variable a firm sets it with. */
    public record Secret(String property, String variable) {
    }

    public static final List<Secret> SECRETS = List.of(
            new Secret("clientspace.keycloak.staff-client-secret", "KEYCLOAK_STAFF_CLIENT_SECRET"),
            new Secret("clientspace.keycloak.customer-client-secret", "KEYCLOAK_CUSTOMERS_CLIENT_SECRET"),
            new Secret("clientspace.keycloak.staff-admin-client-secret", "KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET"),
            new Secret("clientspace.keycloak.customer-admin-client-secret", "KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET"),
            new Secret("spring.datasource.password", "DB_PASSWORD"),
            new Secret("clientspace.storage.access-key", "S3_ACCESS_KEY"),
            new Secret("clientspace.storage.secret-key", "S3_SECRET_KEY"),
            new Secret("clientspace.evidence.hmac-key", "EVIDENCE_HMAC_KEY"));

    /**
     * Values that were ever shipped in this repository (application.yml defaults, the dev services, docker-compose,
     * .env.example) or that a hurried operator types; compared without case.
     */
    public static final Set<String> SHIPPED_VALUES = Set.of("clientspace-staff-secret", "clientspace-customers-secret",
            "clientspace-staff-admin-secret", "clientspace-customers-admin-secret", "clientspace",
            "clientspace-secret", "postgres", "admin", "minioadmin", "secret", "password", "changeme", "change-me",
            "dev-services-only-evidence-hmac-key-not-for-production", "clientspace-inbox-dev-password");

    /** Secrets needed only while a feature is on: the feature's switch, and the secret. */
    public static final List<Secret> SECRETS_WHEN_ENABLED = List.of(
            new Secret("clientspace.mail-inbox.imap.password", "MAIL_IMAP_PASSWORD"));
    private static final List<String> SWITCHES = List.of("clientspace.mail-inbox.imap.enabled");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Throws, naming every variable to set, unless in dev mode or every secret is set to an unshipped value. */
    public static void check(PropertyResolver environment) {
        if (environment.getProperty(DEV_MODE, Boolean.class, false)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Clientspace will not start with these secrets: " + String.join("; ",
                    problems) + ". Set them in the environment (see .env.example and the README's"
                    + " \"Going to production\").");
        }
    }

    /** One line per secret that is unset or shipped in the repository; empty when all are fine. */
    static List<String> problems(PropertyResolver environment) {
        List<String> problems = new ArrayList<>();
        List<Secret> required = new ArrayList<>(SECRETS);
        for (int i = 0; i < SECRETS_WHEN_ENABLED.size(); i++) {
            if (environment.getProperty(SWITCHES.get(i), Boolean.class, false)) {
                required.add(SECRETS_WHEN_ENABLED.get(i));
            }
        }
        for (Secret secret : required) {
            String value = environment.getProperty(secret.property());
            if (value == null || value.isBlank()) {
                problems.add(secret.variable() + " is not set");
            } else if (SHIPPED_VALUES.contains(value.trim().toLowerCase(Locale.ROOT))) {
                problems.add(secret.variable() + " is a demo value published in the Clientspace repository");
            }
        }
        return problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
