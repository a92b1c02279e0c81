package io.clientspace.proposal;

import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.i18n.Translations;
import io.clientspace.shared.pdf.PdfSheet;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A sent proposal as a PDF in the reader's language: what the portal page shows (title, number, fee, validity,
 * scope, attachments) and where to answer it. Nothing internal (owner, approval, comments). The bytes are rendered
 * once per language and kept (see {@link ProposalService}), so what the customer downloads is what the acceptance's
 * evidence hashes.
 */
@Component
class ProposalPdf {

    private final Translations translations;
    private final ClientspaceProperties app;
    private final Clock clock;

    ProposalPdf(Translations translations, ClientspaceProperties app, Clock clock) {
        this.translations = translations;
        this.app = app;
        this.clock = clock;
    }

    byte[] render(CustomerProposal p, String clientName, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        PdfSheet sheet = PdfSheet.titled(p.title(), t(locale, "proposal.pdf.author"), p.sentAt());
        sheet.muted(t(locale, "proposal.pdf.subtitle", p.number(), clientName == null ? "" : clientName));
        sheet.heading(t(locale, "proposal.pdf.fee"));
        sheet.fact(t(locale, "proposal.fee-model"), t(locale, "proposal.fee-models." + p.feeModel().name()));
        for (ProposalFormat.Line line : ProposalFormat.feeLines(p.feeModel(), p.currency(), p.fixedAmount(),
                p.hourlyRate(), p.estimatedHours(), p.monthlyAmount(), p.termMonths(), p.milestones(),
                p.discountPercent(), p.feeAmount(), locale)) {
            sheet.fact(line.labelArg() == null ? t(locale, line.labelKey()) : t(locale, line.labelKey(),
                    line.labelArg()), line.value());
        }
        sheet.fact(t(locale, "proposal.valid-until"), day.format(p.validUntil()));
        sheet.fact(t(locale, "proposal.sent"), day.format(p.sentAt().atZone(clock.getZone())));
        sheet.heading(t(locale, "proposal.scope"));
        sheet.paragraph(p.scope());
        if (!p.attachments().isEmpty()) {
            sheet.heading(t(locale, "proposal.attachments"));
            p.attachments().forEach(a -> sheet.paragraph(a.name()));
        }
        sheet.heading(t(locale, "proposal.pdf.answer"));
        sheet.paragraph(t(locale, "proposal.pdf.answer-text", p.validUntil() == null ? ""
                : day.format(p.validUntil()), app.baseUrl() + "/" + ProposalNavigation.portalPage(p.id())));
        return sheet.toBytes();
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
