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
import io.clientspace.client.ClientArchivePreview;
import io.clientspace.client.ClientService;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The preview of archiving a client: what leaves the lists, what each module will close (open deals lost, requests
 * cancelled, portal access revoked), and what unarchiving will and will not bring back. Nothing happens until the
 * user confirms; a client changed meanwhile is refused, so the preview shown is the one confirmed.
 */
class ArchiveClientDialog extends Dialog {

    private final ClientService clients;
    private final Client client;
    private final Consumer<Client> onArchived;
    final Paragraph message = new Paragraph();
    final Button confirm = new Button();

    ArchiveClientDialog(ClientService clients, ClientArchivePreview preview, Consumer<Client> onArchived) {
        this.clients = clients;
        this.client = preview.client();
        this.onArchived = onArchived;
        setId("client-archive");
        setHeaderTitle(getTranslation("client.archive.title", client.name()));
        setWidth("min(40rem, 96vw)");

        Div body = new Div(new Paragraph(getTranslation("client.archive.intro")));
        body.setId("client-archive-preview");
        if (preview.consequences().isEmpty()) {
            body.add(new Paragraph(getTranslation("client.archive.nothing-open")));
        }
        for (ArchiveConsequence c : preview.consequences()) {
            H4 heading = new H4(getTranslation(c.messageKey(), c.items().size()));
            UnorderedList items = new UnorderedList(c.items().stream().map(ListItem::new).toArray(ListItem[]::new));
            Div section = new Div(heading, items);
            section.addClassName("archive-consequence");
            body.add(section);
        }
        Paragraph back = new Paragraph(getTranslation("client.archive.unarchive-note"));
        back.addClassName("muted");
        body.add(back);
        message.addClassName("form-error");
        message.setId("client-archive-message");
        message.setVisible(false);
        add(message, body);

        confirm.setText(getTranslation("client.archive.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("client-archive-confirm");
        confirm.addClickListener(e -> archive());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }

    void archive() {
        message.setVisible(false);
        try {
            Client archived = clients.archive(client.id(), client.version(),
                    getTranslation("client.archive.lost-reason"));
            close();
            onArchived.accept(archived);
        } catch (StaleDataException e) {
            message.setText(getTranslation("client.archive.stale"));
            message.setVisible(true);
            confirm.setEnabled(false);
        } catch (InvalidInputException e) {
            message.setText(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            message.setVisible(true);
        }
    }
}
