package io.clientspace.deal;

import io.clientspace.client.ClientService;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.i18n.Translations;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a deal's owner by e-mail, in the language they chose in Keycloak, that their deal has stalled. Runs after
 * the flag is committed; Spring Modulith's publication registry retries it after a crash or a mail server outage.
 */
@Component
class DealStallNotifier {

    private static final Logger log = LoggerFactory.getLogger(DealStallNotifier.class);

    private final JavaMailSender mail;
    private final StaffDirectory staff;
    private final ClientService clients;
    private final ClientspaceProperties app;
    private final Translations translations;

    DealStallNotifier(JavaMailSender mail, StaffDirectory staff, ClientService clients, ClientspaceProperties app,
                      Translations translations) {
        this.mail = mail;
        this.staff = staff;
        this.clients = clients;
        this.app = app;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(DealStalled event) {
        var client = clients.refForNotification(event.clientId()).orElse(null);
        if (client == null) {
            return;
        }
        // the deal's owner, as long as they can still open the client; after a handover, the client's owner
        String recipient = staff.find(event.owner()).filter(m -> m.username().equals(client.owner())
                || m.roles().contains(io.clientspace.security.Roles.ADMIN)
                || m.roles().contains(io.clientspace.security.Roles.MANAGER))
                .map(io.clientspace.security.StaffMember::username).orElse(client.owner());
        var owner = staff.find(recipient).orElse(null);
        if (owner == null || owner.email() == null || owner.email().isBlank()) {
            log.warn("Deal {} stalled, but {} has no e-mail address", event.dealId(), recipient);
            return;
        }
        Locale locale = staff.localeOf(owner.username()).map(Translations::supported).orElse(Locale.ENGLISH);
        String clientName = client.name();
        String link = app.baseUrl() + "/" + client.workspacePath();
        String stage = translations.getTranslation("deal.stages." + event.stage().name(), locale);

        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(owner.email());
        message.setSubject(translations.getTranslation("mail.deal-stalled.subject", locale, event.dealTitle()));
        message.setText(translations.getTranslation("mail.deal-stalled.body", locale, owner.displayName(),
                event.dealTitle(), clientName, stage, link));
        mail.send(message);
    }
}
