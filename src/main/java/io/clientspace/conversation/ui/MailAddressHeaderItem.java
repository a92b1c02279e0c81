package io.clientspace.conversation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.WorkspaceMailAddress;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.tabs.TabParts;
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

    private static Component fact(String address) {
        Div holder = new Div();
        Span value = new Span(address);
        value.setId("workspace-mail-address-value");
        value.addClassName("workspace-mail-address-value");
        Button copy = new Button(VaadinIcon.COPY_O.create());
        copy.setId("workspace-mail-address-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        String copyLabel = holder.getTranslation("mail.header.copy");
        copy.setAriaLabel(copyLabel);
        copy.setTooltipText(copyLabel);
        io.clientspace.shared.ui.CopyToClipboard.onClick(copy, () -> address,
                () -> copy.getTranslation("mail.address.copied", address));
        Span valueWithCopy = new Span(value, copy);
        valueWithCopy.addClassName("workspace-mail-address");
        TabParts.fact(holder, VaadinIcon.ENVELOPE_O, holder.getTranslation("mail.header.label"), valueWithCopy);
        Component fact = holder.getChildren().findFirst().orElseThrow();
        holder.remove(fact);
        fact.setId("workspace-mail-address");
        return fact;
    }
}
