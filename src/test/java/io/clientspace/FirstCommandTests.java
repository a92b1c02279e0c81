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
 * drill's child JVM): the first command was broken that way until the pom named the main class.
 */
class FirstCommandTests {

    @Test
    void theDevRunIsToldToStartTheAppWithItsDevServices() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher named = Pattern.compile("<spring-boot\\.run\\.main-class>([^<]+)</spring-boot\\.run\\.main-class>")
                .matcher(pom);
        assertThat(named.find()).as("pom.xml names the main class spring-boot:test-run starts").isTrue();
        Class<?> main = Class.forName(named.group(1).trim());
        assertThat(main).isEqualTo(TestClientspaceApplication.class);
        assertThat(Modifier.isStatic(main.getMethod("main", String[].class).getModifiers())).isTrue();
        assertThat(pom).as("the packaged jar keeps its own main class: nothing pins repackage to the test one")
                .doesNotContain("<mainClass>io.clientspace.TestClientspaceApplication</mainClass>");
    }
}
