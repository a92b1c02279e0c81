package io.clientspace.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a realm's sign-in answers, asked before the app sends a browser there: while Keycloak is down, a new
 * sign-in gets our own "sign-in unavailable" page instead of the browser's connection error on another host.
 * Each answer is kept for a few seconds, so an outage or a burst of sign-ins costs Keycloak one request per realm.
 */
@Component
class SignInAvailability {

    static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);

    private final Predicate<String> probe;
    private final LongSupplier nanoTime;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @Autowired
    SignInAvailability(KeycloakProperties keycloak) {
        this(realmAnswers(keycloak), System::nanoTime);
    }

    SignInAvailability(Predicate<String> probe, LongSupplier nanoTime) {
        this.probe = probe;
        this.nanoTime = nanoTime;
    }

    /** @param registration "staff" or "customers" */
    boolean available(String registration) {
        long now = nanoTime.getAsLong();
        Answer known = answers.get(registration);
        if (known != null && now - known.at() < REMEMBER.toNanos()) {
            return known.up();
        }
        boolean up = probe.test(registration);
        if (!up && (known == null || known.up())) {
            log.warn("Sign-in for {} is unavailable: Keycloak does not answer", registration);
        }
        answers.put(registration, new Answer(up, now));
        return up;
    }

    private static Predicate<String> realmAnswers(KeycloakProperties keycloak) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return registration -> {
            String realm = Roles.CUSTOMER_REGISTRATION.equals(registration) ? keycloak.customerRealm()
                    : keycloak.staffRealm();
            try {
                var request = HttpRequest.newBuilder(URI.create(keycloak.realmUrl(realm)
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).GET().build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    private record Answer(boolean up, long at) {
    }
}
