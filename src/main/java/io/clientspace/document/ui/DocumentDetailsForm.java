package io.clientspace.document.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A document's title and type, changed in place. A refused title stays in the field with its reason next to it; a
 * change someone else made in the meantime is refused with a message and the typed text is kept for another try.
 */
class DocumentDetailsForm extends Div {

    private final DocumentService documents;
    private final Consumer<ClientDocument> onSaved;
    private final FormErrors errors = new FormErrors(this);
    private ClientDocument document;
    final TextField title = new TextField();
    final Select<DocumentType> type = new Select<>();
    final Paragraph message = new Paragraph();
    final Button save = new Button();

    DocumentDetailsForm(ClientDocument document, DocumentService documents, Consumer<ClientDocument> onSaved) {
        this.document = document;
        this.documents = documents;
        this.onSaved = onSaved;
        addClassName("document-details-form");
        title.setLabel(getTranslation("document.title"));
        title.setId("document-edit-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(DocumentService.TITLE_MAX);
        title.setValue(document.title());
        type.setLabel(getTranslation("document.type"));
        type.setId("document-edit-type");
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> getTranslation("document.types." + t.name()));
        type.setValue(document.type());
        errors.field("title", title).field("type", type);
        message.addClassName("form-error");
        message.setId("document-edit-message");
        message.setVisible(false);
        save.setText(getTranslation("document.save-details"));
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        save.setId("document-edit-save");
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER).listenOn(title);
        FormLayout form = new FormLayout(title, type);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 3));
        form.setColspan(title, 2);
        add(form, save, message);
    }

    void save() {
        message.setVisible(false);
        try {
            ClientDocument saved = documents.update(document.id(), title.getValue(), type.getValue(),
                    document.version());
            errors.clear();
            document = saved;
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            showRest(errors.show(e.problems()));
        } catch (StaleDataException e) {
            // what the user typed stays; a second save is a deliberate choice over the newer state
            errors.clear();
            document = documents.get(document.id());
            message.setText(getTranslation("document.error.stale-details", document.title(),
                    getTranslation("document.types." + document.type().name())));
            message.setVisible(true);
        }
    }

    private void showRest(List<FieldProblem> rest) {
        if (!rest.isEmpty()) {
            message.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            message.setVisible(true);
        }
    }
}
