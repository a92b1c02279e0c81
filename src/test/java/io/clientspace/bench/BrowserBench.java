package io.clientspace.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import io.clientspace.security.KeycloakProperties;
import jakarta.servlet.ServletContext;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What the browser benchmark and the session-memory benchmark share (issue 19 §5, §6): the bench data, generated
 * once per JVM (both classes run in one Spring context), the contact of the busy client as a real identity in the
 * customers realm, headless Chromium, the real Keycloak sign-in, and the DOM conditions that say a page is ready.
 */
final class BrowserBench {

    static final String CONTACT_PASSWORD = "Bench-Contact-2027!";

    /**
     * The busy client's workspace is ready when every tab counter shows (a number, or an icon for hidden/error),
     * the review panel is there, and the tab on show has drawn its first page: no loading state, and a grid in it
     * has rendered rows that are no longer loading. Returns performance.now(): ms since the navigation started.
     */
    static final String WORKSPACE_READY = """
            () => {
              const counters = [...document.querySelectorAll('.tab-counter')];
              if (counters.length === 0) return false;
              if (!counters.every(c => c.textContent.trim() !== '' || c.querySelector('vaadin-icon'))) return false;
              if (!document.querySelector('#review-panel')) return false;
              const tab = [...document.querySelectorAll('.workspace-tab')].find(t => t.offsetParent !== null);
              if (!tab || tab.childElementCount === 0 || tab.querySelector('.state-loading')) return false;
              const grid = tab.querySelector('vaadin-grid');
              if (grid) {
                const rows = grid.shadowRoot ? [...grid.shadowRoot.querySelectorAll('#items tr')]
                    .filter(r => !r.hidden) : [];
                if (rows.length === 0 || rows.some(r => r.hasAttribute('loading'))) return false;
              }
              return performance.now();
            }""";

    /** The portal's project page is ready when its title and its tabs show. */
    static final String PORTAL_READY = """
            () => {
              const title = document.querySelector('#portal-project-title');
              if (!title || title.textContent.trim() === '' || !document.querySelector('#portal-project-tabs'))
                return false;
              return performance.now();
            }""";

    /**
     * The largest contentful paint so far, in ms since navigation (0 when Chromium reported none within 3 s). A page
     * can be ready before it has painted (its content came with the first answer): then this waits for the paint.
     */
    static final String LCP = """
            () => new Promise(resolve => {
              let lcp = 0;
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) lcp = Math.max(lcp, e.renderTime || e.startTime);
              }).observe({type: 'largest-contentful-paint', buffered: true});
              const started = performance.now();
              const check = () => lcp > 0 || performance.now() - started > 3000
                  ? resolve(lcp) : setTimeout(check, 25);
              setTimeout(check, 50);
            })""";

    /**
     * Where the time before the page shows goes, in ms since navigation: the first byte of the document, its last
     * byte, the end of DOMContentLoaded (the bundle's scripts have run), the first contentful paint; then the app's
     * round trips (Flow's init and UIDL requests): the first sent, the server's wait summed over them, the last
     * answer in, and how many there were.
     */
    static final String PHASES = """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              // the app's own round trips after the page (Flow's init and UIDL requests): when the first was sent,
              // how long the server took to start answering them in all, and when the last answer was in
              const xhr = performance.getEntriesByType('resource')
                  .filter(r => r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch');
              const firstSent = xhr.length ? Math.min(...xhr.map(r => r.startTime)) : 0;
              const serverWait = xhr.reduce((s, r) => s + Math.max(0, r.responseStart - r.requestStart), 0);
              const lastIn = xhr.length ? Math.max(...xhr.map(r => r.responseEnd)) : 0;
              return [nav ? nav.responseStart : 0, nav ? nav.responseEnd : 0,
                      nav ? nav.domContentLoadedEventEnd : 0, fcp ? fcp.startTime : 0, firstSent, serverWait,
                      lastIn, xhr.length];
            }""";

    /**
     * What the largest contentful paint so far painted: the element's tag, id and classes and how long after the
     * navigation the browser had its bytes (loadTime, for images) and painted it (renderTime).
     */
    static final String LCP_ELEMENT = """
            () => new Promise(resolve => {
              let last = null;
              new PerformanceObserver(list => {
                const entries = list.getEntries();
                if (entries.length) last = entries[entries.length - 1];
              }).observe({type: 'largest-contentful-paint', buffered: true});
              setTimeout(() => {
                if (!last) return resolve('none');
                const e = last.element;
                const classes = e && typeof e.className === 'string' && e.className.trim()
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                const what = e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes : '(removed)';
                const text = e ? e.textContent.trim().slice(0, 40) : '';
                resolve(what + ', ' + Math.round(last.size) + ' px area, text "' + text + '", rendered at '
                    + Math.round(last.renderTime || last.startTime) + ' ms');
              }, 50);
            })""";

