package io.clientspace.devservices;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A mail sandbox: GreenMail takes every message the app sends over SMTP, and in RUN mode a small page at
 * http://localhost:8025 shows them, newest first. Its IMAP server holds the catch-all mailbox of the workspace
 * addresses: every mail to an address @{@value #INBOX_DOMAIN}, sent over its SMTP port (swaks, or a test), lands in
 * the mailbox of {@value #INBOX_USER}, which the app reads.
 */
public final class MailService implements AutoCloseable {

    /** The SMTP port application.yml and the realm files default to. */
    static final int RUN_SMTP_PORT = 1025;
    static final int RUN_WEB_PORT = 8025;
    /** The IMAP port of the local run. */
    static final int RUN_IMAP_PORT = 3143;
    /** The workspace addresses' domain in the local run and the tests. */
    public static final String INBOX_DOMAIN = "inbox.localhost";
    /** The catch-all mailbox's login and its demo password (a production start refuses it). */
    public static final String INBOX_USER = "clientspace-inbox";
    public static final String INBOX_PASSWORD = "clientspace-inbox-dev-password";

    private final GreenMail greenMail;
    private final HttpServer web;

    private MailService(GreenMail greenMail, HttpServer web) {
        this.greenMail = greenMail;
        this.web = web;
    }

    static int port(DevServices.Mode mode) {
        return mode == DevServices.Mode.RUN ? RUN_SMTP_PORT : Ports.free();
    }

    static MailService start(DevServices.Mode mode, int smtp) {
        int imap = mode == DevServices.Mode.RUN ? RUN_IMAP_PORT : Ports.free();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        catchAll(greenMail);
        HttpServer web = null;
        if (mode == DevServices.Mode.RUN) {
            try {
                web = HttpServer.create(new InetSocketAddress("127.0.0.1", RUN_WEB_PORT), 0);
                web.createContext("/", exchange -> {
                    byte[] body = page(greenMail.getReceivedMessages()).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                web.start();
            } catch (IOException e) {
                System.err.println("Mail sandbox page not available: " + e.getMessage());
            }
        }
        return new MailService(greenMail, web);
    }

    /**
     * Routes every address of the inbox domain to one mailbox, as a provider's catch-all (or a plus-address mailbox)
     * does; any other address gets its own mailbox, as before.
     */
    private static void catchAll(GreenMail greenMail) {
        GreenMailUser inbox = greenMail.setUser(INBOX_USER + "@" + INBOX_DOMAIN, INBOX_USER, INBOX_PASSWORD);
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler usual = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) ->
                address.getEmail().toLowerCase(java.util.Locale.ROOT).endsWith("@" + INBOX_DOMAIN) ? inbox
                        : usual.handle(message, address));
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Sends a mail over the sandbox's SMTP port, as an outside sender would. */
    public void send(MimeMessage message) throws MessagingException {
        jakarta.mail.Transport.send(message);
    }

    /** A session that sends through the sandbox's SMTP port. */
    public jakarta.mail.Session smtpSession() {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort()));
        return jakarta.mail.Session.getInstance(props);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Waits until a message to the address with the subject has arrived, or the time is up.
     *
     * @return the message, or empty when none came in time
     */
    public Optional<MimeMessage> awaitMessage(String to, String subject, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MimeMessage[] all = greenMail.getReceivedMessages();
            for (MimeMessage m : all) {
                try {
                    if (subject.equals(m.getSubject()) && Arrays.stream(m.getAllRecipients())
                            .anyMatch(r -> r.toString().equalsIgnoreCase(to))) {
                        return Optional.of(m);
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            // GreenMail signals each delivery: wake up on the next one rather than sleeping a fixed time
            greenMail.waitForIncomingEmail(left, all.length + 1);
        }
    }

    /**
     * Waits until at least {@code count} messages to the address have arrived, whatever their subject (Keycloak
     * writes its own), or the time is up.
     *
     * @return the messages to the address, oldest first; fewer than asked when the time ran out
     */
    public List<MimeMessage> awaitMessages(String to, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MimeMessage[] all = greenMail.getReceivedMessages();
            List<MimeMessage> mine = Arrays.stream(all).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients())
                            .anyMatch(r -> r.toString().equalsIgnoreCase(to));
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (mine.size() >= count || left <= 0) {
                return mine;
            }
            greenMail.waitForIncomingEmail(left, all.length + 1);
        }
    }

    /** Every message received so far. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    static String page(MimeMessage[] messages) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Clientspace mail sandbox</title>
                <style>body{font:14px system-ui;margin:2rem;max-width:60rem}article{border:1px solid #ddd;
                border-radius:8px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}</style></head><body>
                <h1>Mail sandbox</h1><p>Messages Clientspace sent in this run, newest first.</p>""");
        if (messages.length == 0) {
            html.append("<p><em>No messages yet.</em></p>");
        }
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                MimeMessage m = messages[i];
                html.append("<article><strong>").append(escape(m.getSubject())).append("</strong><br>To: ")
                        .append(escape(String.join(", ", Arrays.stream(m.getAllRecipients())
                                .map(Object::toString).toList())))
                        .append("<pre>").append(escape(GreenMailUtil.getBody(m))).append("</pre></article>");
            } catch (Exception e) {
                html.append("<article>Unreadable message: ").append(escape(e.getMessage())).append("</article>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        if (web != null) {
            web.stop(0);
        }
        greenMail.stop();
    }
}
