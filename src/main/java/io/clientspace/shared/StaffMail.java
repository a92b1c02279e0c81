package io.clientspace.shared;

import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.i18n.Translations;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail to a colleague, in their language: finds them, picks their locale, fills the bundle's subject and body, and
 * sends. The body's {0} is always the recipient's name; arguments that are {@link Localized} are translated in the
 * recipient's language too.
 */
@Component
public class StaffMail {

    private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

    /** A text to translate in the recipient's language, such as a stage name. */
    public record Localized(String key, Object... args) {
    }

    /** A name translated in the recipient's language when the bundles know {@code key}, else shown as it is. */
    public record LocalizedOr(String key, String fallback) {
    }

    private final JavaMailSender mail;
    private final StaffDirectory staff;
    private final ClientspaceProperties app;
    private final Translations translations;

    StaffMail(JavaMailSender mail, StaffDirectory staff, ClientspaceProperties app, Translations translations) {
        this.mail = mail;
        this.staff = staff;
        this.app = app;
        this.translations = translations;
    }

    /** The app's address for links in mails, without a trailing slash. */
    public String link(String path) {
        return app.baseUrl() + "/" + path;
    }

    /**
     * Sends a mail whose subject and body are bundle keys.
     *
     * @return false when the colleague is unknown or has no e-mail address (logged); nothing is sent then
     */
    public boolean send(String username, String subjectKey, Object[] subjectArgs, String bodyKey,
                        Object... bodyArgs) {
        StaffMember to = staff.find(username).orElse(null);
        if (to == null || to.email() == null || to.email().isBlank()) {
            log.warn("No mail {} for {}: no e-mail address", subjectKey, username);
            return false;
        }
        Locale locale = staff.localeOf(to.username()).map(Translations::supported).orElse(Locale.ENGLISH);
        Object[] body = new Object[bodyArgs.length + 1];
        body[0] = to.displayName();
        System.arraycopy(bodyArgs, 0, body, 1, bodyArgs.length);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(to.email());
        message.setSubject(translations.getTranslation(subjectKey, locale, localize(subjectArgs, locale)));
        message.setText(translations.getTranslation(bodyKey, locale, localize(body, locale)));
        mail.send(message);
        return true;
    }

    private Object[] localize(Object[] args, Locale locale) {
        return Arrays.stream(args).map(a -> a instanceof Localized l
                ? translations.getTranslation(l.key(), locale, l.args())
                : a instanceof LocalizedOr o ? Translations.find(o.key(), locale).orElse(o.fallback()) : a).toArray();
    }
}
