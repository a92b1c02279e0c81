package io.clientspace.extranet;

import io.clientspace.extranet.ExternalAccessService.ContactAddress;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.StaffMail.Localized;
import io.clientspace.shared.i18n.Translations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail to a client's portal contacts, each in their own language. The body's {0} is always the contact's name and
 * the last argument the portal link; arguments that are {@link Localized} are translated in the contact's language.
 * Only active contacts are written to: only they can open what the mail points at. Call it from a listener that runs
 * after the change committed, never inside the change.
 */
@Component
public class CustomerMail {

    private final JavaMailSender mail;
    private final ClientspaceProperties app;
    private final Translations translations;
    private final ExternalAccessService access;

    CustomerMail(JavaMailSender mail, ClientspaceProperties app, Translations translations,
                 ExternalAccessService access) {
        this.mail = mail;
        this.app = app;
        this.translations = translations;
        this.access = access;
    }

    /**
     * Mails every active portal contact of the client.
     *
     * @param portalPath where the link goes, e.g. {@code portal/proposals/<id>}, without a leading slash
     * @param bodyArgs   {1}.. of the body; the contact's name comes first and the link last
     * @return how many contacts were written to
     */
    public int toActiveContacts(UUID clientId, String subjectKey, Object[] subjectArgs, String bodyKey,
                                String portalPath, Object... bodyArgs) {
        List<ContactAddress> contacts = access.activeContactsForNotification(clientId);
        contacts.forEach(c -> send(c, subjectKey, subjectArgs, bodyKey, portalPath, bodyArgs));
        return contacts.size();
    }

    /** Mails one contact, whatever their status: for the invitation's own follow-ups and for evidence copies. */
    public void send(ContactAddress to, String subjectKey, Object[] subjectArgs, String bodyKey, String portalPath,
                     Object... bodyArgs) {
        Object[] body = new Object[bodyArgs.length + 2];
        body[0] = to.displayName();
        System.arraycopy(bodyArgs, 0, body, 1, bodyArgs.length);
        body[body.length - 1] = link(portalPath);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(to.email());
        message.setSubject(translations.getTranslation(subjectKey, to.locale(), localize(subjectArgs, to.locale())));
        message.setText(translations.getTranslation(bodyKey, to.locale(), localize(body, to.locale())));
        mail.send(message);
    }

    /** The absolute address of a portal page. */
    public String link(String portalPath) {
        return app.baseUrl() + "/" + portalPath;
    }

    private Object[] localize(Object[] args, Locale locale) {
        return Arrays.stream(args).map(a -> a instanceof Localized l
                ? translations.getTranslation(l.key(), locale, l.args()) : a).toArray();
    }
}
