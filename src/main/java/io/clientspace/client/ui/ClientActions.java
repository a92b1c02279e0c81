package io.clientspace.client.ui;

import io.clientspace.client.AccessLevel;
import io.clientspace.client.ClientAction;
import io.clientspace.shared.ui.Unavailable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clientspace.client.Client;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.tabs.TabParts;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What can be done with a client from its workspace header: edit and archive a live client, and erase a contact
 * person's data on their request; see who archived an archived one, and bring it back. The service refuses whatever
 * the buttons do not offer.
 */
public class ClientActions extends HorizontalLayout {

    /**
     * @param onChanged called with the client after a change, to show it again (a navigation to its workspace)
     */
    public ClientActions(Client client, ClientFormDialog.Factory forms, ClientService clients, Clock clock,
                         Consumer<Client> onChanged) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)");
        setId("client-actions");
        // what the viewer may do here, so that a control they may not use says why and whom to ask (issue 20 §4)
        AccessLevel level = clients.levelOf(client.id());
        boolean work = ClientAction.WORK.allowedAt(level);
        boolean share = ClientAction.SHARE.allowedAt(level);
        String ask = client.ownerName();
        if (client.archived()) {
            Span badge = new Span(getTranslation("client.archived-line", client.archivedByName(),
                    TabParts.date(getLocale(), clock.getZone(), client.archivedAt())));
            badge.getElement().getThemeList().add("badge contrast");
            badge.setId("client-archived");
            Span problem = new Span();
            problem.addClassName("form-error");
            problem.setVisible(false);
            Button unarchive = new Button(getTranslation("client.unarchive"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
                try {
                    onChanged.accept(clients.unarchive(client.id(), client.version()));
                } catch (StaleDataException ex) {
                    problem.setText(getTranslation("client.archive.stale"));
                    problem.setVisible(true);
                }
            });
            unarchive.setId("client-unarchive");
            if (!share) {
                Unavailable.disable(unarchive, getTranslation("action.needs-manager", ask));
            }
            add(badge, problem, unarchive);
            return;
        }
        if (client.erased()) {
            Span erased = new Span(getTranslation("client.erased"));
            erased.getElement().getThemeList().add("badge contrast");
            erased.setId("client-erased");
            add(erased);
        } else {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> forms.edit(client, onChanged).open());
            edit.setId("edit-client");
            if (!work) {
                Unavailable.needsEditor(edit, ask);
            }
            add(edit);
        }
        Button archive = new Button(getTranslation("client.archive"), VaadinIcon.ARCHIVE.create(),
                e -> new ArchiveClientDialog(clients, clients.archivePreview(client.id()), onChanged).open());
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        archive.setId("client-archive-open");
        if (!share) {
            Unavailable.disable(archive, getTranslation("action.needs-manager", ask));
        }
        add(archive);
        if (client.kind() == ClientKind.CONTACT && !client.erased()) {
            Button erase = new Button(getTranslation("client.erase"), VaadinIcon.ERASER.create(),
                    e -> new EraseContactDialog(clients, clients.erasurePreview(client.id()), onChanged).open());
            erase.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            erase.setId("contact-erase-open");
            if (!share) {
                Unavailable.disable(erase, getTranslation("action.needs-manager", ask));
            }
            add(erase);
        }
    }
}
