package io.clientspace.extranet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.extranet.ContactActivity;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * What one portal contact did lately (sign-ins, downloads, answers), newest first: the evidence a manager or the
 * client's owner looks at before deciding that the contact's access is still appropriate.
 */
class ContactActivityDialog extends Dialog {

    ContactActivityDialog(PortalAccount contact, ExternalAccessService access, Clock clock) {
        setId("contact-activity");
        setHeaderTitle(getTranslation("external.activity.title", contact.displayName()));
        setWidth("min(720px, 95vw)");
        List<ContactActivity> rows = access.activity(contact.id());
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("external.activity.none"));
            none.setId("contact-activity-none");
            add(none);
        } else {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale());
            Grid<ContactActivity> grid = new Grid<>();
            grid.setId("contact-activity-grid");
            grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.addColumn(a -> format.format(a.at().atZone(clock.getZone())))
                    .setHeader(getTranslation("external.activity.when")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(a -> getTranslation("external.activity.kinds." + a.kind().name()))
                    .setHeader(getTranslation("external.activity.what")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(a -> a.title() == null ? "" : a.title())
                    .setHeader(getTranslation("external.activity.subject")).setFlexGrow(1);
            grid.setItems(rows);
            add(grid);
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("contact-activity-close");
        getFooter().add(close);
    }
}
