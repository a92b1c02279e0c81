package io.clientspace.extranet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.shared.NamedClient;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalContactDraft;
import io.clientspace.extranet.PortalRole;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import java.util.function.Consumer;

/**
 * A new portal contact on the customer: name, e-mail and role, and whether the invitation goes out right away.
 * What the user typed stays until it is saved.
 */
class PortalContactDialog extends Dialog {

    private final NamedClient client;
    private final ExternalAccessService access;
    private final Consumer<PortalAccount> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final Select<PortalRole> role = new Select<>();
    final Checkbox inviteNow = new Checkbox();

    /** The contact being edited; null for a new one. */
    private final PortalAccount existing;

    PortalContactDialog(NamedClient client, ExternalAccessService access, Consumer<PortalAccount> onSaved) {
        this(client, access, onSaved, null);
    }

    /**
     * Edits a contact's name, e-mail and role (DD035). A new address of an active contact is verified by them; a
     * role change that leaves the client no decision maker who sees proposals asks first.
     */
    PortalContactDialog(NamedClient client, ExternalAccessService access, Consumer<PortalAccount> onSaved,
                        PortalAccount existing) {
        this.existing = existing;
        this.client = client;
        this.access = access;
        this.onSaved = onSaved;
        setId("contact-form");
        setHeaderTitle(getTranslation("external.add-for", client.name()));
        setWidth("min(36rem, 96vw)");
        setCloseOnOutsideClick(false);
        name.setLabel(getTranslation("external.name"));
        name.setId("contact-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ExternalAccessService.NAME_MAX);
        email.setLabel(getTranslation("external.email"));
        email.setId("contact-email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(ExternalAccessService.EMAIL_MAX);
        role.setLabel(getTranslation("external.role"));
        role.setId("contact-role");
        role.setItems(PortalRole.values());
        role.setItemLabelGenerator(r -> getTranslation("external.roles." + r.name()));
        role.setValue(PortalRole.DECISION_MAKER);
        inviteNow.setLabel(getTranslation("external.invite-now"));
        inviteNow.setId("contact-invite-now");
        inviteNow.setValue(true);
        errors.field("displayName", name).field("email", email).field("role", role);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
        form.add(name, 2);
        form.add(email, 2);
        form.add(role, inviteNow);
        add(form);
        if (existing != null) {
            setHeaderTitle(getTranslation("external.edit-for", existing.displayName()));
            name.setValue(existing.displayName());
            email.setValue(existing.email());
            role.setValue(existing.role());
            inviteNow.setVisible(false);
            if (existing.contactStatus() == io.clientspace.extranet.PortalContactStatus.ACTIVE) {
                email.setHelperText(getTranslation("external.edit.email-verify"));
            }
        }

        Button save = new Button(getTranslation(existing == null ? "external.add-save" : "external.edit-save"),
                e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("contact-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    PortalContactDraft draft() {
        return new PortalContactDraft(name.getValue(), email.getValue(), role.getValue());
    }

    void save() {
        var problems = ExternalAccessService.check(draft());
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        if (existing != null) {
            edit(false);
            return;
        }
        try {
            PortalAccount saved = access.addContact(client.id(), draft(), inviteNow.getValue());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            errors.show(e.problems());
        }
    }

    private void edit(boolean acknowledged) {
        try {
            PortalAccount saved = access.editContact(existing.id(), draft(), acknowledged);
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            if (e.problems().stream().anyMatch(p -> "policy".equals(p.field()))) {
                ContactPolicyDialog.warn(this, () -> edit(true));
            } else {
                errors.show(e.problems());
            }
        } catch (RuntimeException e) {
            // Keycloak did not answer: the transaction rolled back, the typed values stay
            org.slf4j.LoggerFactory.getLogger(PortalContactDialog.class).warn("Editing a portal contact failed", e);
            com.vaadin.flow.component.notification.Notification.show(getTranslation("external.errors.unavailable"),
                    6000, com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
        }
    }
}
