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
import io.clientspace.file.FilePreview;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.PreviewDialog;
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
    private final HorizontalLayout lifecycle = new HorizontalLayout();
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
        lifecycle.setSpacing(false);
        lifecycle.getStyle().set("gap", "var(--lumo-space-s)").set("margin-right", "auto");
        getFooter().add(lifecycle, closeButton);
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
        ClientDocument document;
        try {
            document = documents.get(documentId);
        } catch (NotFoundException e) {
            // deleted in another tab: nothing left to show
            close();
            return;
        }
        setHeaderTitle(document.title());
        body.removeAll();
        body.addClassName("document-details");
        if (document.archived()) {
            Span archived = new Span(getTranslation("document.archived-line", document.archivedByName(),
                    TabParts.date(getLocale(), clock.getZone(), document.archivedAt())));
            archived.getElement().getThemeList().add("badge contrast");
            archived.setId("document-archived");
            body.add(archived);
        }
        body.add(new DocumentDetailsForm(document, documents, saved -> {
            refresh();
            onChange.run();
        }));
        lifecycle(document);

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
        HorizontalLayout head = new HorizontalLayout(status);
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
        Button preview = new Button(VaadinIcon.EYE.create(), e -> preview(v));
        preview.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        preview.setAriaLabel(getTranslation("preview.open", v.fileName()));
        preview.getElement().setAttribute("title", getTranslation("preview.open", v.fileName()));
        preview.addClassName("version-preview");
        row.add(preview);
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

    private void preview(DocumentVersion v) {
        act(() -> {
            FilePreview preview = documents.preview(v.id());
            getUI().ifPresent(ui -> PreviewDialog.open(ui, v.fileName(), preview.link(), preview.contentType(),
                    preview.inline(), preview.inline() ? documents.downloadLink(v.id()) : preview.link()));
            return null;
        });
    }

    /** Delete for a draft, archive for anything else, and back from the archive. */
    private void lifecycle(ClientDocument document) {
        lifecycle.removeAll();
        if (document.archived()) {
            Button restore = new Button(getTranslation("document.unarchive"), VaadinIcon.ARROW_BACKWARD.create(),
                    e -> act(() -> documents.unarchive(documentId, document.version())));
            restore.setId("document-unarchive");
            lifecycle.add(restore);
            return;
        }
        if (documents.canDelete(documentId)) {
            Button delete = new Button(getTranslation("document.delete"), VaadinIcon.TRASH.create(),
                    e -> confirm(getTranslation("document.delete.title", document.title()),
                            getTranslation("document.delete.text", document.latestVersion()),
                            getTranslation("document.delete"), true, () -> {
                                act(() -> {
                                    documents.delete(documentId, document.version());
                                    return null;
                                });
                            }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.setId("document-delete");
            lifecycle.add(delete);
        }
        Button archive = new Button(getTranslation("document.archive"), VaadinIcon.ARCHIVE.create(),
                e -> confirm(getTranslation("document.archive.title", document.title()),
                        getTranslation("document.archive.text"), getTranslation("document.archive"), false,
                        () -> act(() -> documents.archive(documentId, document.version()))));
        archive.setId("document-archive");
        lifecycle.add(archive);
    }

    private void confirm(String title, String text, String action, boolean danger, Runnable onYes) {
        Dialog confirm = new Dialog();
        confirm.setId("document-confirm");
        confirm.setHeaderTitle(title);
        confirm.add(new Paragraph(text));
        Button yes = new Button(action, e -> {
            confirm.close();
            onYes.run();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            yes.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        yes.setId("document-confirm-yes");
        confirm.getFooter().add(new Button(getTranslation("action.cancel"), e -> confirm.close()), yes);
        confirm.open();
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
        } catch (NotFoundException e) {
            onChange.run();
            close();
            return;
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
