package io.clientspace.security;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every page but the Camunda webapps (which send their own). What each part allows,
 * and why:
 * <ul>
 *   <li>scripts from the app only; {@code 'unsafe-eval'} because Vaadin Flow runs {@code executeJs} through
 *       {@code new Function}, and {@code 'unsafe-inline'} for the bootstrap script of Vaadin's index page;</li>
 *   <li>inline styles, which Vaadin's components, bpmn-js and chart libraries set on elements;</li>
 *   <li>images, frames and media also from the object store's public address, for previews through presigned
 *       links; {@code data:} and {@code blob:} images for avatars, diagrams and charts;</li>
 *   <li>connections to the app itself, including its push websocket, and to Keycloak: Vaadin's requests follow the
 *       redirect to Keycloak when a session has ended or the user signs out (the sign-out reaches Keycloak's
 *       end-session endpoint that way);</li>
 *   <li>form posts to the app and to Keycloak (the sign-out goes there); no plugins; no framing by other sites.</li>
 * </ul>
 */
@Component
class ContentSecurityPolicy {

    /** Features no page of ours uses: a page that tries is refused by the browser. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "interest-cohort=()";

    private final String value;

    ContentSecurityPolicy(KeycloakProperties keycloak,
            @Value("${clientspace.storage.public-endpoint:}") String storagePublicEndpoint,
            @Value("${clientspace.base-url:}") String baseUrl) {
        this.value = build(origin(keycloak.publicUrl()), origin(storagePublicEndpoint), origin(baseUrl));
    }

    static String build(String keycloakOrigin, String storageOrigin, String appOrigin) {
        String storage = storageOrigin.isEmpty() ? "" : " " + storageOrigin;
        String socket = appOrigin.isEmpty() ? "" : " " + appOrigin.replaceFirst("^http", "ws");
        String keycloak = keycloakOrigin.isEmpty() ? "" : " " + keycloakOrigin;
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + storage + "; "
                + "font-src 'self' data:; "
                + "connect-src 'self'" + socket + keycloak + "; "
                + "frame-src 'self'" + storage + "; "
                + "media-src 'self'" + storage + "; "
                + "worker-src 'self' blob:; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'" + keycloak + "; "
                + "frame-ancestors 'self'";
    }

    String value() {
        return value;
    }

    /** scheme://host[:port] of a URL, or "" when there is none. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
