package io.clientspace.client;

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

/** Tells a client's owner by e-mail, in their language, that a colleague asks for access. Retried after a crash. */
@Component
class AccessRequestNotifier {

    private static final Logger log = LoggerFactory.getLogger(AccessRequestNotifier.class);

    private final JavaMailSender mail;
    private final StaffDirectory staff;
    private final ClientspaceProperties app;
    private final Translations translations;

    AccessRequestNotifier(JavaMailSender mail, StaffDirectory staff, ClientspaceProperties app,
                          Translations translations) {
        this.mail = mail;
        this.staff = staff;
        this.app = app;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        var owner = staff.find(event.owner()).orElse(null);
        if (owner == null || owner.email() == null || owner.email().isBlank()) {
            log.warn("Access to client {} requested, but its owner {} has no e-mail address", event.clientId(),
                    event.owner());
            return;
        }
        Locale locale = staff.localeOf(owner.username()).map(Translations::supported).orElse(Locale.ENGLISH);
        String requester = staff.displayName(event.requester());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(app.mailFrom());
        message.setTo(owner.email());
        boolean project = event.projectId() != null;
        message.setSubject(translations.getTranslation(project ? "mail.project-access-request.subject"
                : "mail.access-request.subject", locale, requester, event.clientName()));
        message.setText(translations.getTranslation(project ? "mail.project-access-request.body"
                : "mail.access-request.body", locale, owner.displayName(),
                requester, event.clientName(), app.baseUrl() + "/" + event.workspacePath()));
        mail.send(message);
    }
}
