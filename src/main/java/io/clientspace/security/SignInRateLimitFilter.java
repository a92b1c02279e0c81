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
 * Limits the app's sign-in endpoints per client address: the redirect to Keycloak and the code coming back (each
 * costs the app a call to Keycloak). The address is the one Tomcat's RemoteIpValve trusts (application.yml), so a
 * client cannot pick a fresh one per request. Over the limit the browser gets a short page that says how long to
 * wait, in the browser's language, with status 429.
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits rateLimits;
    private final Translations translations;

    SignInRateLimitFilter(RateLimits rateLimits, Translations translations) {
        this.rateLimits = rateLimits;
        this.translations = translations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minutes = rateLimits.tryTake(RateLimits.Action.SIGN_IN, request.getRemoteAddr());
        if (minutes == 0) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = Translations.supported(request.getLocale());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(minutes * 60));
        response.setContentType("text/html;charset=UTF-8");
        String title = HtmlUtils.htmlEscape(translations.getTranslation("rate-limit.sign-in.title", locale));
        String text = HtmlUtils.htmlEscape(translations.getTranslation("rate-limit.sign-in.text", locale, minutes));
        String again = HtmlUtils.htmlEscape(translations.getTranslation("rate-limit.sign-in.again", locale));
        String html = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem;
                color: #1a2733"><h1 style="font-size: 1.5rem">%s</h1><p id="sign-in-limited">%s</p>
                <p><a href="%s/">%s</a></p></body></html>
                """.formatted(locale.getLanguage(), title, title, text,
                HtmlUtils.htmlEscape(request.getContextPath()), again);
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
