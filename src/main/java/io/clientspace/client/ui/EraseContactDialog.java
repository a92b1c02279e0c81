package io.clientspace.client.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.clientspace.client.ArchiveConsequence;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ContactErasurePreview;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The preview of erasing a contact person on their request: which fields are blanked, what other modules erase
 * (their portal identity) and what is kept as the legal record (acceptance and proposal evidence). It cannot be undone,
 * and says so; nothing happens until the user confirms.
 */
class EraseContactDialog extends Dialog {

    private final ClientService clients;
    private final Client contact;
    private final Consumer<Client> onErased;
    final Paragraph message = new Paragraph();
    final Button confirm = new Button();

    EraseContactDialog(ClientService clients, ContactErasurePreview preview, Consumer<Client> onErased) {
        this.clients = clients;
        this.contact = preview.contact();
        this.onErased = onErased;
        setId("contact-erase");
        setHeaderTitle(getTranslation("client.erase.title", contact.name()));
        setWidth("min(40rem, 96vw)");

        Div body = new Div(new H4(getTranslation("client.erase.fields")));
        body.setId("contact-erase-preview");
        body.add(new UnorderedList(preview.blankedFields().stream().map(k -> new ListItem(getTranslation(k)))
                .toArray(ListItem[]::new)));
        for (ArchiveConsequence c : preview.consequences()) {
            Div section = new Div(new H4(getTranslation(c.messageKey(), c.items().size())),
                    new UnorderedList(c.items().stream().map(ListItem::new).toArray(ListItem[]::new)));
            section.addClassName("erase-consequence");
            body.add(section);
        }
        Paragraph evidence = new Paragraph(getTranslation("client.erase.evidence-kept"));
        evidence.setId("contact-erase-evidence");
        Paragraph timeline = new Paragraph(getTranslation("client.erase.timeline",
                getTranslation("client.erase.placeholder")));
        Paragraph irreversible = new Paragraph(getTranslation("client.erase.irreversible"));
        irreversible.addClassName("form-error");
        body.add(evidence, timeline, irreversible);
        message.addClassName("form-error");
        message.setId("contact-erase-message");
        message.setVisible(false);
        add(message, body);

        confirm.setText(getTranslation("client.erase.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("contact-erase-confirm");
        confirm.addClickListener(e -> erase());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }

    void erase() {
        message.setVisible(false);
        try {
            Client erased = clients.erase(contact.id(), contact.version(), getTranslation("client.erase.placeholder"));
            close();
            onErased.accept(erased);
        } catch (StaleDataException e) {
            message.setText(getTranslation("client.erase.stale"));
            message.setVisible(true);
            confirm.setEnabled(false);
        } catch (InvalidInputException e) {
            message.setText(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            message.setVisible(true);
        }
    }
}
