package io.clientspace.checklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.checklist.ChecklistNavigation;
import io.clientspace.checklist.ChecklistRules;
import io.clientspace.checklist.ChecklistService;
import io.clientspace.checklist.ChecklistTemplate;
import io.clientspace.checklist.ProvidedBy;
import io.clientspace.checklist.Requirement;
import io.clientspace.checklist.RequirementDraft;
import io.clientspace.checklist.TemplateDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.document.DocumentType;
import io.clientspace.security.Roles;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The firm's catalogue of required documents and its checklist templates (DD028), for managers and admins: what each
 * requirement is, who provides it and how often it is renewed, and which clients (by kind or tag) a template applies
 * to. The workspaces' lists follow from these on their next read.
 */
@Menu(title = "nav.required-documents", order = 55, icon = "vaadin:clipboard-check")
@Route(value = ChecklistNavigation.CATALOGUE, layout = MainLayout.class)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final ChecklistService checklists;
    private final Grid<Requirement> requirements = new Grid<>();
    private final Grid<ChecklistTemplate> templates = new Grid<>();

    CatalogueView(ChecklistService checklists) {
        this.checklists = checklists;
        setId("required-documents");
        addClassName("client-list");

        Button newRequirement = new Button(getTranslation("checklist.catalogue.new-requirement"),
                VaadinIcon.PLUS.create(), e -> editRequirement(null));
        newRequirement.setId("new-requirement");
        newRequirement.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        requirements.setId("requirement-grid");
        requirements.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        requirements.setAllRowsVisible(true);
        requirements.addColumn(Requirement::name).setHeader(getTranslation("checklist.requirement")).setFlexGrow(3);
        requirements.addColumn(r -> getTranslation("document.types." + r.type().name()))
                .setHeader(getTranslation("document.type")).setAutoWidth(true);
        requirements.addColumn(r -> getTranslation("checklist.provided-by." + r.providedBy().name()))
                .setHeader(getTranslation("checklist.provided-by")).setAutoWidth(true);
        requirements.addColumn(r -> r.renewEvery() == null ? getTranslation("checklist.never") : r.renewEvery())
                .setHeader(getTranslation("checklist.renewal")).setAutoWidth(true);
        requirements.addItemClickListener(e -> editRequirement(e.getItem()));

        Button newTemplate = new Button(getTranslation("checklist.catalogue.new-template"), VaadinIcon.PLUS.create(),
                e -> editTemplate(null));
        newTemplate.setId("new-template");
        templates.setId("template-grid");
        templates.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        templates.setAllRowsVisible(true);
        templates.addColumn(ChecklistTemplate::name).setHeader(getTranslation("checklist.template")).setFlexGrow(2);
        templates.addColumn(this::appliesTo).setHeader(getTranslation("checklist.applies-to")).setFlexGrow(2);
        templates.addColumn(t -> t.requirements().stream().map(Requirement::name).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("checklist.requirements")).setFlexGrow(4);
        templates.addItemClickListener(e -> editTemplate(e.getItem()));

        add(new H3(getTranslation("checklist.catalogue.requirements")),
                new Paragraph(getTranslation("checklist.catalogue.requirements-text")),
                new HorizontalLayout(newRequirement), requirements,
                new H3(getTranslation("checklist.catalogue.templates")),
                new Paragraph(getTranslation("checklist.catalogue.templates-text")),
                new HorizontalLayout(newTemplate), templates);
        refresh();
    }

    private String appliesTo(ChecklistTemplate t) {
        String kind = t.clientKind() == null ? getTranslation("checklist.any-kind")
                : getTranslation("client.kinds." + t.clientKind().name());
        return t.tag() == null ? kind : getTranslation("checklist.kind-and-tag", kind, t.tag());
    }

    private void refresh() {
        requirements.setItems(checklists.requirements());
        templates.setItems(checklists.templates());
    }

    private void editRequirement(Requirement existing) {
        Dialog dialog = new Dialog();
        dialog.setId("requirement-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "checklist.catalogue.new-requirement"
                : "checklist.catalogue.edit-requirement"));
        TextField name = new TextField(getTranslation("checklist.requirement"));
        name.setId("requirement-name");
        name.setMaxLength(ChecklistRules.NAME_MAX);
        Select<DocumentType> type = new Select<>();
        type.setId("requirement-type");
        type.setLabel(getTranslation("document.type"));
        type.setItems(DocumentType.values());
        type.setItemLabelGenerator(t -> getTranslation("document.types." + t.name()));
        Select<ProvidedBy> by = new Select<>();
        by.setId("requirement-provided-by");
        by.setLabel(getTranslation("checklist.provided-by"));
        by.setItems(ProvidedBy.values());
        by.setItemLabelGenerator(p -> getTranslation("checklist.provided-by." + p.name()));
        TextField renew = new TextField(getTranslation("checklist.renewal"));
        renew.setId("requirement-renewal");
        renew.setHelperText(getTranslation("checklist.renewal-help"));
        if (existing != null) {
            name.setValue(existing.name());
            type.setValue(existing.type());
            by.setValue(existing.providedBy());
            renew.setValue(Optional.ofNullable(existing.renewEvery()).orElse(""));
        } else {
            type.setValue(DocumentType.OTHER);
            by.setValue(ProvidedBy.CLIENT);
        }
        FormErrors errors = new FormErrors(dialog).field("name", name).field("type", type)
                .field("providedBy", by).field("renewEvery", renew);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            try {
                checklists.saveRequirement(existing == null ? null : existing.id(),
                        existing == null ? 0 : existing.version(),
                        new RequirementDraft(name.getValue(), type.getValue(), renew.getValue(), by.getValue()));
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                errors.show(ex.problems());
            }
        });
        save.setId("requirement-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, type, by, renew);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        if (existing != null) {
            Button delete = new Button(getTranslation("checklist.delete"), e -> {
                checklists.deleteRequirement(existing.id());
                dialog.close();
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().addComponentAsFirst(delete);
        }
        dialog.open();
    }

    private void editTemplate(ChecklistTemplate existing) {
        Dialog dialog = new Dialog();
        dialog.setId("template-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "checklist.catalogue.new-template"
                : "checklist.catalogue.edit-template"));
        TextField name = new TextField(getTranslation("checklist.template"));
        name.setId("template-name");
        name.setMaxLength(ChecklistRules.NAME_MAX);
        Select<Optional<ClientKind>> kind = new Select<>();
        kind.setId("template-kind");
        kind.setLabel(getTranslation("checklist.client-kind"));
        kind.setItems(Optional.empty(), Optional.of(ClientKind.COMPANY), Optional.of(ClientKind.CONTACT));
        kind.setItemLabelGenerator(k -> k.map(c -> getTranslation("client.kinds." + c.name()))
                .orElseGet(() -> getTranslation("checklist.any-kind")));
        kind.setValue(Optional.empty());
        TextField tag = new TextField(getTranslation("checklist.tag"));
        tag.setId("template-tag");
        tag.setHelperText(getTranslation("checklist.tag-help"));
        tag.setMaxLength(ChecklistRules.TAG_MAX);
        MultiSelectComboBox<Requirement> reqs = new MultiSelectComboBox<>(getTranslation("checklist.requirements"));
        reqs.setId("template-requirements");
        List<Requirement> all = checklists.requirements();
        reqs.setItems(all);
        reqs.setItemLabelGenerator(Requirement::name);
        if (existing != null) {
            name.setValue(existing.name());
            kind.setValue(Optional.ofNullable(existing.clientKind()));
            tag.setValue(Optional.ofNullable(existing.tag()).orElse(""));
            var ids = existing.requirements().stream().map(Requirement::id).collect(Collectors.toSet());
            reqs.setValue(new HashSet<>(all.stream().filter(r -> ids.contains(r.id())).toList()));
        }
        FormErrors errors = new FormErrors(dialog).field("name", name).field("tag", tag)
                .field("requirements", reqs);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            try {
                checklists.saveTemplate(existing == null ? null : existing.id(),
                        existing == null ? 0 : existing.version(),
                        new TemplateDraft(name.getValue(), kind.getValue().orElse(null), tag.getValue(),
                                reqs.getValue().stream().map(Requirement::id).toList()));
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                errors.show(ex.problems());
            }
        });
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, kind, tag, reqs);
        form.setColspan(reqs, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        if (existing != null) {
            Button delete = new Button(getTranslation("checklist.delete"), e -> {
                checklists.deleteTemplate(existing.id());
                dialog.close();
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().addComponentAsFirst(delete);
        }
        dialog.setWidth("40em");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.required-documents") + Titled.SUFFIX;
    }

}
