package io.clientspace;

import io.clientspace.devservices.DevServices;
import io.clientspace.devservices.DevServicesInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * README command 1: {@code ./mvnw spring-boot:test-run}. Clientspace on embedded PostgreSQL, S3, Keycloak and a mail
 * sandbox, with demo data; everything is kept under .devservices/ so a second start is quick.
 */
public class TestClientspaceApplication {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try {
            run(args, t0);
        } catch (Throwable e) {
            // the dev servers run non-daemon threads; without this a failed start would hang instead of exiting
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args, long t0) {
        new SpringApplicationBuilder(ClientspaceApplication.class)
                .initializers(new DevServicesInitializer(DevServices.Mode.RUN))
                .listeners(event -> {
                    if (event instanceof ApplicationReadyEvent ready) {
                        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
                        banner(port, (System.nanoTime() - t0) / 1e9);
                    }
                })
                .run(args);
    }

    private static void banner(String port, double seconds) {
        System.out.printf("""

                ==================================================================
                 Clientspace is running (started in %.1f s)
                   App            http://localhost:%s/
                   Portal         http://localhost:%s/portal
                   Camunda        http://localhost:%s/camunda/app/cockpit/default/
                   Keycloak       %s  (admin console: admin / admin)
                   Mail sandbox   http://localhost:8025/
                 Staff sign-ins (realm clientspace-staff)
                   admin   / admin     admin and process owner
                   manager / manager   manager
                   member  / member    member
                 Customer sign-in at /portal (realm clientspace-customers)
                   customer / Customer-Demo-1   Lena Hoffmann, Nordlicht Architekten GmbH
                ==================================================================

                """, seconds, port, port, port, DevServices.keycloak().url());
    }
}
