package io.clientspace.client.ui;

import com.vaadin.flow.component.Component;
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
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A dialog that shows what a far-reaching change will do, module by module, and does it only when the user
 * confirms. A record changed since the preview was made is refused with {@code staleKey}, and confirming again is
 * not offered: the preview shown is the one confirmed.
 */
abstract class ConfirmPreviewDialog extends Dialog {

    private final Consumer<Client> onDone;
    private final String staleKey;
    final Div body = new Div();
    final Paragraph message = new Paragraph();
    final Button confirm = new Button();

    ConfirmPreviewDialog(String id, String staleKey, Consumer<Client> onDone) {
        this.onDone = onDone;
        this.staleKey = staleKey;
        setId(id);
        setWidth("min(40rem, 96vw)");
        body.setId(id + "-preview");
        message.addClassName("form-error");
        message.setId(id + "-message");
        message.setVisible(false);
        add(message, body);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId(id + "-confirm");
        confirm.addClickListener(e -> run());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }

    /** Does the change; called when the user confirms. */
    abstract Client perform();

    /** A heading and its items as a list. */
    Component section(String heading, List<String> items, String className) {
        Div section = new Div(new H4(heading),
                new UnorderedList(items.stream().map(ListItem::new).toArray(ListItem[]::new)));
        section.addClassName(className);
        return section;
    }

    void addConsequences(List<ArchiveConsequence> consequences, String className) {
        consequences.forEach(c -> body.add(section(getTranslation(c.messageKey(), c.items().size()), c.items(),
                className)));
    }

    void run() {
        message.setVisible(false);
        try {
            Client done = perform();
            close();
            onDone.accept(done);
        } catch (StaleDataException e) {
            message.setText(getTranslation(staleKey));
            message.setVisible(true);
            confirm.setEnabled(false);
        } catch (InvalidInputException e) {
            message.setText(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            message.setVisible(true);
        }
    }
}
