package io.clientspace.acceptance;

import io.clientspace.acceptance.domain.DocumentAcceptanceEntity;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.pdf.PdfSheet;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An accepted acceptance's evidence as a PDF sheet for people (the exported JSON is for machines): what was
 * accepted, by whom, when and from where, every sealed field as it is signed, the seal, and whether the stored row
 * still matches it.
 */
@Component
class EvidenceSheet {

    private final Translations translations;
    private final Clock clock;

    EvidenceSheet(Translations translations, Clock clock) {
        this.translations = translations;
        this.clock = clock;
    }

    byte[] render(DocumentAcceptanceEntity a, Map<String, String> signed, String clientName, String sentByName,
                  EvidenceCheck check, Locale locale) {
        DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(clock.getZone());
        PdfSheet sheet = PdfSheet.titled(t(locale, "acceptance.pdf.title", a.getDocumentTitle()), clientName,
                a.getAcceptedAt());
        sheet.muted(t(locale, "acceptance.pdf.subtitle", clientName, at.format(clock.instant())));
        sheet.heading(t(locale, "acceptance.pdf.document"));
        sheet.fact(t(locale, "acceptance.evidence.version"), a.getDocumentTitle() + " · v" + a.getVersionNumber()
                + " · " + a.getFileName());
        sheet.fact(t(locale, "acceptance.evidence.sha256"), a.getVersionSha256());
        sheet.fact(t(locale, "acceptance.evidence.sent"), t(locale, "acceptance.evidence.sent-value", sentByName,
                format(at, a.getSentAt()), format(at, a.getExpiresAt())));
        sheet.heading(t(locale, "acceptance.pdf.accepted"));
        sheet.fact(t(locale, "acceptance.evidence.typed-name"), a.getAcceptedName());
        sheet.fact(t(locale, "acceptance.evidence.at"), format(at, a.getAcceptedAt()));
        sheet.fact(t(locale, "acceptance.evidence.identity"), t(locale, "acceptance.evidence.identity-value",
                a.getAcceptedUsername(), a.getAcceptedEmail()));
        sheet.fact(t(locale, "acceptance.evidence.ip"), a.getAcceptedIp());
        sheet.fact(t(locale, "acceptance.evidence.agent"), a.getAcceptedUserAgent());
        sheet.heading(t(locale, "acceptance.pdf.sealed-fields"));
        signed.forEach((field, value) -> sheet.fact(field, value));
        sheet.fact(t(locale, "acceptance.evidence.seal"), a.getEvidenceHmac() == null ? "" : a.getEvidenceHmac());
        sheet.paragraph(t(locale, "acceptance.evidence.check." + check.name().toLowerCase(Locale.ROOT)));
        return sheet.toBytes();
    }

    private static String format(DateTimeFormatter f, Instant at) {
        return at == null ? "" : f.format(at);
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
