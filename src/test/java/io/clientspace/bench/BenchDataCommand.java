package io.clientspace.bench;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The data generator as a command on the local dev app:
 * {@code ./mvnw spring-boot:test-run -Dspring-boot.run.arguments=--clientspace.bench.generate=true}, with any
 * volume overridden the same way ({@code --clientspace.bench.large-tasks=20000}, see {@link BenchScale}). It fills
 * the dev database (kept under .devservices/) once the app has started, and the app keeps running, so the large
 * client can be opened in the browser.
 */
@Component
@ConditionalOnProperty("clientspace.bench.generate")
class BenchDataCommand implements ApplicationRunner {

    private final BenchDataGenerator generator;
    private final Environment environment;

    BenchDataCommand(BenchDataGenerator generator, Environment environment) {
        this.generator = generator;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("clientspace.bench.generate", Boolean.class, false)) {
            return;
        }
        GeneratedData data = generator.generate(BenchScale.full().overriddenBy(environment::getProperty));
        System.out.printf("%nBench data %s: large client /clients/company/%s (owner %s), rows %s%n%n", data.marker(),
                data.largeClientId(), data.myTasksUser(), data.rows());
    }
}
