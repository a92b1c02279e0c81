package io.clientspace.client.ui;

import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ContactErasurePreview;
import java.util.function.Consumer;

/**
 * The preview of erasing a contact person on their request: which fields are blanked, what other modules erase
 * (their portal identity) and what is kept as the legal record (acceptance and proposal evidence). It cannot be
 * undone, and says so.
 */
class EraseContactDialog extends ConfirmPreviewDialog {

    private final ClientService clients;
    private final Client contact;

    EraseContactDialog(ClientService clients, ContactErasurePreview preview, Consumer<Client> onErased) {
        super("contact-erase", "client.erase.stale", onErased);
        this.clients = clients;
        this.contact = preview.contact();
        setHeaderTitle(getTranslation("client.erase.title", contact.name()));
        confirm.setText(getTranslation("client.erase.confirm"));
        body.add(section(getTranslation("client.erase.fields"),
                preview.blankedFields().stream().map(this::getTranslation).toList(), "erase-fields"));
        addConsequences(preview.consequences(), "erase-consequence");
        Paragraph evidence = new Paragraph(getTranslation("client.erase.evidence-kept"));
        evidence.setId("contact-erase-evidence");
        Paragraph irreversible = new Paragraph(getTranslation("client.erase.irreversible"));
        irreversible.addClassName("form-error");
        body.add(evidence, new Paragraph(getTranslation("client.erase.timeline",
                getTranslation("client.erase.placeholder"))), irreversible);
    }

    @Override
    Client perform() {
        return clients.erase(contact.id(), contact.version(), getTranslation("client.erase.placeholder"));
    }
}
