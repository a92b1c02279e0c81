package io.clientspace.conversation;

import io.clientspace.devservices.DevServices;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Mail from outside to a workspace address, as browser tests need it: sent over GreenMail's SMTP and read in. */
@Component
public final class MailTestData {

    private final MailInbox inbox;

    MailTestData(MailInbox inbox) {
        this.inbox = inbox;
    }

    /** Sends the mail, waits until the mailbox has it, and reads the mailbox once. */
    public void deliver(String from, String fromName, String to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(DevServices.mail().smtpSession());
        m.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        DevServices.mail().send(m);
        if (DevServices.mail().awaitMessage(to, subject, Duration.ofSeconds(20)).isEmpty()) {
            throw new IllegalStateException("GreenMail did not receive " + subject);
        }
        Optional<Integer> read = inbox.fetchNow();
        if (read.isEmpty()) {
            throw new IllegalStateException("Another reader holds the mailbox's lease");
        }
    }
}
