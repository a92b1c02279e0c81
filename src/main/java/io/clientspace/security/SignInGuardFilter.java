package io.clientspace.security;

import io.clientspace.shared.i18n.Translations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Guards the app's sign-in endpoints. While the realm's Keycloak does not answer, the redirect there is replaced by
 * a page that says the sign-in service is unavailable (503). And it limits them per client address: the redirect to Keycloak and the code coming back (each
 * costs the app a call to Keycloak). The address is the one Tomcat's RemoteIpValve trusts (application.yml), so a
 * client cannot pick a fresh one per request. Over the limit the browser gets a short page that says how long to
 * wait, in the browser's language, with status 429.
 */
class SignInGuardFilter extends OncePerRequestFilter {

    private static final String AUTHORIZATION = "/oauth2/authorization/";

    private final RateLimits rateLimits;
    private final Translations translations;
    private final SignInAvailability availability;

    SignInGuardFilter(RateLimits rateLimits, Translations translations, SignInAvailability availability) {
        this.rateLimits = rateLimits;
        this.translations = translations;
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith(AUTHORIZATION) || path.startsWith("/login/oauth2/code/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minutes = rateLimits.tryTake(RateLimits.Action.SIGN_IN, request.getRemoteAddr());
        if (minutes > 0) {
            response.setHeader("Retry-After", String.valueOf(minutes * 60));
            page(request, response, 429, "rate-limit.sign-in.title", "rate-limit.sign-in.text", minutes);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(AUTHORIZATION) && !availability.available(path.substring(AUTHORIZATION.length()))) {
            response.setHeader("Retry-After", "30");
            page(request, response, 503, "sign-in.unavailable.title", "sign-in.unavailable.text");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A short page in the browser's language: what happened, and a way to try again. */
    private void page(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
            String textKey, Object... args) throws IOException {
        Locale locale = Translations.supported(request.getLocale());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String title = HtmlUtils.htmlEscape(translations.getTranslation(titleKey, locale), "UTF-8");
        String text = HtmlUtils.htmlEscape(translations.getTranslation(textKey, locale, args), "UTF-8");
        String again = HtmlUtils.htmlEscape(translations.getTranslation("rate-limit.sign-in.again", locale), "UTF-8");
        String html = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem;
                color: #1a2733"><h1 style="font-size: 1.5rem">%s</h1><p id="sign-in-refused">%s</p>
                <p><a href="%s">%s</a></p></body></html>
                """.formatted(locale.getLanguage(), title, title, text,
                HtmlUtils.htmlEscape(request.getRequestURI()), again);
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
