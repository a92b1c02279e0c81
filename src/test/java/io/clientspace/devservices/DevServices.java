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
        Path home = mode == Mode.RUN ? root.resolve(".devservices") : root.resolve("target/devservices");
        long t0 = System.nanoTime();
        // Keycloak takes longest; start it first and the rest while it boots
        int smtpPort = MailService.port(mode);
        keycloak = new KeycloakService(mode, home, root.resolve("keycloak"), smtpPort);
        keycloak.launch();
        postgres = PostgresService.start(mode, home);
        s3 = S3Service.start(mode, home);
        mail = MailService.start(mode, smtpPort);
        clamd = ClamdService.start(mode, home);
        keycloak.awaitReady();
        // after Spring has closed every context (the app still talks to these servers while it shuts down)
        SpringApplication.getShutdownHandlers().add(DevServices::stopAll);

        Map<String, Object> p = new LinkedHashMap<>();
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
        p.put("clientspace.antivirus.host", "127.0.0.1");
        p.put("clientspace.antivirus.port", clamd.port());
        // dev only: production sets EVIDENCE_HMAC_KEY (the app refuses to start without one)
        p.put("clientspace.evidence.hmac-key", "dev-services-only-evidence-hmac-key-not-for-production");
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
