package io.clientspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.shared.i18n.Translations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The sign-in endpoints while Keycloak is away and while one address asks too often. */
class SignInGuardFilterTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AtomicBoolean keycloakUp = new AtomicBoolean(true);
    final List<String> probed = new ArrayList<>();
    final SignInAvailability availability = new SignInAvailability(registration -> {
        probed.add(registration);
        return keycloakUp.get();
    }, now::get);
    final SignInGuardFilter filter = new SignInGuardFilter(new RateLimits(new RateLimitProperties(null, null, null, null,
            new RateLimitProperties.Limit(3, Duration.ofMinutes(3))), now::get), new Translations(), availability);

    MockHttpServletResponse get(String path, String address, Locale locale) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        request.addPreferredLocale(locale);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void whileKeycloakDoesNotAnswerANewSignInGetsAPageThatSaysSoInsteadOfABrowserError() throws Exception {
        keycloakUp.set(false);
        var response = get("/oauth2/authorization/customers", "10.0.0.1", Locale.GERMAN);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).contains("Die Anmeldung ist gerade nicht möglich")
                .contains("href=\"/oauth2/authorization/customers\"");
        assertThat(probed).containsExactly("customers");

        keycloakUp.set(true);
        assertThat(get("/oauth2/authorization/customers", "10.0.0.1", Locale.ENGLISH).getStatus())
                .as("the answer is kept a few seconds").isEqualTo(503);
        now.addAndGet(SignInAvailability.REMEMBER.toNanos());
        var back = get("/oauth2/authorization/customers", "10.0.0.1", Locale.ENGLISH);
        assertThat(back.getStatus()).as("passed on to Spring's redirect to Keycloak").isEqualTo(200);
        assertThat(probed).containsExactly("customers", "customers");
    }

    @Test
    void theCodeComingBackAndOtherPagesAreNotProbed() throws Exception {
        keycloakUp.set(false);
        assertThat(get("/login/oauth2/code/staff", "10.0.0.2", Locale.ENGLISH).getStatus()).isEqualTo(200);
        assertThat(get("/clients", "10.0.0.2", Locale.ENGLISH).getStatus()).isEqualTo(200);
        assertThat(probed).isEmpty();
    }

    @Test
    void oneAddressOverTheLimitIsToldHowLongToWaitAndOthersAreNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/oauth2/authorization/staff", "10.0.0.3", Locale.ENGLISH).getStatus()).isEqualTo(200);
        }
        var refused = get("/oauth2/authorization/staff", "10.0.0.3", Locale.forLanguageTag("ru"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("Слишком много попыток входа");
        assertThat(get("/oauth2/authorization/staff", "10.0.0.4", Locale.ENGLISH).getStatus()).isEqualTo(200);
    }
}
