package io.clientspace.shared.web;

import io.clientspace.shared.i18n.LocaleSelection;
import io.clientspace.shared.i18n.Translations;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors outside the Vaadin UI (a member opening /camunda, a broken link to a static file): the same message as the
 * app's own error pages, in the user's language, instead of Spring's fallback page. API clients get JSON.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final Translations translations;

    ErrorPageController(Translations translations) {
        this.translations = translations;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = locale(request);
        boolean denied = status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED;
        boolean notFound = status == HttpStatus.NOT_FOUND;
        String title = HtmlUtils.htmlEscape(translations.getTranslation(denied ? "error.denied.title"
                : notFound ? "error.not-found.title" : "error.server.title", locale));
        String text = HtmlUtils.htmlEscape(translations.getTranslation(denied ? "error.denied.text"
                : notFound ? "error.not-found.text" : "error.server.text", locale));
        String home = HtmlUtils.htmlEscape(translations.getTranslation("error.to-start", locale));
        String page = """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s · Clientspace</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
                background:#f5f7fa;font:16px -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a2433}
                main{background:#fff;border-radius:12px;padding:40px;max-width:30rem;text-align:center;
                box-shadow:0 2px 8px rgba(0,0,0,.12)}h1{font-size:22px}p{color:#4a5668}a{color:#1864c2}</style>
                </head><body><main id="error-page"><h1>%s</h1><p>%s</p><a href="/">%s</a></main></body></html>
                """.formatted(locale.getLanguage(), title, title, text, home);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(page);
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase()));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static Locale locale(HttpServletRequest request) {
        return LocaleSelection.resolve(request.getCookies(), request.getLocale());
    }
}
