package io.clientspace.drills;

import io.clientspace.ClientspaceApplication;
import io.clientspace.devservices.DevServices;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One app node of a drill: the whole app (the same {@link ClientspaceApplication} production runs), in this JVM, on
 * its own port, against the drills' own PostgreSQL database, S3 server and SMTP server ({@link DrillServices}) and
 * the run's shared Keycloak and clamd, which no drill stops. Two nodes on one database are two app nodes of one
 * installation. Its engine has its own name, so it never meets the engine of the suite's shared context.
 */
final class DrillNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;

    private DrillNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node; returns once it is ready.
     *
     * @param name     short and unique in the JVM, e.g. "outage-a"
     * @param database a JDBC URL of {@link DrillServices.Postgres#createDatabase}
     */
    static DrillNode start(String name, String database, Map<String, Object> extra) {
        Map<String, Object> p = settings(database);
        p.put("camunda.bpm.process-engine-name", "drill_" + name.replace('-', '_'));
        p.put("camunda.bpm.generate-unique-process-application-name", "true");
        // short retry rounds, so the drills wait seconds rather than minutes
        p.put("clientspace.events.retry-interval", "PT1S");
        p.put("clientspace.events.retry-after", "PT1S");
        p.put("clientspace.events.attempt-timeout", "PT20S");
        p.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClientspaceApplication.class)
                .initializers(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("drill-" + name, p)))
                .run();
        return new DrillNode(name, context);
    }

    /**
     * What points an app node at the drills' servers, on a free port, plus the run's Keycloak and clamd: Spring
     * properties for a node in this JVM, system properties for one in a child JVM.
     */
    static Map<String, Object> settings(String database) {
        DrillServices services = DrillServices.get();
        int port = DrillServices.freePort();
        Map<String, Object> p = new LinkedHashMap<>(DevServices.start(DevServices.Mode.TEST));
        p.put("server.port", port);
        p.put("clientspace.base-url", "http://localhost:" + port);
        p.put("spring.datasource.url", database);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("clientspace.storage.endpoint", services.s3.endpoint());
        p.put("clientspace.storage.public-endpoint", services.s3.endpoint());
        p.put("clientspace.storage.access-key", DrillServices.S3_ACCESS_KEY);
        p.put("clientspace.storage.secret-key", DrillServices.S3_SECRET_KEY);
        p.put("spring.mail.port", services.smtp.port());
        return p;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        context.close();
    }
}
