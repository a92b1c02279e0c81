package io.clientspace.acceptance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.acceptance.EvidenceCheck;
import java.util.Locale;
import java.util.Set;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.clientspace.acceptance.Acceptance;
import io.clientspace.acceptance.AcceptanceEvidence;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.acceptance.AcceptanceStatus;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentVersion;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.DatePickers;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The document dialog's Acceptance section: sends a version to the client's portal contacts for formal acceptance
 * with a deadline, lists what was sent and how it ended, withdraws a pending one with a reason, shows and exports the
 * evidence of an acceptance (JSON and PDF), and sends an expired or withdrawn one again. When sending is not
 * possible the section says why instead of offering it.
 */
class AcceptanceSection extends Div {

    private final ClientDocument document;
    private final List<DocumentVersion> versions;
    private final AcceptanceService acceptances;
    private final Clock clock;
    private final Runnable onChange;
    private final Paragraph message = new Paragraph();

    AcceptanceSection(ClientDocument document, List<DocumentVersion> versions, AcceptanceService acceptances,
                      Clock clock, Runnable onChange) {
        this.document = document;
        this.versions = versions;
        this.acceptances = acceptances;
        this.clock = clock;
        this.onChange = onChange;
        setId("document-acceptance");
        addClassName("task-section");
        message.addClassName("form-error");
        message.setId("acceptance-message");
        message.setVisible(false);
        render();
    }

