package io.clientspace.document.ui;

import io.clientspace.shared.WorkScope;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A new document on the client: title, type and the first version's file. */
class NewDocumentDialog extends Dialog {

    private final WorkScope scope;
    private final DocumentService documents;
    private final Consumer<ClientDocument> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField title = new TextField();
    final Select<DocumentType> type = new Select<>();
    final UploadSlot file;
    private final Paragraph fileError = new Paragraph();

    NewDocumentDialog(WorkScope scope, String workspaceName, DocumentService documents, Consumer<ClientDocument> onSaved) {
        this.scope = scope;
        this.documents = documents;
        this.onSaved = onSaved;
        setId("document-form");
        setHeaderTitle(getTranslation("documents.new-for", workspaceName));
        setWidth("min(36rem, 96vw)");
        setCloseOnOutsideClick(false);

        title.setLabel(getTranslation("document.title"));
        title.setId("document-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(DocumentService.TITLE_MAX);
        type.setLabel(getTranslation("document.type"));
        type.setId("document-type");
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> getTranslation("document.types." + t.name()));
        type.setValue(DocumentType.CONTRACT);
        file = new UploadSlot("document-file", documents.maxUploadBytes(), () -> fileError.setVisible(false));
        fileError.addClassName("form-error");
        fileError.setId("document-file-error");
        fileError.setVisible(false);
        errors.field("title", title).field("type", type);

        FormLayout form = new FormLayout(title, type);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        add(form, file, fileError);

        Button save = new Button(getTranslation("documents.create"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("document-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                file.clear();
            }
        });
        // leaving the page with the dialog open must not leave the waiting file behind either
        addDetachListener(e -> file.clear());
    }

    void save() {
        try {
            ClientDocument saved = documents.create(scope, title.getValue(), type.getValue(), file.fileName(),
                    file.path());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            showFileProblems(rest);
        } catch (StorageUnavailableException e) {
            showFileProblems(List.of(FieldProblem.of("file", "file.error.storage", file.fileName())));
        }
    }

    private void showFileProblems(List<FieldProblem> problems) {
        fileError.setVisible(!problems.isEmpty());
        fileError.setText(problems.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" ")));
    }
}
