package io.clientspace.shared.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The language follows the browser until the user picks one; the pick is kept in a cookie for a year.
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    static final String COOKIE = "clientspace-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(resolve(VaadinRequest.getCurrent())));
    }

    static Locale resolve(VaadinRequest request) {
        return request == null ? Locale.ENGLISH : resolve(request.getCookies(), request.getLocale());
    }

    /** The user's pick from the cookie, else the browser's language, else English. */
    public static Locale resolve(Cookie[] cookies, Locale browserLocale) {
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    return Translations.supported(Locale.forLanguageTag(c.getValue()));
                }
            }
        }
        return Translations.supported(browserLocale);
    }

    /** Switches the language of this UI and remembers it; the page reloads so that every text follows. */
    public static void choose(UI ui, Locale locale) {
        Locale chosen = Translations.supported(locale);
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        VaadinService.getCurrentResponse().addCookie(cookie);
        VaadinSession.getCurrent().setLocale(chosen);
        ui.setLocale(chosen);
        ui.getPage().reload();
    }
}
