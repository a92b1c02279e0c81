package io.clientspace.bench;

import io.clientspace.ClientspaceApplication;
import io.clientspace.devservices.DevServicesInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;

/**
 * The app and the bench data the JMH benchmarks ({@link WorkspaceJmh}) run against, one per JVM. In the default
 * in-process run ({@code -Dbench.forks=0}) {@link WorkspaceBenchmark} registers the test context it generated the data
 * in; in a JMH fork of its own ({@code -Dbench.forks=1}) nothing is registered, so the first benchmark state starts
 * the same application context the integration tests use, dev services included ({@link DevServicesInitializer} in
 * TEST mode, as {@code @ClientspaceIntegrationTest} does), and generates the data there (DD037).
 */
public final class BenchNode {

    private static final Logger log = LoggerFactory.getLogger(BenchNode.class);
    private static BenchNode current;

    private final ApplicationContext context;
    private final GeneratedData data;

    private BenchNode(ApplicationContext context, GeneratedData data) {
        this.context = context;
        this.data = data;
    }

    /** Makes this JVM's benchmarks run against a context and data that already exist. */
    public static synchronized void register(ApplicationContext context, GeneratedData data) {
        current = new BenchNode(context, data);
    }

    public static synchronized void clear() {
        current = null;
    }

    /** The registered node, or a new one: the test application with its dev services and freshly generated data. */
    public static synchronized BenchNode get() {
        if (current == null) {
            long t0 = System.nanoTime();
            ApplicationContext context = new SpringApplicationBuilder(ClientspaceApplication.class)
                    .initializers(new DevServicesInitializer())
                    .run();
            GeneratedData data = context.getBean(BenchDataGenerator.class)
                    .generate(BenchScale.full().overriddenBySystemProperties());
            log.info("Bench node started with data {} in {} s", data.marker(), (System.nanoTime() - t0) / 1e9);
            current = new BenchNode(context, data);
        }
        return current;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ApplicationContext context() {
        return context;
    }

    public GeneratedData data() {
        return data;
    }
}
