package io.clientspace.devservices;

import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Keycloak server (keycloak-quarkus-dist from Maven Central), unpacked once and started as a child process
 * with the realm files from keycloak/ imported. RUN mode keeps its H2 data across restarts and wipes it only when
 * the realm files change; TEST mode uses an in-memory database, so every test run starts from the realm files.
 */
public final class KeycloakService implements AutoCloseable {

    static final int RUN_PORT = 8180;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final DevServices.Mode mode;
    private final Path install;
    private final Path realms;
    private final int port;
    private final int managementPort;
    private Process process;
    private long launchedAt;
    private double startSeconds;

    private final int smtpPort;
    private final String appBaseUrl;

    KeycloakService(DevServices.Mode mode, Path home, Path realms, int smtpPort, String appBaseUrl) {
        this.smtpPort = smtpPort;
        this.appBaseUrl = appBaseUrl;
        this.mode = mode;
        String version = System.getProperty("clientspace.keycloak.version", versionFromZip());
        this.install = home.resolve("keycloak-" + version);
        this.realms = realms;
        this.port = mode == DevServices.Mode.RUN ? RUN_PORT : Ports.free();
        this.managementPort = mode == DevServices.Mode.RUN ? RUN_PORT + 1000 : Ports.free();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    double startSeconds() {
        return startSeconds;
    }

    void launch() {
        try {
            unpackIfMissing();
            importRealms();
            installThemes();
            List<String> command = new ArrayList<>(List.of(install.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + managementPort, "--import-realm",
                    "--health-enabled=true", "--cache=local"));
            if (mode == DevServices.Mode.TEST) {
                command.add("--db=dev-mem");
            }
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(install.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(install.resolve("keycloak.log").toFile());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            // the realm files read these: Keycloak's own mails (password reset) go to the same sandbox
            pb.environment().put("SMTP_HOST", "127.0.0.1");
            pb.environment().put("SMTP_PORT", String.valueOf(smtpPort));
            pb.environment().putAll(realmVariables());
            launchedAt = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** Waits until both realms answer, or fails with the end of Keycloak's log. */
    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI probe = URI.create(url() + "/realms/clientspace-customers/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    startSeconds = (System.nanoTime() - launchedAt) / 1e9;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + ":\n" + logTail());
    }

    private void unpackIfMissing() throws IOException {
        Path marker = install.resolve(".unpacked");
        if (Files.exists(marker)) {
            return;
        }
        Path zip = distZip();
        Path tmp = install.resolveSibling(install.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                // entries start with keycloak-<version>/
                String name = e.getName().substring(e.getName().indexOf('/') + 1);
                if (name.isEmpty()) {
                    continue;
                }
                Path target = tmp.resolve(name).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("Bad zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        deleteTree(install);
        Files.move(tmp, install);
        Files.writeString(marker, zip.toString());
    }

    /**
     * What the realm files read from the environment, beyond mail: the demo client secrets, the app's address for the
     * exact redirect URIs, and the plain browser flow. The realm's default flow asks admins and process owners for a
     * one-time code (set up on their first sign-in); the demo users and the browser tests sign in with a password
     * only, so the dev services, and only they, choose Keycloak's built-in flow.
     */
    private java.util.Map<String, String> realmVariables() {
        java.util.Map<String, String> env = new java.util.TreeMap<>(DevServices.DEMO_CLIENT_SECRETS);
        env.put("APP_BASE_URL", appBaseUrl);
        env.put("KEYCLOAK_STAFF_BROWSER_FLOW", "browser");
        return env;
    }

    /** Our themes (keycloak/themes/*) go where Keycloak looks for them, fresh on every start. */
    private void installThemes() throws IOException {
        Path ours = realms.resolve("themes");
        if (!Files.isDirectory(ours)) {
            return;
        }
        try (Stream<Path> themes = Files.list(ours)) {
            for (Path theme : themes.filter(Files::isDirectory).toList()) {
                Path target = install.resolve("themes").resolve(theme.getFileName().toString());
                deleteTree(target);
                try (Stream<Path> files = Files.walk(theme)) {
                    for (Path f : files.toList()) {
                        Path to = target.resolve(theme.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            }
        }
    }

    /**
     * Copies the base realms (keycloak/*.json) and the demo users (keycloak/dev/*-users-0.json, which Keycloak imports
     * into a realm it has just created) into data/import; in RUN mode wipes stored realms when the files or the
     * variables they read changed.
     */
    private void importRealms() throws IOException {
        Path importDir = install.resolve("data/import");
        deleteTree(importDir);
        Files.createDirectories(importDir);
        MessageDigest digest = sha256();
        for (Path dir : List.of(realms, realms.resolve("dev"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    Files.copy(f, importDir.resolve(f.getFileName()));
                    digest.update(Files.readAllBytes(f));
                }
            }
        }
        digest.update(realmVariables().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (mode == DevServices.Mode.RUN) {
            String hash = HexFormat.of().formatHex(digest.digest());
            Path stamp = install.resolve("realms.sha256");
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(hash)) {
                deleteTree(install.resolve("data/h2"));
                Files.writeString(stamp, hash);
            }
        }
    }

    private static Path distZip() {
        String configured = System.getProperty("clientspace.keycloak.dist-zip");
        if (configured == null || !Files.exists(Path.of(configured))) {
            throw new IllegalStateException("Keycloak distribution not found at " + configured
                    + "; run through ./mvnw, which downloads org.keycloak:keycloak-quarkus-dist");
        }
        return Path.of(configured);
    }

    private static String versionFromZip() {
        String zip = System.getProperty("clientspace.keycloak.dist-zip", "keycloak-quarkus-dist-unknown.zip");
        String file = Path.of(zip).getFileName().toString();
        return file.replace("keycloak-quarkus-dist-", "").replace(".zip", "");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(install.resolve("keycloak.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
