package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Chromium (Debian's, installed by .ci/run) driven by Playwright against the running app and the real Keycloak
 * login pages. A failing test leaves a screenshot under target/screenshots/.
 */
@ClientspaceIntegrationTest
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
abstract class BrowserTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;
    /** What Chromium refused under our Content-Security-Policy (or Keycloak's) while the test ran. */
    final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() {
        // a 2-core CI machine runs the app, Keycloak, PostgreSQL and Chromium at once: wait for conditions generously
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("clientspace.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        watchPolicy(context);
        page = context.newPage();
    }

    /** Collects every Content-Security-Policy refusal in the context; the test fails on any (see closePage). */
    void watchPolicy(BrowserContext watched) {
        watched.onConsoleMessage(message -> {
            // the Camunda webapps send their own policy (SecurityConfiguration leaves /camunda to them)
            boolean camunda = message.page() != null && message.page().url().contains("/camunda/");
            if (message.text().contains("Content Security Policy") && !camunda) {
                policyViolations.add(message.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        // every page a journey opened worked under the policy the app sends (SecurityConfiguration)
        org.assertj.core.api.Assertions.assertThat(policyViolations).as("Content-Security-Policy violations")
                .isEmpty();
    }

    static Browser browser() {
        return browser;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page that needs a sign-in and signs in on Keycloak's own login form. */
    void signIn(String path, String username, String password) {
        page.navigate(url(path));
        assertThat(page.locator("#kc-login")).isVisible();
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile("http://localhost:" + port + "/.*"));
    }

    /**
     * How many pixels the grid {@code selector} names scrolls sideways: 0 when every column fits, so that nothing
     * hides under a frozen column.
     */
    int sidewaysScroll(String selector) {
        return ((Number) page.locator(selector).evaluate(
                "grid => grid.$.table.scrollWidth - grid.$.table.clientWidth")).intValue();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        } catch (Exception e) {
            System.err.println("Screenshot " + name + " failed: " + e.getMessage());
        }
    }

    /** Runs before @AfterEach closes the page, so the failing state is what gets captured. */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext ctx) {
            if (ctx.getExecutionException().isEmpty()) {
                return;
            }
            Optional<Object> test = ctx.getTestInstance();
            test.filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast).ifPresent(t -> {
                if (t.page != null && !t.page.isClosed()) {
                    t.screenshot("FAILED-" + ctx.getRequiredTestClass().getSimpleName() + "-"
                            + ctx.getRequiredTestMethod().getName());
                }
            });
        }
    }
}
