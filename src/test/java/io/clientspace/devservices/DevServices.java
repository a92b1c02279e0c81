package io.clientspace.devservices;

import org.springframework.boot.SpringApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real PostgreSQL, an S3-compatible server, the real Keycloak, a mail sandbox and ClamAV's clamd, started on this machine for the
 * local run ({@link Mode#RUN}: fixed ports, data kept under .devservices/) and for the tests ({@link Mode#TEST}:
 * free ports, fresh data, started once per JVM).
 */
public final class DevServices {

    public enum Mode { RUN, TEST }

    /**
     * The demo secrets of the four Keycloak clients. They exist only here: the realm files read them from the
     * environment and application.yml has no default, and a production start refuses them
     * ({@link io.clientspace.shared.ProductionSecrets}).
     */
    static final Map<String, String> DEMO_CLIENT_SECRETS = Map.of(
            "KEYCLOAK_STAFF_CLIENT_SECRET", "clientspace-staff-secret",
            "KEYCLOAK_CUSTOMERS_CLIENT_SECRET", "clientspace-customers-secret",
            "KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET", "clientspace-staff-admin-secret",
            "KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET", "clientspace-customers-admin-secret");

    /** The app's own port in the local run (or PORT); the tests take a free one, chosen before Keycloak starts. */
    static final int RUN_APP_PORT = 8080;

    private static Map<String, Object> properties;
    private static Mode started;
    private static PostgresService postgres;
    private static S3Service s3;
    private static KeycloakService keycloak;
    private static MailService mail;
    private static ClamdService clamd;

    private DevServices() {
    }

    /** Starts everything once; returns the Spring properties that point the app at it. */
    public static synchronized Map<String, Object> start(Mode mode) {
        if (properties != null) {
            if (started != mode) {
                throw new IllegalStateException("Dev services already started in " + started + " mode");
            }
            return properties;
        }
        Path root = Path.of(System.getProperty("user.dir"));
        // a second JVM of the same run (a JMH fork of the bench profile, DD037) needs a home of its own: clamd locks
        // its log file, and the servers' data directories must not be shared
        String ownHome = System.getProperty("clientspace.devservices.home");
        Path home = mode == Mode.RUN ? root.resolve(".devservices")
                : ownHome != null ? Path.of(ownHome) : root.resolve("target/devservices");
        long t0 = System.nanoTime();
        // Keycloak takes longest; start it first and the rest while it boots
        int smtpPort = MailService.port(mode);
        // Keycloak allows exactly the app's own redirect URIs (rendered from APP_BASE_URL at import), so the app's
        // port must be known before Keycloak starts
        int appPort = mode == Mode.RUN
                ? Integer.parseInt(System.getenv().getOrDefault("PORT", String.valueOf(RUN_APP_PORT)))
                : Ports.free();
        String appBaseUrl = "http://localhost:" + appPort;
        keycloak = new KeycloakService(mode, home, root.resolve("keycloak"), smtpPort, appBaseUrl);
        keycloak.launch();
        postgres = PostgresService.start(mode, home);
        s3 = S3Service.start(mode, home);
        mail = MailService.start(mode, smtpPort);
        clamd = ClamdService.start(mode, home);
        keycloak.awaitReady();
        // after Spring has closed every context (the app still talks to these servers while it shuts down)
        SpringApplication.getShutdownHandlers().add(DevServices::stopAll);

        Map<String, Object> p = new LinkedHashMap<>();
        // Demo secrets on purpose: the production check stays off for the dev services only
        p.put(io.clientspace.shared.ProductionSecrets.DEV_MODE, "true");
        p.put("server.port", appPort);
        p.put("clientspace.base-url", appBaseUrl);
        p.put("clientspace.keycloak.staff-client-secret", DEMO_CLIENT_SECRETS.get("KEYCLOAK_STAFF_CLIENT_SECRET"));
        p.put("clientspace.keycloak.customer-client-secret",
                DEMO_CLIENT_SECRETS.get("KEYCLOAK_CUSTOMERS_CLIENT_SECRET"));
        p.put("clientspace.keycloak.staff-admin-client-secret",
                DEMO_CLIENT_SECRETS.get("KEYCLOAK_STAFF_ADMIN_CLIENT_SECRET"));
        p.put("clientspace.keycloak.customer-admin-client-secret",
                DEMO_CLIENT_SECRETS.get("KEYCLOAK_CUSTOMERS_ADMIN_CLIENT_SECRET"));
        p.put("spring.datasource.url", postgres.jdbcUrl());
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("clientspace.keycloak.url", keycloak.url());
        p.put("clientspace.keycloak.public-url", keycloak.url());
        p.put("clientspace.storage.endpoint", s3.endpoint());
        p.put("clientspace.storage.public-endpoint", s3.endpoint());
        p.put("clientspace.storage.access-key", S3Service.ACCESS_KEY);
        p.put("clientspace.storage.secret-key", S3Service.SECRET_KEY);
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", mail.smtpPort());
        // the workspace mailbox: read in the background in the local run; the tests read it when they say so
        p.put("clientspace.mail-inbox.domain", MailService.INBOX_DOMAIN);
        p.put("clientspace.mail-inbox.imap.enabled", String.valueOf(mode == Mode.RUN));
        p.put("clientspace.mail-inbox.imap.host", "127.0.0.1");
        p.put("clientspace.mail-inbox.imap.port", mail.imapPort());
        p.put("clientspace.mail-inbox.imap.user", MailService.INBOX_USER);
        p.put("clientspace.mail-inbox.imap.password", MailService.INBOX_PASSWORD);
        p.put("clientspace.antivirus.host", "127.0.0.1");
        p.put("clientspace.antivirus.port", clamd == null ? ClamdService.RUN_PORT : clamd.port());
        // dev only: production sets EVIDENCE_HMAC_KEY (the app refuses to start without one)
        p.put("clientspace.evidence.hmac-key", "dev-services-only-evidence-hmac-key-not-for-production");
        // Every sign-in of a dev machine, the developer's and every test's, comes from one address
        p.put("clientspace.rate-limits.sign-in.capacity", "1000");
        if (mode == Mode.RUN) {
            p.put("clientspace.demo-data", "true");
        }
        properties = Map.copyOf(p);
        started = mode;
        System.out.printf("Dev services ready in %.1f s (Keycloak %.1f s)%n", (System.nanoTime() - t0) / 1e9,
                keycloak.startSeconds());
        return properties;
    }

    public static KeycloakService keycloak() {
        return keycloak;
    }

    public static MailService mail() {
        return mail;
    }

    public static S3Service s3() {
        return s3;
    }

    public static ClamdService clamd() {
        return clamd;
    }

    private static void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {clamd, mail, s3, postgres, keycloak}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("Stopping " + c + ": " + e);
            }
        }
    }
}
