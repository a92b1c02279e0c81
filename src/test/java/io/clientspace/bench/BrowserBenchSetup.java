package io.clientspace.bench;

import io.clientspace.security.KeycloakProperties;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the browser benchmark and the session-memory benchmark (issue 19 §5, §6) set up alike before they open a
 * browser: the bench data, the busy client's contact as an identity that can sign in, the app's address and whether it
 * runs the production build. Only the bench profile's classes use it.
 */
@Component
class BrowserBenchSetup {

    /** The bench data, the contact's username, the app's base URL and whether Vaadin runs in production mode. */
    record Prepared(GeneratedData data, String contact, String baseUrl, boolean production) {

        String workspaceUrl() {
            return baseUrl + "/clients/company/" + data.largeClientId();
        }

        String portalUrl() {
            return baseUrl + "/portal/projects/" + data.sharedProjectId();
        }
    }

    private final BenchDataGenerator generator;
    private final Keycloak customerAdmin;
    private final KeycloakProperties keycloak;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;

    BrowserBenchSetup(BenchDataGenerator generator, @Qualifier("customerAdmin") Keycloak customerAdmin,
                      KeycloakProperties keycloak, JdbcTemplate jdbc, ApplicationContext context) {
        this.generator = generator;
        this.customerAdmin = customerAdmin;
        this.keycloak = keycloak;
        this.jdbc = jdbc;
        this.context = context;
    }

    Prepared prepare() {
        GeneratedData data = BrowserBench.data(generator);
        String contact = BrowserBench.contactIdentity(data, customerAdmin, keycloak);
        return new Prepared(data, contact, "http://localhost:" + port(),
                BrowserBench.productionMode(web().getServletContext()));
    }

    /** The embedded server's port (known once it has started, after this bean was made). */
    int port() {
        return web().getWebServer().getPort();
    }

    /** The app with its embedded server: the benchmarks run with a real port (every test context here does). */
    ServletWebServerApplicationContext web() {
        return (ServletWebServerApplicationContext) context;
    }

    String machine() {
        return BenchHarness.machine(jdbc);
    }
}
