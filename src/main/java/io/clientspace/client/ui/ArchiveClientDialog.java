package io.clientspace.client.ui;

import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.client.Client;
import io.clientspace.client.ClientArchivePreview;
import io.clientspace.client.ClientService;
import java.util.function.Consumer;

/**
 * The preview of archiving a client: what leaves the lists, what each module will close (open deals lost, requests
 * cancelled, portal access revoked), and what unarchiving will and will not bring back.
 */
class ArchiveClientDialog extends ConfirmPreviewDialog {

    private final ClientService clients;
    private final Client client;

    ArchiveClientDialog(ClientService clients, ClientArchivePreview preview, Consumer<Client> onArchived) {
        super("client-archive", "client.archive.stale", onArchived);
        this.clients = clients;
        this.client = preview.client();
        setHeaderTitle(getTranslation("client.archive.title", client.name()));
        confirm.setText(getTranslation("client.archive.confirm"));
        body.add(new Paragraph(getTranslation("client.archive.intro")));
        if (preview.consequences().isEmpty()) {
            body.add(new Paragraph(getTranslation("client.archive.nothing-open")));
        }
        addConsequences(preview.consequences(), "archive-consequence");
        Paragraph back = new Paragraph(getTranslation("client.archive.unarchive-note"));
        back.addClassName("muted");
        body.add(back);
    }

    @Override
    Client perform() {
        return clients.archive(client.id(), client.version(), getTranslation("client.archive.lost-reason"));
    }
}
