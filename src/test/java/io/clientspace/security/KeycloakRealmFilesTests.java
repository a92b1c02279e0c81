package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The realm files in keycloak/ are what a firm imports into its production Keycloak. These checks read them as
 * Keycloak will and hold them to issue 18's rules: no users and no secrets in the base realms, least privilege for
 * the admin API, exact redirect URIs, a staff password policy, OTP for privileged roles, audit events, and no
 * self-service change of who someone is.
 */
class KeycloakRealmFilesTests {

    static final Path REALMS = Path.of("keycloak");
    static final Path DEV_USERS = REALMS.resolve("dev");
    static final String STAFF = "clientspace-staff";
    static final String CUSTOMERS = "clientspace-customers";
    static final String ADMIN_API = "clientspace-admin-api";
    static final Pattern WHOLE_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    static Map<String, JsonNode> realms = new LinkedHashMap<>();
    static Map<String, Object> keycloakConfig;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(REALMS)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-realm.json")).sorted().toList()) {
                JsonNode realm = new ObjectMapper().readTree(f.toFile());
                assertThat(f.getFileName().toString()).as("Keycloak imports <realm>-realm.json")
                        .isEqualTo(realm.path("realm").asText() + "-realm.json");
                realms.put(realm.path("realm").asText(), realm);
            }
        }
        assertThat(realms).containsOnlyKeys(STAFF, CUSTOMERS);
        Map<String, Object> yml = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
        keycloakConfig = map(map(yml.get("clientspace")).get("keycloak"));
    }

    // ------------------------------------------------------------------------------------------ users and secrets

    @Test
    void theBaseRealmsHoldNoPeopleOnlyTheAdminApisServiceAccount() {
        realms.forEach((name, realm) -> {
            for (JsonNode user : realm.path("users")) {
                assertThat(user.path("serviceAccountClientId").asText()).as("user %s in base realm %s: people belong"
                        + " in keycloak/dev/", user.path("username").asText(), name).isEqualTo(ADMIN_API);
                assertThat(user.has("credentials")).as("credentials of %s", user.path("username").asText()).isFalse();
            }
            assertThat(realm.path("users")).as("service accounts in %s", name).hasSize(1);
        });
    }

    @Test
    void theDemoUsersLiveInDevOnlyFilesKeycloakImportsIntoTheirRealm() throws IOException {
        Map<String, Set<String>> expected = Map.of(STAFF, Set.of("admin", "manager", "jonas", "member", "process"),
                CUSTOMERS, Set.of("customer", "customer2"));
        for (String realm : realms.keySet()) {
            // Keycloak's directory import reads <realm>-users-<n>.json after it creates <realm>
            Path file = DEV_USERS.resolve(realm + "-users-0.json");
            assertThat(file).as("dev users of %s", realm).exists();
            JsonNode users = new ObjectMapper().readTree(file.toFile());
            assertThat(users.path("realm").asText()).isEqualTo(realm);
            Set<String> names = new TreeSet<>();
            for (JsonNode user : users.path("users")) {
                names.add(user.path("username").asText());
                // Keycloak refuses a sign-in when one of these is missing
                assertThat(user.path("email").asText()).as("email of %s", user).isNotBlank();
                assertThat(user.path("firstName").asText()).as("firstName of %s", user).isNotBlank();
                assertThat(user.path("lastName").asText()).as("lastName of %s", user).isNotBlank();
                assertThat(user.path("emailVerified").asBoolean()).as("emailVerified of %s", user).isTrue();
            }
            assertThat(names).as("demo users of %s", realm).containsExactlyInAnyOrderElementsOf(expected.get(realm));
        }
        try (Stream<Path> top = Files.list(REALMS)) {
            assertThat(top.map(p -> p.getFileName().toString()).filter(n -> n.contains("-users-")))
                    .as("user files next to the base realms would be imported in production").isEmpty();
        }
    }

    @Test
    void everyClientSecretIsAnEnvironmentVariableWithoutADefault() {
        int secrets = 0;
        for (var entry : realms.entrySet()) {
            for (JsonNode client : entry.getValue().path("clients")) {
                if (client.path("publicClient").asBoolean(false)) {
                    continue;
                }
                String secret = client.path("secret").asText();
                assertThat(secret).as("secret of %s in %s: ${VARIABLE} and nothing else, so no demo value ships",
                        client.path("clientId").asText(), entry.getKey()).matches(WHOLE_PLACEHOLDER);
                secrets++;
            }
        }
        assertThat(secrets).as("confidential clients").isEqualTo(4);
    }

    // ------------------------------------------------------------------------------------------ clients

    @Test
    void theAdminApiHasItsOwnServiceClientWithOnlyTheRightsProvisioningNeeds() {
        Map<String, Set<String>> rights = Map.of(
                STAFF, Set.of("view-users", "query-users", "query-groups", "manage-users", "view-realm"),
                CUSTOMERS, Set.of("view-users", "query-users", "manage-users", "view-realm"));
        realms.forEach((name, realm) -> {
            JsonNode client = client(realm, ADMIN_API);
            assertThat(client.path("publicClient").asBoolean(true)).as("%s is confidential", ADMIN_API).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean(true)).as("no browser sign-in").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
            assertThat(strings(client.path("redirectUris"))).isEmpty();

            JsonNode account = serviceAccount(realm, ADMIN_API);
            assertThat(strings(account.path("clientRoles").path("realm-management")))
                    .as("realm-management roles of %s in %s", ADMIN_API, name)
                    .containsExactlyInAnyOrderElementsOf(rights.get(name));
            assertThat(account.path("realmRoles").isMissingNode() || account.path("realmRoles").isEmpty()).isTrue();
            assertThat(account.path("clientRoles").size()).as("only realm-management roles").isEqualTo(1);
        });
    }

    @Test
    void theBrowserSignInClientsHaveNoServiceAccountAndNoPasswordGrant() {
        for (JsonNode client : loginClients()) {
            String id = client.path("clientId").asText();
            assertThat(client.path("serviceAccountsEnabled").asBoolean(true)).as("service account of %s", id).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as("password grant of %s", id)
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(true)).as("implicit flow of %s", id).isFalse();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as("code flow of %s", id).isTrue();
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
            realms.values().forEach(realm -> assertThat(serviceAccountOrNull(realm, id)).as("service account user"
                    + " of %s", id).isNull());
        }
    }

    @Test
    void theAppUsesTheAdminClientForTheAdminApiAndTheLoginClientsForSignIn() {
        assertThat(keycloakConfig.get("staff-admin-client-id")).isEqualTo(ADMIN_API);
        assertThat(keycloakConfig.get("customer-admin-client-id")).isEqualTo(ADMIN_API);
        assertThat(client(realms.get(STAFF), String.valueOf(keycloakConfig.get("staff-client-id")))
                .path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client(realms.get(CUSTOMERS), String.valueOf(keycloakConfig.get("customer-client-id")))
                .path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(keycloakConfig.get("staff-client-id")).isNotEqualTo(ADMIN_API);
        assertThat(keycloakConfig.get("customer-client-id")).isNotEqualTo(ADMIN_API);
    }

    @Test
    void keycloakEndsSignInsInTheAppThroughTheBackChannelWithTheSessionId() {
        Map<String, String> backChannel = Map.of(
                "clientspace-app", "${APP_BASE_URL}/logout/connect/back-channel/" + Roles.STAFF_REGISTRATION,
                "clientspace-portal", "${APP_BASE_URL}/logout/connect/back-channel/" + Roles.CUSTOMER_REGISTRATION);
        for (JsonNode client : loginClients()) {
            String id = client.path("clientId").asText();
            JsonNode attributes = client.path("attributes");
            assertThat(attributes.path("backchannel.logout.url").asText()).as("back-channel logout of %s", id)
                    .isEqualTo(backChannel.get(id));
            assertThat(attributes.path("backchannel.logout.session.required").asText()).as("sid in the token of %s", id)
                    .isEqualTo("true");
            assertThat(client.path("frontchannelLogout").asBoolean(true)).as("front-channel logout of %s", id)
                    .isFalse();
        }
    }

    @Test
    void redirectAndPostLogoutUrisAreExactAddressesOfTheApp() {
        Map<String, List<String>> redirects = Map.of(
                "clientspace-app", List.of("${APP_BASE_URL}/login/oauth2/code/staff", "${APP_BASE_URL}/"),
                "clientspace-portal", List.of("${APP_BASE_URL}/login/oauth2/code/customers",
                        "${APP_BASE_URL}/portal"));
        Map<String, List<String>> postLogout = Map.of(
                "clientspace-app", List.of("${APP_BASE_URL}/"),
                "clientspace-portal", List.of("${APP_BASE_URL}/portal"));
        for (JsonNode client : loginClients()) {
            String id = client.path("clientId").asText();
            assertThat(strings(client.path("redirectUris"))).as("redirect URIs of %s", id)
                    .containsExactlyInAnyOrderElementsOf(redirects.get(id));
            List<String> logout = Arrays.asList(client.path("attributes").path("post.logout.redirect.uris").asText()
                    .split("##"));
            assertThat(logout).as("post-logout URIs of %s", id).containsExactlyInAnyOrderElementsOf(postLogout.get(id));
            for (String origin : strings(client.path("webOrigins"))) {
                assertThat(origin).as("web origin of %s", id).isEqualTo("${APP_BASE_URL}");
            }
        }
        // ...and no wildcard anywhere a client lists addresses
        realms.forEach((name, realm) -> {
            for (JsonNode client : realm.path("clients")) {
                List<String> addresses = new ArrayList<>(strings(client.path("redirectUris")));
                addresses.addAll(strings(client.path("webOrigins")));
                addresses.addAll(Arrays.asList(client.path("attributes").path("post.logout.redirect.uris").asText("")
                        .split("##")));
                assertThat(addresses).as("addresses of %s in %s", client.path("clientId").asText(), name)
                        .noneMatch(a -> a.contains("*") || a.equals("+"));
            }
        });
    }

    @Test
    void adminCliHasNoPasswordGrantInTheAppRealms() {
        realms.forEach((name, realm) -> {
            JsonNode cli = client(realm, "admin-cli");
            assertThat(cli.path("directAccessGrantsEnabled").asBoolean(true)).as("admin-cli in %s", name).isFalse();
            assertThat(cli.path("serviceAccountsEnabled").asBoolean(false)).isFalse();
        });
    }

    // ------------------------------------------------------------------------------------------ sign-in rules

    @Test
    void staffPasswordsFollowAPolicy() {
        String policy = realms.get(STAFF).path("passwordPolicy").asText();
        Matcher length = Pattern.compile("(?<!max)length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).as("staff password policy %s has a length", policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy).contains("notUsername", "notEmail", "passwordHistory");
        assertThat(realms.get(STAFF).path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realms.get(CUSTOMERS).path("passwordPolicy").asText()).contains("length(10)", "notUsername");
    }

    @Test
    void adminsAndProcessOwnersMustUseAOneTimeCodeUnlessTheDevServicesSayOtherwise() {
        JsonNode staff = realms.get(STAFF);
        // ${KEYCLOAK_STAFF_BROWSER_FLOW:<default>}: production takes the default, the dev services set "browser"
        Matcher binding = Pattern.compile("\\$\\{KEYCLOAK_STAFF_BROWSER_FLOW:([^}]+)}")
                .matcher(staff.path("browserFlow").asText());
        assertThat(binding.matches()).as("browserFlow %s", staff.path("browserFlow").asText()).isTrue();
        JsonNode flow = flow(staff, binding.group(1));
        assertThat(flow.path("topLevel").asBoolean()).isTrue();
        assertThat(flow(staff, "browser")).as("the built-in flow the dev services choose").isNotNull();

        // somewhere under the production flow: a REQUIRED OTP form in a CONDITIONAL sub-flow on role otp-required
        List<JsonNode> conditional = new ArrayList<>();
        collect(staff, flow, conditional);
        JsonNode otpFlow = conditional.stream().filter(f -> executions(f).stream().anyMatch(
                e -> "conditional-user-role".equals(e.path("authenticator").asText()))).findFirst().orElseThrow();
        JsonNode condition = executions(otpFlow).stream()
                .filter(e -> "conditional-user-role".equals(e.path("authenticator").asText())).findFirst()
                .orElseThrow();
        JsonNode config = StreamSupport.stream(staff.path("authenticatorConfig").spliterator(), false)
                .filter(c -> c.path("alias").asText().equals(condition.path("authenticatorConfig").asText()))
                .findFirst().orElseThrow();
        assertThat(config.path("config").path("condUserRole").asText()).isEqualTo("otp-required");
        assertThat(config.path("config").path("negate").asText("false")).isEqualTo("false");
        assertThat(executions(otpFlow)).anyMatch(e -> "auth-otp-form".equals(e.path("authenticator").asText())
                && "REQUIRED".equals(e.path("requirement").asText()));

        Map<String, JsonNode> roles = new LinkedHashMap<>();
        staff.path("roles").path("realm").forEach(r -> roles.put(r.path("name").asText(), r));
        for (String privileged : List.of("admin", "process-owner")) {
            assertThat(strings(roles.get(privileged).path("composites").path("realm"))).as(privileged)
                    .contains("otp-required");
        }
        for (String plain : List.of("manager", "member")) {
            assertThat(strings(roles.get(plain).path("composites").path("realm"))).as(plain)
                    .doesNotContain("otp-required");
        }
    }

    @Test
    void signInsAndAdminChangesAreRecordedAndKeptForALimitedTime() {
        realms.forEach((name, realm) -> {
            assertThat(realm.path("eventsEnabled").asBoolean()).as("login events in %s", name).isTrue();
            assertThat(realm.path("adminEventsEnabled").asBoolean()).as("admin events in %s", name).isTrue();
            long expiration = realm.path("eventsExpiration").asLong();
            assertThat(expiration).as("eventsExpiration of %s in seconds", name).isBetween(86_400L * 30,
                    86_400L * 400);
            assertThat(Long.parseLong(realm.path("attributes").path("adminEventsExpiration").asText("0")))
                    .as("adminEventsExpiration of %s", name).isBetween(86_400L * 30, 86_400L * 400);
        });
    }

    @Test
    void customersCannotChangeTheirEmailAndStaffCannotRenameThemselves() throws IOException {
        JsonNode customers = realms.get(CUSTOMERS);
        assertThat(customers.path("verifyEmail").asBoolean()).isTrue();
        assertThat(editors(customers, "email")).as("who may edit a customer's e-mail").containsExactly("admin");
        assertThat(editors(customers, "username")).containsExactly("admin");
        assertThat(editors(customers, "customer_id")).containsExactly("admin");
        assertThat(customers.path("editUsernameAllowed").asBoolean(true)).isFalse();

        JsonNode staff = realms.get(STAFF);
        assertThat(staff.path("editUsernameAllowed").asBoolean(true)).isFalse();
        for (String attribute : List.of("username", "firstName", "lastName", "email")) {
            assertThat(editors(staff, attribute)).as("who may edit a staff member's %s", attribute)
                    .containsExactly("admin");
        }
        realms.forEach((name, realm) -> assertThat(realm.path("registrationAllowed").asBoolean(true))
                .as("self-registration in %s", name).isFalse());
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<JsonNode> loginClients() {
        return List.of(client(realms.get(STAFF), "clientspace-app"), client(realms.get(CUSTOMERS),
                "clientspace-portal"));
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId + " in realm " + realm.path("realm").asText());
    }

    static JsonNode serviceAccountOrNull(JsonNode realm, String clientId) {
        for (JsonNode u : realm.path("users")) {
            if (clientId.equals(u.path("serviceAccountClientId").asText())) {
                return u;
            }
        }
        return null;
    }

    static JsonNode serviceAccount(JsonNode realm, String clientId) {
        JsonNode account = serviceAccountOrNull(realm, clientId);
        assertThat(account).as("service account of %s in %s", clientId, realm.path("realm").asText()).isNotNull();
        return account;
    }

    static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode f : realm.path("authenticationFlows")) {
            if (alias.equals(f.path("alias").asText())) {
                return f;
            }
        }
        throw new AssertionError("no flow '" + alias + "' in " + realm.path("realm").asText());
    }

    static List<JsonNode> executions(JsonNode flow) {
        return StreamSupport.stream(flow.path("authenticationExecutions").spliterator(), false).toList();
    }

    /** The CONDITIONAL sub-flows reachable from a flow through REQUIRED/ALTERNATIVE/CONDITIONAL steps. */
    static void collect(JsonNode realm, JsonNode flow, List<JsonNode> conditional) {
        for (JsonNode e : executions(flow)) {
            if (e.hasNonNull("flowAlias") && !"DISABLED".equals(e.path("requirement").asText())) {
                JsonNode sub = flow(realm, e.path("flowAlias").asText());
                if ("CONDITIONAL".equals(e.path("requirement").asText())) {
                    conditional.add(sub);
                }
                collect(realm, sub, conditional);
            }
        }
    }

    static List<String> editors(JsonNode realm, String attribute) throws IOException {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        JsonNode profile = new ObjectMapper().readTree(provider.path("config").path("kc.user.profile.config").path(0)
                .asText());
        for (JsonNode a : profile.path("attributes")) {
            if (attribute.equals(a.path("name").asText())) {
                return strings(a.path("permissions").path("edit"));
            }
        }
        throw new AssertionError("no attribute " + attribute + " in the user profile of " + realm.path("realm"));
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
