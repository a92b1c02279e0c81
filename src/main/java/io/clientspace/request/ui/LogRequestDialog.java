package io.clientspace.request.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.PendingUploads;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Staff log a request on the client's behalf, for example after a phone call, with the contact it came from. The
 * server checks every field; what was typed stays in the form until it is saved.
 */
class LogRequestDialog extends Dialog {

    final Select<String> category = new Select<>();
    final TextField subject = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<UUID> contact = new ComboBox<>();
    final DatePicker neededBy;
    final PendingUploads files;
    private final Paragraph otherErrors = new Paragraph();
    private final FormErrors errors = new FormErrors(this);
    private final UUID clientId;
    private final UUID projectId;
    private final ClientRequestService requests;
    private final Consumer<ClientRequest> onSaved;

    LogRequestDialog(UUID clientId, String clientName, UUID projectId, ClientRequestService requests,
                     Consumer<ClientRequest> onSaved) {
        this.clientId = clientId;
        this.projectId = projectId;
        this.requests = requests;
        this.onSaved = onSaved;
        neededBy = DatePickers.localized(new DatePicker(), getLocale());
        setId("log-request-form");
        setHeaderTitle(getTranslation("clientrequest.log-for", clientName));
        setWidth("min(44rem, 96vw)");
        setCloseOnOutsideClick(false);

        category.setLabel(getTranslation("clientrequest.category"));
        category.setId("log-request-category");
        category.setItems(requests.categories());
        category.setItemLabelGenerator(c -> getTranslation("clientrequest.category." + c));
        category.setRequiredIndicatorVisible(true);
        Map<UUID, String> contacts = requests.contactsOf(clientId);
        contact.setLabel(getTranslation("clientrequest.contact"));
        contact.setId("log-request-contact");
        contact.setItems(contacts.keySet());
        contact.setItemLabelGenerator(id -> contacts.getOrDefault(id, ""));
        subject.setLabel(getTranslation("clientrequest.subject"));
        subject.setId("log-request-subject");
        subject.setRequiredIndicatorVisible(true);
        subject.setWidthFull();
        description.setLabel(getTranslation("clientrequest.description"));
        description.setId("log-request-description");
        description.setWidthFull();
        description.setMinHeight("8rem");
        description.setValueChangeMode(ValueChangeMode.EAGER);
        description.addValueChangeListener(e -> description.setHelperText(getTranslation("clientrequest.counter",
                e.getValue().length(), ClientRequestService.DESCRIPTION_MAX)));
        description.setHelperText(getTranslation("clientrequest.counter", 0, ClientRequestService.DESCRIPTION_MAX));
        neededBy.setLabel(getTranslation("clientrequest.needed-by"));
        neededBy.setId("log-request-needed-by");
        files = new PendingUploads("log-request-upload", ClientRequestService.ATTACHMENTS_MAX,
                requests.maxUploadBytes(), getTranslation("clientrequest.attach"),
                getTranslation("clientrequest.attach.drop"));
        otherErrors.addClassName("form-error");
        otherErrors.setId("log-request-errors");
        otherErrors.setVisible(false);
        errors.field("category", category).field("subject", subject).field("description", description)
                .field("neededBy", neededBy).field("contact", contact);
        add(category, contact, subject, description, neededBy, files, otherErrors);

        Button save = new Button(getTranslation("clientrequest.log-save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("log-request-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    RequestDraft draft() {
        return new RequestDraft(category.getValue(), subject.getValue(), description.getValue(), projectId,
                neededBy.getValue(), contact.getValue(), files.files().stream()
                .map(f -> new RequestDraft.Upload(f.name(), f.content())).toList());
    }

    void save() {
        List<FieldProblem> problems = ClientRequestService.check(draft(), requests.categories(), LocalDate.now());
        if (!problems.isEmpty()) {
            show(problems);
            return;
        }
        try {
            // the typed text and the chosen files stay when the server refuses any of it
            ClientRequest saved = requests.raiseForClient(clientId, draft());
            files.clear();
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            show(e.problems());
        }
    }

    private void show(List<FieldProblem> problems) {
        List<FieldProblem> rest = errors.show(problems);
        otherErrors.setVisible(!rest.isEmpty());
        otherErrors.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .collect(Collectors.joining(" ")));
    }
}
