package io.clientspace.security;

import jakarta.servlet.ServletException;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The address acceptance evidence keeps is the one the request really came from: behind a trusted proxy the
 * right-most hop that is not a trusted proxy, never the left-most X-Forwarded-For entry that the customer's browser
 * may write itself. A probe valve behind the app's own Tomcat pipeline reads {@link RequestOrigin} of real HTTP
 * requests to the running server.
 */
@ClientspaceIntegrationTest
class RequestOriginIntegrationTests {

    static final String PROBE = "/test-only/request-origin";

    @Autowired
    ServletWebServerApplicationContext context;
    @LocalServerPort
    int port;

    Valve probe;

    @BeforeEach
    void addProbe() {
        probe = new ValveBase() {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                if (!PROBE.equals(request.getRequestURI())) {
                    getNext().invoke(request, response);
                    return;
                }
                RequestOrigin origin = RequestOrigin.of(request);
                response.setStatus(200);
                response.setContentType("text/plain");
                response.getWriter().write(origin.ipAddress() + "|" + origin.userAgent());
            }
        };
        pipeline().addValve(probe);
    }

    @AfterEach
    void removeProbe() {
        pipeline().removeValve(probe);
    }

    @Test
    void theLeftMostForwardedForThatAClientWritesItselfIsNeverTheAddress() throws Exception {
        // the browser claims 6.6.6.6; the trusted proxy (here: this machine) appends the address it really saw
        assertThat(origin("6.6.6.6, 203.0.113.9")).isEqualTo("203.0.113.9|Probe/1.0");
        // a chain of trusted proxies is skipped from the right
        assertThat(origin("6.6.6.6, 203.0.113.9, 127.0.0.5")).startsWith("203.0.113.9|");
        assertThat(origin(null)).as("no proxy, no header: the peer itself").startsWith("127.0.0.1|");
    }

    @Test
    void onlyThisMachineIsATrustedProxyUnlessConfigured() {
        RemoteIpValve valve = Arrays.stream(pipeline().getValves()).filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).findFirst().orElseThrow(
                        () -> new AssertionError("forwarded headers must be handled by Tomcat's RemoteIpValve"));
        assertThat("127.0.0.1").matches(valve.getInternalProxies());
        // a peer on a private network (a container bridge, the office LAN) is a client, not a proxy, by default
        assertThat("172.18.0.1").doesNotMatch(valve.getInternalProxies());
        assertThat("10.0.0.7").doesNotMatch(valve.getInternalProxies());
        assertThat("192.168.1.20").doesNotMatch(valve.getInternalProxies());
    }

    private String origin(String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PROBE))
                .header("User-Agent", "Probe/1.0");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private org.apache.catalina.Pipeline pipeline() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline();
    }
}