    /**
     * Bytes over the wire for the document and every resource (Resource Timing's transferSize: 0 when served from
     * the cache), the JS among them as transferred and as decoded, and the number of requests.
     */
    static final String TRANSFER = """
            () => {
              const nav = performance.getEntriesByType('navigation');
              const res = performance.getEntriesByType('resource');
              const all = [...nav, ...res];
              const js = res.filter(r => r.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(r.name));
              return [all.reduce((s, e) => s + (e.transferSize || 0), 0),
                      js.reduce((s, e) => s + (e.transferSize || 0), 0),
                      js.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
                      all.length];
            }""";

    /**
     * Installed before every page of a context: records the main thread's long tasks (over 50 ms) of the page with
     * their start and duration, so a visit can say how much of its wait the browser spent busy.
     */
    static final String LONG_TASK_RECORDER = """
            window.__longTasks = [];
            try {
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
              }).observe({type: 'longtask', buffered: true});
            } catch (e) { /* no long task timing in this browser: the trace shows none */ }
            """;

    /**
     * The app's round trips of this visit in the order they were sent: for each, when it was sent, when the server
     * began to answer, when the answer was in (ms since navigation) and the answer's bytes; then the long tasks.
     */
    static final String TRACE = """
            () => {
              const xhr = performance.getEntriesByType('resource')
                  .filter(r => r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch')
                  .sort((a, b) => a.startTime - b.startTime);
              return [xhr.map(r => [r.startTime, r.requestStart, r.responseStart, r.responseEnd,
                                    r.encodedBodySize || 0]),
                      (window.__longTasks || []).map(t => [t[0], t[1]])];
            }""";

    /**
     * What the page holds once ready: its elements, shadow roots included, in all; its shadow roots; and the custom
     * elements by tag, the most frequent first (each costs the browser a constructor, styles and a shadow tree).
     */
    static final String CENSUS = """
            () => {
              let elements = 0, shadows = 0;
              const tags = {};
              const walk = root => {
                for (const e of root.querySelectorAll('*')) {
                  elements++;
                  if (e.localName.includes('-')) tags[e.localName] = (tags[e.localName] || 0) + 1;
                  if (e.shadowRoot) { shadows++; walk(e.shadowRoot); }
                }
              };
              walk(document);
              const top = Object.entries(tags).sort((a, b) => b[1] - a[1]).slice(0, 12)
                  .map(([t, n]) => t + ' ' + n).join(', ');
              const modules = [...document.querySelectorAll('script[type=module][src]')]
                  .map(s => s.src.replace(/^.*\\//, '').replace(/^(chunk-[0-9a-f]{8})[0-9a-f]+/, '$1'));
              return elements + ' elements, ' + shadows + ' shadow roots; custom elements by tag: ' + top
                  + '; module scripts in the page: ' + modules.join(', ');
            }""";

    private static GeneratedData data;
    private static String contact;

    private BrowserBench() {
    }

    /** The bench data at full scale (or as -Dclientspace.bench.* says), generated once for both benchmarks. */
    static synchronized GeneratedData data(BenchDataGenerator generator) {
        if (data == null) {
            data = generator.generate(BenchScale.full().overriddenBySystemProperties());
        }
        return data;
    }

    /**
     * The busy client's contact (an ACTIVE portal account made by the generator) as an identity in the customers
     * realm that can sign in, bound to the busy client the way CustomerDirectory binds one.
     */
    static synchronized String contactIdentity(GeneratedData data, Keycloak customerAdmin, KeycloakProperties kc) {
        if (contact != null) {
            return contact;
        }
        var user = new UserRepresentation();
        user.setUsername(data.contactUsername());
        user.setEmail(data.contactUsername() + "@example.org");
        user.setEmailVerified(true);
        user.setFirstName("Bench");
        user.setLastName("Contact");
        user.setEnabled(true);
        user.singleAttribute("customer_id", data.largeClientId().toString());
        user.singleAttribute("locale", "en");
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(CONTACT_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (var response = customerAdmin.realm(kc.customerRealm()).users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("creating " + data.contactUsername() + ": " + response.getStatus());
            }
        }
        contact = data.contactUsername();
        return contact;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("clientspace.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    static BrowserContext context(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(60_000);
        context.addInitScript(LONG_TASK_RECORDER);
        return context;
    }

    /** Opens {@code url}, signs in on Keycloak's own form, and waits until the app has the page again. */
    static void signIn(Page page, int port, String url, String username, String password) {
        page.navigate(url);
        page.locator("#kc-login").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile("http://localhost:" + port + "/.*"));
    }

    /**
     * Navigates and waits for {@code ready}; returns the ms from the navigation's start to the moment the condition
     * held, as the page's own clock says (Playwright's round trips are not in it).
     */
    static double open(Page page, String url, String ready) {
        page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        return ((Number) page.waitForFunction(ready, null,
                new Page.WaitForFunctionOptions().setTimeout(60_000)).jsonValue()).doubleValue();
    }

    static boolean productionMode(ServletContext servletContext) {
        return ApplicationConfiguration.get(new VaadinServletContext(servletContext)).isProductionMode();
    }
}
