package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client signed in through the real Keycloak login form, the way a browser does it: the app's
 * authorization redirect, Keycloak's page, the form post, and the code back to the app. Redirects are not followed,
 * so a test sees exactly what the app answers.
 */
final class SignedInHttp {

    private final HttpClient http;

    private SignedInHttp(HttpClient http) {
        this.http = http;
    }

    /** Nobody signed in. */
    static SignedInHttp anonymous() {
        return new SignedInHttp(client());
    }

    /** Signs in through {@code /oauth2/authorization/<registration>} ("staff" or "customers"). */
    static SignedInHttp signIn(String appUrl, String registration, String username, String password)
            throws IOException, InterruptedException {
        SignedInHttp signedIn = new SignedInHttp(client());
        var back = signedIn.submitPassword(appUrl, registration, username, password);
        assertThat(back.statusCode()).as("Keycloak accepts %s's password (else it shows its page again)", username)
                .isEqualTo(302);
        assertThat(location(back)).as("back to the app with a code").startsWith(appUrl).contains("code=");
        var session = signedIn.send("GET", location(back));
        assertThat(session.statusCode()).as("the app takes the code").isEqualTo(302);
        assertThat(location(session)).as("%s is signed in", username).doesNotContain("error")
                .doesNotContain("/oauth2/authorization/");
        return signedIn;
    }

    /** A fresh client that has only submitted the password: for what Keycloak asks next. */
    static HttpResponse<String> passwordStepOnly(String appUrl, String registration, String username,
            String password) throws IOException, InterruptedException {
        return new SignedInHttp(client()).submitPassword(appUrl, registration, username, password);
    }

    /** The app's authorization redirect, Keycloak's page and the form post; Keycloak's answer to the post. */
    private HttpResponse<String> submitPassword(String appUrl, String registration, String username,
            String password) throws IOException, InterruptedException {
        var toKeycloak = send("GET", appUrl + "/oauth2/authorization/" + registration);
        assertThat(toKeycloak.statusCode()).as("authorization redirect").isEqualTo(302);
        var page = send("GET", location(toKeycloak));
        assertThat(page.statusCode()).as("Keycloak's sign-in page").isEqualTo(200);
        Matcher form = Pattern.compile("<form[^>]*\\saction=\"([^\"]*login-actions/authenticate[^\"]*)\"")
                .matcher(page.body());
        assertThat(form.find()).as("the sign-in form on Keycloak's page").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return http.send(HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/json");
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (withBody) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a JSON body (or none, for null) and extra headers, for example the webapps' CSRF token. */
    HttpResponse<String> send(String method, String url, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the cookie {@code name} this client holds for {@code url}'s host and port, if any. */
    java.util.Optional<String> cookie(String url, String name) throws IOException {
        return http.cookieHandler().orElseThrow().get(URI.create(url), Map.of()).getOrDefault("Cookie", List.of())
                .stream().flatMap(c -> java.util.Arrays.stream(c.split("; ")))
                .filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1)).findFirst();
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new Jar())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Cookies per host and port, sent back whatever their Secure flag: Keycloak marks its cookies Secure, and
     * browsers treat http://localhost as a secure origin, but java.net.CookieManager would drop them.
     */
    private static final class Jar extends CookieHandler {

        private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            Map<String, String> mine = cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (mine.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(mine.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> mine = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    k -> new ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if (name == null || !name.equalsIgnoreCase("Set-Cookie")) {
                    return;
                }
                for (String value : values) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).trim();
                    String val = pair.substring(eq + 1).trim();
                    String lower = value.toLowerCase(java.util.Locale.ROOT);
                    if (val.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                        mine.remove(key);
                    } else {
                        mine.put(key, val);
                    }
                }
            });
        }
    }
}
