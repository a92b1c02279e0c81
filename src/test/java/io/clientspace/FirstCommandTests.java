package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./mvnw spring-boot:test-run}. The Spring Boot plugin refuses to start when the
 * classes hold more than one main method and none is named, and the test classes hold two (this app and the kill
 * drill's child JVM): the first command was broken that way until the pom named the main class, for the goals typed
 * on the command line only.
 */
class FirstCommandTests {

    @Test
    void theDevRunIsToldToStartTheAppWithItsDevServices() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        // the configuration of the goals typed on the command line (Maven's default-cli execution)
        Matcher named = Pattern.compile("<id>default-cli</id>\\s*<configuration>\\s*<mainClass>([^<]+)</mainClass>")
                .matcher(pom);
        assertThat(named.find()).as("pom.xml names the main class spring-boot:test-run starts").isTrue();
        Class<?> main = Class.forName(named.group(1).trim());
        assertThat(main).isEqualTo(TestClientspaceApplication.class);
        assertThat(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers())).isTrue();
        // the Spring Boot parent hands this property to repackage as well: set, it would make the jar start the test
        // runner, which the jar does not hold (.ci/run checks the jar's Start-Class)
        assertThat(pom).as("nothing pins the packaged jar to the test runner")
                .doesNotContain("<spring-boot.run.main-class>").doesNotContain("<start-class>");
    }
}
