package io.clientspace.conversation.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading received mail: threading headers, parts, automatic mail, the size limit and broken MIME. */
class MailParserTests {

    private static final long LIMIT = 1024 * 1024;

    private static byte[] mail(String headers, String body) {
        return (headers.replace("\n", "\r\n") + "\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheEnvelopeTheTextAndTheReferencesClosestFirst() {
        ParsedMail m = MailParser.parse(mail("""
                From: Anna Berg <Anna@Kunde.example>
                To: nordlicht-7k3qfz@inbox.localhost
                Cc: Other <other@kunde.example>
                Subject: Re: Offer
                Message-ID: <m3@kunde.example>
                In-Reply-To: <m2@us.example>
                References: <m1@kunde.example> <m2@us.example>
                Content-Type: text/plain; charset=utf-8
                """, "Hello\nthere\n"), LIMIT);
        assertThat(m.marker()).isNull();
        assertThat(m.messageId()).isEqualTo("<m3@kunde.example>");
        assertThat(m.references()).containsExactly("<m2@us.example>", "<m1@kunde.example>");
        assertThat(m.fromAddress()).isEqualTo("anna@kunde.example");
        assertThat(m.fromName()).isEqualTo("Anna Berg");
        assertThat(m.recipients()).containsExactly("nordlicht-7k3qfz@inbox.localhost", "other@kunde.example");
        assertThat(m.text()).isEqualTo("Hello\nthere");
    }

    @Test
    void aWorkspaceAddressOnlyInDeliveredToIsARecipientTheIngestMatches() {
        // the client wrote to a list of their own and put the workspace address in Bcc: no To or Cc names it, only the
        // mail server's Delivered-To does
        MailAddressFormat format = new MailAddressFormat("inbox.localhost", "");
        ParsedMail m = MailParser.parse(mail("""
                From: Anna Berg <anna@kunde.example>
                To: team@kunde.example
                Cc: Boss <boss@kunde.example>
                Delivered-To: Nordlicht-7k3qfz@inbox.localhost
                Subject: Minutes
                Message-ID: <bcc1@kunde.example>
                Content-Type: text/plain; charset=utf-8
                """, "See the minutes.\n"), LIMIT);
        assertThat(m.to()).containsExactly("team@kunde.example");
        assertThat(m.cc()).containsExactly("boss@kunde.example");
        assertThat(m.recipients()).containsExactly("team@kunde.example", "boss@kunde.example",
                "nordlicht-7k3qfz@inbox.localhost");
        assertThat(m.recipients().stream().flatMap(r -> format.tokenOf(r).stream()))
                .containsExactly("nordlicht-7k3qfz");
        // the same for a mail over the size limit, of which only the headers are read
        ParsedMail stub = MailParser.parse(mail("From: anna@kunde.example\nTo: team@kunde.example\n"
                + "Delivered-To: nordlicht-7k3qfz@inbox.localhost\nSubject: Big\nMessage-ID: <bcc2@k>\n",
                "x".repeat(5000)), 1000);
        assertThat(stub.recipients().stream().flatMap(r -> format.tokenOf(r).stream()))
                .containsExactly("nordlicht-7k3qfz");
    }

    @Test
    void sanitisesHtmlWithoutRemoteImagesOrScriptsAndKeepsAttachments() {
        ParsedMail m = MailParser.parse(mail("""
                From: a@kunde.example
                To: x-abcdef@inbox.localhost
                Subject: Plan
                Message-ID: <h1@kunde.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"
                """, """
                --b1
                Content-Type: text/html; charset=utf-8

                <p onclick="x()">Hi <b>there</b><img src="https://tracker.example/p.gif"><script>alert(1)</script>
                <a href="javascript:alert(1)">bad</a> <a href="https://ok.example">ok</a></p>
                --b1
                Content-Type: text/csv; name="plan.csv"
                Content-Disposition: attachment; filename="plan.csv"

                a,b
                --b1--
                """), LIMIT);
        assertThat(m.html()).contains("<b>there</b>").doesNotContain("img", "script", "onclick", "javascript")
                .contains("href=\"https://ok.example\"").contains("rel=\"nofollow noopener noreferrer\"");
        assertThat(m.text()).contains("Hi there");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("plan.csv");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).contains("a,b");
        });
    }

    @Test
    void marksAutoRepliesBulkMailAndDeliveryReports() {
        String base = "From: a@kunde.example\nTo: x-abcdef@inbox.localhost\nSubject: Away\nMessage-ID: <a@k>\n";
        assertThat(MailParser.parse(mail(base + "Auto-Submitted: auto-replied\n", "away"), LIMIT).automatic())
                .isTrue();
        assertThat(MailParser.parse(mail(base + "Auto-Submitted: no\n", "hi"), LIMIT).automatic()).isFalse();
        assertThat(MailParser.parse(mail(base + "Precedence: bulk\n", "news"), LIMIT).automatic()).isTrue();
        assertThat(MailParser.parse(mail(base + "Content-Type: multipart/report; report-type=delivery-status;"
                + " boundary=\"r\"\n", "--r\nContent-Type: text/plain\n\nfailed\n--r--\n"), LIMIT).automatic()).isTrue();
        assertThat(MailParser.parse(mail(base, "hello"), LIMIT).automatic()).isFalse();
    }

    @Test
    void aMailOverTheLimitKeepsOnlyItsHeaders() {
        byte[] raw = mail("From: a@kunde.example\nTo: x-abcdef@inbox.localhost\nSubject: Big\nMessage-ID: <big@k>\n",
                "x".repeat(5000));
        ParsedMail m = MailParser.parse(raw, 1000);
        assertThat(m.marker()).isEqualTo(ParsedMail.Marker.OVERSIZE);
        assertThat(m.messageId()).isEqualTo("<big@k>");
        assertThat(m.subject()).isEqualTo("Big");
        assertThat(m.text()).isNull();
        assertThat(m.headers()).contains("Subject: Big");
        assertThat(m.recipients()).containsExactly("x-abcdef@inbox.localhost");
    }

    @Test
    void brokenMimeIsKeptRawWithAMarker() {
        byte[] raw = mail("From: a@kunde.example\nTo: x-abcdef@inbox.localhost\nSubject: Broken\n"
                + "Message-ID: <broken@k>\nContent-Type: multipart/mixed\n", "no boundary at all\n");
        ParsedMail m = MailParser.parse(raw, LIMIT);
        assertThat(m.marker()).isEqualTo(ParsedMail.Marker.MALFORMED);
        assertThat(m.raw()).isEqualTo(raw);
        assertThat(m.messageId()).isEqualTo("<broken@k>");
        assertThat(m.recipients()).containsExactly("x-abcdef@inbox.localhost");
    }

    @Test
    void aMailWithoutMessageIdGetsTheSameIdForTheSameBytes() {
        byte[] raw = mail("From: a@kunde.example\nTo: x-abcdef@inbox.localhost\nSubject: No id\n", "hi");
        assertThat(MailParser.parse(raw, LIMIT).messageId()).isEqualTo(MailParser.parse(raw.clone(), LIMIT).messageId())
                .endsWith("@no-message-id.clientspace.invalid>");
    }

    @Test
    void addressesInBothFormsAreReadBackAndOthersAreNot() {
        MailAddressFormat plain = new MailAddressFormat("inbox.firm.example", "");
        MailAddressFormat plus = new MailAddressFormat("firm.example", "clientspace");
        String token = MailAddressFormat.newToken("Nordlicht GmbH & Co. KG");
        assertThat(token).matches("nordlicht-gmbh-co-kg-[a-z2-9]{6}");
        assertThat(plain.address(token)).isEqualTo(token + "@inbox.firm.example");
        assertThat(plus.address(token)).isEqualTo("clientspace+" + token + "@firm.example");
        assertThat(plain.tokenOf(plain.address(token).toUpperCase())).contains(token);
        assertThat(plus.tokenOf(plus.address(token))).contains(token);
        assertThat(plus.tokenOf(token + "@firm.example")).isEmpty();
        assertThat(plain.tokenOf("someone@firm.example")).isEmpty();
        assertThat(MailAddressFormat.newToken("Müller Straße")).startsWith("muller-strasse-");
        assertThat(MailAddressFormat.newToken("Müller")).isNotEqualTo(MailAddressFormat.newToken("Müller"));
    }
}
