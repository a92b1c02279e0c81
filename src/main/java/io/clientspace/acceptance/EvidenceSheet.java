package io.clientspace.acceptance;

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

    byte[] render(AcceptanceEvidence e, Map<String, String> signed, EvidenceCheck check, Locale locale) {
        DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(clock.getZone());
        PdfSheet sheet = PdfSheet.titled(t(locale, "acceptance.pdf.title", e.documentTitle()), e.clientName(),
                e.acceptedAt());
        sheet.muted(t(locale, "acceptance.pdf.subtitle", e.clientName(), at.format(clock.instant())));
        sheet.heading(t(locale, "acceptance.pdf.document"));
        sheet.fact(t(locale, "acceptance.evidence.version"), e.documentTitle() + " · v" + e.versionNumber()
                + " · " + e.fileName());
        sheet.fact(t(locale, "acceptance.evidence.sha256"), e.sha256());
        sheet.fact(t(locale, "acceptance.evidence.sent"), t(locale, "acceptance.evidence.sent-value", e.sentBy(),
                format(at, e.sentAt()), format(at, e.expiresAt())));
        sheet.heading(t(locale, "acceptance.pdf.accepted"));
        sheet.fact(t(locale, "acceptance.evidence.typed-name"), e.typedName());
        sheet.fact(t(locale, "acceptance.evidence.at"), format(at, e.acceptedAt()));
        sheet.fact(t(locale, "acceptance.evidence.identity"), t(locale, "acceptance.evidence.identity-value",
                e.username(), e.email()));
        sheet.fact(t(locale, "acceptance.evidence.ip"), e.ipAddress());
        sheet.fact(t(locale, "acceptance.evidence.agent"), e.userAgent());
        sheet.heading(t(locale, "acceptance.pdf.sealed-fields"));
        signed.forEach((field, value) -> sheet.fact(field, value));
        sheet.fact(t(locale, "acceptance.evidence.seal"), e.seal() == null ? "" : e.seal());
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
