package io.clientspace.document.ui;

import io.clientspace.shared.ui.tabs.TabParts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentStatus;
import io.clientspace.document.DocumentVersion;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.UploadTexts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One document: its status, every version with who uploaded it when and its SHA-256, which one is final, and a new
 * version upload. Versions are never overwritten.
 */
class DocumentDialog extends Dialog {

    private final UUID documentId;
    private final DocumentService documents;
    private final List<DocumentExtension> extensions;
    private final Clock clock;
    private final Runnable onChange;
    private final Div body = new Div();
    private final Paragraph message = new Paragraph();
    private final UploadSlot nextVersion;
    final TextField note = new TextField();

    DocumentDialog(UUID documentId, DocumentService documents, List<DocumentExtension> extensions, Clock clock,
                   Runnable onChange) {
        this.extensions = extensions;
        this.documentId = documentId;
        this.documents = documents;
        this.clock = clock;
        this.onChange = onChange;
        setId("document-details");
        setWidth("min(52rem, 96vw)");
        message.addClassName("form-error");
        message.setId("document-message");
        message.setVisible(false);
        note.setLabel(getTranslation("document.version-note"));
        note.setId("version-note");
        note.setMaxLength(DocumentService.NOTE_MAX);
        note.setWidthFull();
        nextVersion = new UploadSlot("version-file", documents.maxUploadBytes(), () -> message.setVisible(false));
        add(message, body);
        Button closeButton = new Button(getTranslation("action.close"), e -> close());
        closeButton.setId("document-close");
        getFooter().add(closeButton);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                nextVersion.clear();
            }
        });
        // leaving the page with the dialog open must not leave the waiting file behind either
        addDetachListener(e -> nextVersion.clear());
        refresh();
    }

    private void refresh() {
        ClientDocument document = documents.get(documentId);
        setHeaderTitle(document.title());
        body.removeAll();
        body.addClassName("document-details");

        Select<DocumentStatus> status = new Select<>();
        status.setLabel(getTranslation("document.status"));
        status.setId("document-status-select");
        status.setItems(DocumentStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("document.statuses." + s.name()));
        status.setValue(document.status());
        status.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> documents.setStatus(documentId, e.getValue(), document.version()));
            }
        });
        Span type = new Span(getTranslation("document.types." + document.type().name()));
        type.getElement().getThemeList().add("badge contrast");
        HorizontalLayout head = new HorizontalLayout(type, status);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        body.add(head);

        Div list = new Div(new H3(getTranslation("document.versions")));
        list.setId("document-versions");
        list.addClassName("task-section");
        List<DocumentVersion> all = documents.versions(documentId);
        for (DocumentVersion v : all) {
            list.add(versionRow(v, document));
        }
        body.add(list);
        extensions.forEach(x -> x.dialogSection(document, all, clock, onChange).ifPresent(body::add));

        Div upload = new Div(new H3(getTranslation("document.new-version")), nextVersion, note);
        upload.addClassName("task-section");
        Button add = new Button(getTranslation("document.add-version"), VaadinIcon.UPLOAD.create(), e -> addVersion());
        add.setId("version-add");
        upload.add(add);
        body.add(upload);
    }

    private Component versionRow(DocumentVersion v, ClientDocument document) {
        Span line = new Span(getTranslation("document.version-line", v.number(), v.fileName(),
                UploadTexts.size(this, v.sizeBytes()), v.uploadedByName(),
                TabParts.date(getLocale(), clock.getZone(), v.uploadedAt())));
        Span hash = new Span(getTranslation("document.sha256-short", v.sha256().substring(0, 12)));
        hash.addClassName("muted");
        hash.getElement().setAttribute("title", v.sha256());
        HorizontalLayout row = new HorizontalLayout(line, hash);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("document-version");
        if (v.awaitingScan()) {
            // quarantined until clamd has scanned it (DD010): a badge, nothing to mark final or download
            Span badge = new Span(getTranslation("file.awaiting-scan"));
            badge.getElement().getThemeList().add("badge contrast");
            badge.addClassName("version-awaiting-scan");
            badge.getElement().setAttribute("title", getTranslation("document.awaiting-scan-hint"));
            row.add(badge);
            if (v.note() != null) {
                Span n = new Span(v.note());
                n.addClassName("muted");
                row.add(n);
            }
            return row;
        }
        if (v.isFinal()) {
            Span fin = new Span(getTranslation("document.final"));
            fin.getElement().getThemeList().add("badge success");
            fin.addClassName("final-badge");
            row.add(fin);
        } else {
            Button mark = new Button(getTranslation("document.mark-final"), VaadinIcon.CHECK.create(),
                    e -> act(() -> documents.markFinal(documentId, v.id(), document.version())));
            mark.addThemeVariants(ButtonVariant.LUMO_SMALL);
            mark.addClassName("mark-final");
            row.add(mark);
        }
        Button download = new Button(VaadinIcon.DOWNLOAD_ALT.create(), e -> download(v));
        download.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        download.setAriaLabel(getTranslation("file.download"));
        download.addClassName("version-download");
        row.add(download);
        if (v.note() != null) {
            Span n = new Span(v.note());
            n.addClassName("muted");
            row.add(n);
        }
        return row;
    }

    private void addVersion() {
        if (nextVersion.path() == null) {
            showMessage(getTranslation("document.error.file-required"));
            return;
        }
        act(() -> documents.addVersion(documentId, nextVersion.fileName(), nextVersion.path(), note.getValue()));
        if (!message.isVisible()) {
            nextVersion.clear();
            note.clear();
        }
    }

    private void download(DocumentVersion v) {
        act(() -> {
            String link = documents.downloadLink(v.id());
            getUI().ifPresent(ui -> Downloads.start(ui, link));
            return null;
        });
    }

    private void act(Supplier<?> action) {
        message.setVisible(false);
        try {
            action.get();
        } catch (InvalidInputException e) {
            showMessage(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
        } catch (StaleDataException e) {
            showMessage(getTranslation("document.error.stale"));
        } catch (StorageUnavailableException e) {
            showMessage(getTranslation("file.error.storage", nextVersion.fileName() == null ? ""
                    : nextVersion.fileName()));
        }
        boolean problem = message.isVisible();
        String text = message.getText();
        refresh();
        onChange.run();
        if (problem) {
            showMessage(text);
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
