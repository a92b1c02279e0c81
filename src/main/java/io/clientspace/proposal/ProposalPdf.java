package io.clientspace.proposal;

import io.clientspace.proposal.domain.ProposalEntity;
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

    byte[] render(ProposalEntity p, String clientName, List<ProposalAttachment> attachments, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        PdfSheet sheet = PdfSheet.titled(p.getTitle(), t(locale, "proposal.pdf.author"), p.getSentAt());
        sheet.muted(t(locale, "proposal.pdf.subtitle", p.getNumber(), clientName == null ? "" : clientName));
        sheet.heading(t(locale, "proposal.pdf.fee"));
        sheet.fact(t(locale, "proposal.fee-model"), t(locale, "proposal.fee-models." + p.getFeeModel().name()));
        List<Milestone> milestones = p.getMilestones().stream().map(m -> new Milestone(m.getTitle(), m.getAmount()))
                .toList();
        for (ProposalFormat.Line line : ProposalFormat.feeLines(p.getFeeModel(), p.getCurrency(), p.getFixedAmount(),
                p.getHourlyRate(), p.getEstimatedHours(), p.getMonthlyAmount(), p.getTermMonths(), milestones,
                p.getDiscountPercent(), p.getFeeAmount(), locale)) {
            sheet.fact(line.labelArg() == null ? t(locale, line.labelKey()) : t(locale, line.labelKey(),
                    line.labelArg()), line.value());
        }
        sheet.fact(t(locale, "proposal.valid-until"), day.format(p.getValidUntil()));
        sheet.fact(t(locale, "proposal.sent"), day.format(p.getSentAt().atZone(clock.getZone())));
        sheet.heading(t(locale, "proposal.scope"));
        sheet.paragraph(p.getScope());
        if (!attachments.isEmpty()) {
            sheet.heading(t(locale, "proposal.attachments"));
            attachments.forEach(a -> sheet.paragraph(a.name()));
        }
        sheet.heading(t(locale, "proposal.pdf.answer"));
        sheet.paragraph(t(locale, "proposal.pdf.answer-text", p.getValidUntil() == null ? ""
                : day.format(p.getValidUntil()), app.baseUrl() + "/" + ProposalNavigation.portalPage(p.getId())));
        return sheet.toBytes();
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