    private void render() {
        removeAll();
        add(new H3(getTranslation("acceptance.title")), message);
        List<Acceptance> sent = acceptances.forDocument(document.id());
        if (sent.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("acceptance.none"));
            none.addClassName("muted");
            add(none);
        }
        Div list = new Div();
        list.setId("acceptance-list");
        sent.forEach(a -> list.add(row(a)));
        add(list);
        add(sendForm(sent));
    }

    private Component row(Acceptance a) {
        Span badge = new Span(getTranslation("acceptance.statuses." + a.status().name()));
        badge.getElement().getThemeList().add(switch (a.status()) {
            case PENDING -> "badge";
            case ACCEPTED -> "badge success";
            case EXPIRED -> "badge error";
            case WITHDRAWN -> "badge contrast";
        });
        badge.addClassName("acceptance-status");
        Span line = new Span(getTranslation("acceptance.line", a.versionNumber(), a.sentByName(),
                dateTime(a.sentAt()), dateTime(a.expiresAt())));
        HorizontalLayout row = new HorizontalLayout(badge, line);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("acceptance-row");
        row.setWrap(true);
        if (a.status() == AcceptanceStatus.ACCEPTED) {
            Span by = new Span(getTranslation("acceptance.accepted-line", a.acceptedName(), a.acceptedBy(),
                    dateTime(a.acceptedAt())));
            Button evidence = new Button(getTranslation("acceptance.evidence"), VaadinIcon.FILE_TEXT_O.create(),
                    e -> showEvidence(a.id()));
            evidence.addThemeVariants(ButtonVariant.LUMO_SMALL);
            evidence.addClassName("acceptance-evidence");
            row.add(by, evidence);
        } else if (a.status() == AcceptanceStatus.PENDING) {
            if (a.remindedAt() != null) {
                Span reminded = new Span(getTranslation("acceptance.reminded", dateTime(a.remindedAt())));
                reminded.addClassName("muted");
                row.add(reminded);
            }
            if (acceptances.canSend(new WorkScope(document.clientId(), document.projectId()))) {
                Button withdraw = new Button(getTranslation("acceptance.withdraw"), VaadinIcon.BAN.create(),
                        e -> withdrawDialog(a));
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                withdraw.addClassName("acceptance-withdraw");
                row.add(withdraw);
            }
        } else if (a.status() == AcceptanceStatus.WITHDRAWN) {
            Span withdrawn = new Span(getTranslation("acceptance.withdrawn-line", a.withdrawnByName(),
                    dateTime(a.withdrawnAt()), a.withdrawReason()));
            withdrawn.addClassName("muted");
            withdrawn.addClassName("acceptance-withdrawn");
            row.add(withdrawn);
        }
        return row;
    }

    /** Asks why, then withdraws the pending acceptance; a reason is required, and the typed text stays on error. */
    private void withdrawDialog(Acceptance a) {
        Dialog dialog = new Dialog();
        dialog.setId("acceptance-withdraw-dialog");
        dialog.setHeaderTitle(getTranslation("acceptance.withdraw-title", a.documentTitle(), a.versionNumber()));
        Paragraph text = new Paragraph(getTranslation("acceptance.withdraw-text"));
        TextArea reason = new TextArea(getTranslation("acceptance.withdraw-reason"));
        reason.setId("acceptance-withdraw-reason");
        reason.setMaxLength(AcceptanceService.REASON_MAX);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("acceptance.withdraw"), VaadinIcon.BAN.create());
        confirm.setId("acceptance-withdraw-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            try {
                acceptances.withdraw(a.id(), reason.getValue());
                dialog.close();
                message.setVisible(false);
                render();
                onChange.run();
            } catch (InvalidInputException ex) {
                String problem = ex.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" "));
                reason.setErrorMessage(problem);
                reason.setInvalid(true);
                confirm.setEnabled(true);
            }
        });
        dialog.add(text, reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), x -> dialog.close()), confirm);
        dialog.open();
    }

    private Component sendForm(List<Acceptance> sent) {
        Div box = new Div();
        box.addClassName("acceptance-send");
        WorkScope scope = new WorkScope(document.clientId(), document.projectId());
        Set<UUID> accepted = sent.stream().filter(a -> a.status() == AcceptanceStatus.ACCEPTED)
                .map(Acceptance::versionId).collect(Collectors.toSet());
        List<DocumentVersion> open = versions.stream().filter(v -> !accepted.contains(v.id())).toList();
        String blocked = null;
        if (!acceptances.canSend(scope)) {
            blocked = getTranslation("acceptance.blocked.permission");
        } else if (!acceptances.hasRecipients(document.clientId())) {
            blocked = getTranslation("acceptance.blocked.no-contacts");
        } else if (versions.isEmpty()) {
            blocked = getTranslation("acceptance.blocked.no-version");
        } else if (sent.stream().anyMatch(a -> a.status() == AcceptanceStatus.PENDING)) {
            blocked = getTranslation("acceptance.blocked.pending");
        } else if (open.isEmpty()) {
            blocked = getTranslation("acceptance.blocked.all-accepted");
        }
        if (blocked != null) {
            Paragraph why = new Paragraph(blocked);
            why.setId("acceptance-blocked");
            why.addClassName("muted");
            box.add(why);
            return box;
        }
        Select<DocumentVersion> version = new Select<>();
        version.setId("acceptance-version");
        version.setLabel(getTranslation("acceptance.version"));
        version.setItems(open);
        version.setItemLabelGenerator(v -> getTranslation(v.isFinal() ? "acceptance.version-final"
                : "acceptance.version-option", v.number(), v.fileName()));
        version.setValue(open.stream().filter(DocumentVersion::isFinal).findFirst().orElse(open.get(0)));
        DatePicker day = DatePickers.localized(new DatePicker(getTranslation("acceptance.deadline")), getLocale());
        day.setId("acceptance-deadline-date");
        day.setValue(LocalDate.now(clock).plusDays(7));
        day.setMin(LocalDate.now(clock));
        TimePicker time = new TimePicker(getTranslation("acceptance.deadline-time"));
        time.setId("acceptance-deadline-time");
        time.setLocale(getLocale());
        time.setValue(LocalTime.of(17, 0));
        Button send = new Button(getTranslation("acceptance.send"), VaadinIcon.PAPERPLANE.create());
        send.setId("acceptance-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            day.setInvalid(false);
            Instant deadline = day.getValue() == null || time.getValue() == null ? null
                    : day.getValue().atTime(time.getValue()).atZone(clock.getZone()).toInstant();
            UUID previous = sent.stream().filter(a -> ended(a)
                    && a.versionId().equals(version.getValue().id())).findFirst().map(Acceptance::id).orElse(null);
            try {
                if (previous != null) {
                    acceptances.resend(previous, deadline);
                } else {
                    acceptances.send(version.getValue().id(), deadline);
                }
                message.setVisible(false);
                render();
                onChange.run();
            } catch (InvalidInputException ex) {
                show(ex.problems(), day);
                send.setEnabled(true);
            }
        });
        HorizontalLayout fields = new HorizontalLayout(version, day, time, send);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        boolean anyExpired = sent.stream().anyMatch(AcceptanceSection::ended);
        if (anyExpired) {
            Paragraph hint = new Paragraph(getTranslation("acceptance.resend-hint"));
            hint.addClassName("muted");
            box.add(hint);
        }
        box.add(fields);
        return box;
    }

    /** Expired or withdrawn: its version may be sent again. */
    private static boolean ended(Acceptance a) {
        return a.status() == AcceptanceStatus.EXPIRED || a.status() == AcceptanceStatus.WITHDRAWN;
    }

    private void show(List<FieldProblem> problems, DatePicker day) {
        String text = problems.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" "));
        if (problems.stream().allMatch(p -> "expiresAt".equals(p.field()))) {
            day.setErrorMessage(text);
            day.setInvalid(true);
            return;
        }
        message.setText(text);
        message.setVisible(true);
    }

    private void showEvidence(UUID acceptanceId) {
        AcceptanceEvidence e = acceptances.evidence(acceptanceId);
        Dialog dialog = new Dialog();
        dialog.setId("acceptance-evidence-dialog");
        dialog.setHeaderTitle(getTranslation("acceptance.evidence-title", e.documentTitle()));
        Div facts = new Div();
        facts.addClassName("evidence-facts");
        fact(facts, "evidence-name", "acceptance.evidence.typed-name", e.typedName());
        fact(facts, "evidence-at", "acceptance.evidence.at", dateTime(e.acceptedAt()));
        fact(facts, "evidence-who", "acceptance.evidence.identity",
                getTranslation("acceptance.evidence.identity-value", e.username(), e.email()));
        fact(facts, "evidence-ip", "acceptance.evidence.ip", e.ipAddress());
        fact(facts, "evidence-agent", "acceptance.evidence.agent", e.userAgent() == null ? "" : e.userAgent());
        fact(facts, "evidence-version", "acceptance.evidence.version",
                getTranslation("acceptance.version-option", e.versionNumber(), e.fileName()));
        fact(facts, "evidence-sha256", "acceptance.evidence.sha256", e.sha256());
        fact(facts, "evidence-sent", "acceptance.evidence.sent",
                getTranslation("acceptance.evidence.sent-value", e.sentBy(), dateTime(e.sentAt()),
                        dateTime(e.expiresAt())));
        fact(facts, "evidence-seal", "acceptance.evidence.seal",
                getTranslation(checkKey(acceptances.verifyStored(acceptanceId))));
        String fileName = "acceptance-evidence-" + e.acceptanceId() + ".json";
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = acceptances.evidenceExport(acceptanceId);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/json", bytes.length);
        }), getTranslation("acceptance.evidence.export"));
        export.setId("evidence-export");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        String pdfName = "acceptance-evidence-" + e.acceptanceId() + ".pdf";
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = acceptances.evidencePdf(acceptanceId);
            return new DownloadResponse(new ByteArrayInputStream(bytes), pdfName, "application/pdf", bytes.length);
        }), getTranslation("acceptance.evidence.pdf"));
        pdf.setId("evidence-pdf");
        pdf.addComponentAsFirst(VaadinIcon.FILE_TEXT_O.create());
        dialog.add(facts, verifyExportedFile());
        Button close = new Button(getTranslation("action.close"), x -> dialog.close());
        dialog.getFooter().add(pdf, export, close);
        dialog.open();
    }

    /** Checks an exported evidence file someone brings back, e.g. an auditor's copy, against its seal (DD010). */
    private Div verifyExportedFile() {
        Span result = new Span();
        result.setId("evidence-verify-result");
        UI ui = UI.getCurrent();
        var upload = new Upload(UploadHandler
                .inMemory((metadata, bytes) -> ui.access(() -> result.setText(
                        getTranslation(checkKey(acceptances.verifyExport(bytes)))))));
        upload.setId("evidence-verify-upload");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(1024 * 1024);
        upload.setUploadButton(new Button(getTranslation("acceptance.evidence.verify-file")));
        Div box = new Div(upload, result);
        box.addClassName("evidence-verify");
        return box;
    }

    private static String checkKey(EvidenceCheck check) {
        return "acceptance.evidence.check." + check.name().toLowerCase(Locale.ROOT);
    }

    private void fact(Div facts, String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("fact-label");
        Span v = new Span(value);
        v.setId(id);
        facts.add(new Div(label, v));
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(instant.atZone(clock.getZone()));
    }
}
