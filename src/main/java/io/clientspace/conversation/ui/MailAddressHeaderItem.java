package io.clientspace.conversation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.WorkspaceMailAddress;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.CopyToClipboard;
import io.clientspace.shared.ui.LitTexts;
import io.clientspace.shared.ui.tabs.WorkspaceHeaderItem;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.util.Optional;

/**
 * The workspace's e-mail address in the header of the client and the project workspace, with a button that copies
 * it, so that a colleague can hand it out without opening the Mail tab. Shown to whoever may open the workspace's
 * mail (the mail module decides: {@link MailService#address}); nothing when it gives no address.
 */
@SpringComponent
class MailAddressHeaderItem implements WorkspaceHeaderItem {

    private static final String COPY = "workspace-mail-address-copy";

    private final MailService mail;

    MailAddressHeaderItem(MailService mail) {
        this.mail = mail;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Where where, WorkScope scope) {
        WorkspaceMailAddress address;
        try {
            address = mail.address(scope);
        } catch (NoAccessException | NotFoundException e) {
            return Optional.empty();
        }
        if (address == null || address.address() == null || address.address().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(fact(address.address()));
    }

    /**
     * The fact as markup, its copy button included: one element and one listener on the server, where the icon,
     * label, value and button were nine nodes (issue 19 §6).
     */
    private static Component fact(String address) {
        String copyLabel = I18NProvider.translate("mail.header.copy");
        Html fact = new Html("<div id=\"workspace-mail-address\" class=\"fact\">"
                + LitTexts.icon(VaadinIcon.ENVELOPE_O, "fact-icon") + "<span class=\"fact-label\">"
                + LitTexts.text(I18NProvider.translate("mail.header.label")) + "</span>"
                + "<span class=\"workspace-mail-address\"><span id=\"workspace-mail-address-value\""
                + " class=\"workspace-mail-address-value\">" + LitTexts.text(address) + "</span>"
                + "<vaadin-button id=\"" + COPY + "\" theme=\"tertiary-inline small icon\" aria-label=\""
                + LitTexts.text(copyLabel) + "\"" + LitTexts.tooltip(copyLabel) + ">"
                + LitTexts.prefixIcon(VaadinIcon.COPY_O) + "</vaadin-button></span></div>");
        CopyToClipboard.onClick(fact, COPY, () -> address,
                () -> I18NProvider.translate("mail.address.copied", address));
        return fact;
    }
}
