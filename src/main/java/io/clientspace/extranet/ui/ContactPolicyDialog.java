package io.clientspace.extranet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.clientspace.extranet.ContactPolicy;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.extranet.PortalSection;
import io.clientspace.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What one contact sees in the portal, narrowing their role: the sections, and all shared projects or only some
 * (docs/decisions/DD035). A policy that leaves the client no decision maker who sees proposals asks before it saves.
 */
class ContactPolicyDialog extends Dialog {

    static final String ALL = "all";
    static final String SOME = "some";

    final CheckboxGroup<PortalSection> sections = new CheckboxGroup<>();
    final RadioButtonGroup<String> scope = new RadioButtonGroup<>();
    final CheckboxGroup<UUID> projects = new CheckboxGroup<>();
    private final PortalAccount contact;
    private final ExternalAccessService access;
    private final Consumer<PortalAccount> onSaved;

    ContactPolicyDialog(PortalAccount contact, Map<UUID, String> sharedProjects, ExternalAccessService access,
                        Consumer<PortalAccount> onSaved) {
        this.contact = contact;
        this.access = access;
        this.onSaved = onSaved;
        setId("contact-policy");
        setHeaderTitle(getTranslation("external.policy.title", contact.displayName()));
        setWidth("min(36rem, 96vw)");
        setCloseOnOutsideClick(false);
        Paragraph intro = new Paragraph(getTranslation("external.policy.intro",
                getTranslation("external.roles." + contact.role().name())));
        intro.addClassName("muted");
        sections.setLabel(getTranslation("external.policy.sections"));
        sections.setId("policy-sections");
        sections.setItems(PortalSection.values());
        sections.setItemLabelGenerator(s -> getTranslation("external.policy.section." + s.name()));
        sections.setValue(contact.policy().sections());
        scope.setLabel(getTranslation("external.policy.projects"));
        scope.setId("policy-project-scope");
        scope.setItems(ALL, SOME);
        scope.setItemLabelGenerator(v -> getTranslation("external.policy.projects." + v));
        scope.setValue(contact.policy().allProjects() ? ALL : SOME);
        projects.setId("policy-projects");
        projects.setItems(sharedProjects.keySet());
        projects.setItemLabelGenerator(id -> sharedProjects.getOrDefault(id, id.toString()));
        if (!contact.policy().allProjects()) {
            projects.setValue(new LinkedHashSet<>(contact.policy().projects().stream()
                    .filter(sharedProjects::containsKey).toList()));
        }
        projects.setVisible(SOME.equals(scope.getValue()));
        scope.addValueChangeListener(e -> projects.setVisible(SOME.equals(e.getValue())));
        add(intro, sections, scope, projects);

        Button save = new Button(getTranslation("external.policy.save"), e -> save(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("policy-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    ContactPolicy policy() {
        return new ContactPolicy(sections.getValue().isEmpty() ? EnumSet.noneOf(PortalSection.class)
                : EnumSet.copyOf(sections.getValue()), SOME.equals(scope.getValue())
                ? new LinkedHashSet<>(projects.getValue()) : null);
    }

    void save(boolean acknowledged) {
        try {
            PortalAccount saved = access.savePolicy(contact.id(), policy(), acknowledged);
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            warn(this, () -> save(true));
        }
    }

    /** The warning before a change that leaves the client no decision maker who sees proposals. */
    static void warn(Component host, Runnable saveAnyway) {
        Dialog confirm = new Dialog();
        confirm.setId("policy-warning");
        confirm.setHeaderTitle(host.getTranslation("external.policy.warning.title"));
        confirm.add(new Paragraph(host.getTranslation("external.policy.warning.no-decider")));
        Button anyway = new Button(host.getTranslation("external.policy.warning.save-anyway"), e -> {
            confirm.close();
            saveAnyway.run();
        });
        anyway.setId("policy-warning-save");
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button(host.getTranslation("action.cancel"), e -> confirm.close()), anyway);
        confirm.open();
    }
}
