package io.clientspace.client.ui;

import com.vaadin.flow.component.Focusable;
import java.util.ArrayList;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.client.Client;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientRules;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientSummary;
import io.clientspace.client.DuplicateClientException;
import io.clientspace.client.DuplicateHint;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Create or edit a company or contact. Each error shows next to its field as soon as the field is left, and again
 * from the service on save; nothing typed is ever cleared. A likely duplicate is shown before saving and needs a
 * second, explicit "Save anyway".
 */
public class ClientFormDialog extends Dialog {

    /** Builds dialogs; views hold one. */
    public record Factory(ClientService clients, StaffDirectory staff, CurrentUserProvider currentUser) {
        public ClientFormDialog create(ClientKind kind, Consumer<Client> onSaved) {
            return new ClientFormDialog(this, kind, null, onSaved);
        }

        public ClientFormDialog edit(Client client, Consumer<Client> onSaved) {
            return new ClientFormDialog(this, client.kind(), client, onSaved);
        }
    }

    private final ClientService clients;
    private final ClientKind kind;
    private final Client existing;
    private final Consumer<Client> onSaved;
    private final FormErrors errors = new FormErrors(this);

    final TextField name = new TextField();
    final ComboBox<ClientSummary> company = new ComboBox<>();
    final TextField jobTitle = new TextField();
    final TextField legalName = new TextField();
    final TextField registrationNumber = new TextField();
    final TextField vatId = new TextField();
    final TextField industry = new TextField();
    final TextField website = new TextField();
    final ComboBox<StaffMember> owner = new ComboBox<>();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextField street = new TextField();
    final TextField postalCode = new TextField();
    final TextField city = new TextField();
    final TextField country = new TextField();
    final TextField tags = new TextField();
    final TextArea notes = new TextArea();
    private final Div duplicateWarning = new Div();
    final Div formError = new Div();
    private final Button save = new Button();
    private boolean duplicatesConfirmed;

    ClientFormDialog(Factory factory, ClientKind kind, Client existing, Consumer<Client> onSaved) {
        this.clients = factory.clients();
        this.kind = kind;
        this.existing = existing;
        this.onSaved = onSaved;
        CurrentUser user = factory.currentUser().requireStaff();
        addClassName("client-form");
        setId("client-form");
        setHeaderTitle(getTranslation(existing == null
                ? (kind == ClientKind.COMPANY ? "client.form.new-company" : "client.form.new-contact")
                : "client.form.edit", existing == null ? "" : existing.name()));
        setWidth("min(52rem, 96vw)");
        setCloseOnOutsideClick(false);

        label(name, kind == ClientKind.COMPANY ? "client.company-name" : "client.contact-name", "name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ClientRules.NAME_MAX);
        company.setLabel(getTranslation("client.company"));
        company.setId("client-company");
        company.setItems(clients.companies());
        company.setItemLabelGenerator(ClientSummary::name);
        company.setClearButtonVisible(true);
        errors.field("companyId", company);
        label(jobTitle, "client.job-title", "jobTitle");
        label(legalName, "client.legal-name", "legalName");
        label(registrationNumber, "client.registration-number", "registrationNumber");
        label(vatId, "client.vat-id", "vatId");
        label(industry, "client.industry", "industry");
        label(website, "client.website", "website");
        website.setPlaceholder("example.com");
        owner.setLabel(getTranslation("client.owner"));
        owner.setId("client-owner");
        owner.setRequiredIndicatorVisible(true);
        List<StaffMember> assignable = factory.staff().assignable();
        owner.setItems(assignable);
        owner.setItemLabelGenerator(StaffMember::displayName);
        errors.field("owner", owner);
        email.setLabel(getTranslation("client.email"));
        email.setId("client-email");
        errors.field("email", email);
        email.addBlurListener(e -> validate("email"));
        label(phone, "client.phone", "phone");
        phone.setPlaceholder("+49 30 1234567");
        label(street, "client.street", "street");
        label(postalCode, "client.postal-code", "postalCode");
        label(city, "client.city", "city");
        label(country, "client.country", "country");
        label(tags, "client.tags", "tags");
        tags.setHelperText(getTranslation("client.tags.help"));
        notes.setLabel(getTranslation("client.notes"));
        notes.setHelperText(getTranslation("client.notes.help"));
        notes.setId("client-notes");
        notes.setMaxLength(ClientRules.NOTES_MAX);
        errors.field("notes", notes);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.add(name, 2);
        if (kind == ClientKind.CONTACT) {
            form.add(company, jobTitle);
        } else {
            form.add(legalName, industry, registrationNumber, vatId, website);
        }
        form.add(owner, email, phone, street, postalCode, city, country);
        form.add(tags, 2);
        form.add(notes, 2);

        duplicateWarning.addClassName("duplicate-warning");
        duplicateWarning.setId("duplicate-warning");
        duplicateWarning.setVisible(false);
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(duplicateWarning, formError, form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("client-save");
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER).listenOn(name);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);

        if (existing != null) {
            fill(existing, assignable);
        } else {
            assignable.stream().filter(m -> m.username().equals(user.username())).findFirst()
                    .ifPresent(owner::setValue);
        }
        // Editing any field after a duplicate warning asks again
        for (var f : List.of(name, email)) {
            f.addValueChangeListener(e -> resetDuplicateConfirmation());
        }
    }

    private void label(TextField field, String key, String fieldName) {
        field.setLabel(getTranslation(key));
        field.setId("client-" + fieldName);
        errors.field(fieldName, field);
        field.addBlurListener(e -> validate(fieldName));
    }

    private void fill(Client c, List<StaffMember> assignable) {
        name.setValue(nz(c.name()));
        if (c.companyId() != null) {
            var known = company.getListDataView().getItems().filter(s -> s.id().equals(c.companyId())).findFirst();
            if (known.isPresent()) {
                company.setValue(known.get());
            } else {
                // a company this user cannot open: keep the link as it is, shown by name
                List<ClientSummary> items = new ArrayList<>(company.getListDataView().getItems().toList());
                ClientSummary kept = new ClientSummary(c.companyId(), ClientKind.COMPANY, c.companyName(), null, null,
                        null, null, null, List.of(), null);
                items.add(kept);
                company.setItems(items);
                company.setValue(kept);
            }
        }
        jobTitle.setValue(nz(c.jobTitle()));
        legalName.setValue(nz(c.legalName()));
        registrationNumber.setValue(nz(c.registrationNumber()));
        vatId.setValue(nz(c.vatId()));
        industry.setValue(nz(c.industry()));
        website.setValue(nz(c.website()));
        assignable.stream().filter(m -> m.username().equals(c.owner())).findFirst().ifPresent(owner::setValue);
        email.setValue(nz(c.email()));
        phone.setValue(nz(c.phone()));
        street.setValue(nz(c.street()));
        postalCode.setValue(nz(c.postalCode()));
        city.setValue(nz(c.city()));
        country.setValue(nz(c.country()));
        tags.setValue(String.join(", ", c.tags()));
        notes.setValue(nz(c.notes()));
    }

    ClientDraft draft() {
        ClientDraft d = new ClientDraft();
        d.setKind(kind);
        d.setName(name.getValue());
        d.setCompanyId(company.getValue() == null ? null : company.getValue().id());
        d.setJobTitle(jobTitle.getValue());
        d.setLegalName(legalName.getValue());
        d.setRegistrationNumber(registrationNumber.getValue());
        d.setVatId(vatId.getValue());
        d.setIndustry(industry.getValue());
        d.setWebsite(website.getValue());
        d.setOwner(owner.getValue() == null ? null : owner.getValue().username());
        d.setEmail(email.getValue());
        d.setPhone(phone.getValue());
        d.setStreet(street.getValue());
        d.setPostalCode(postalCode.getValue());
        d.setCity(city.getValue());
        d.setCountry(country.getValue());
        d.setTags(Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList()));
        d.setNotes(notes.getValue());
        d.setVersion(existing == null ? null : existing.version());
        return d;
    }

    private void validate(String field) {
        errors.showFor(field, ClientRules.check(draft()));
    }

    void save() {
        formError.setVisible(false);
        List<FieldProblem> local = ClientRules.check(draft());
        if (!local.isEmpty()) {
            showProblems(local);
            return;
        }
        try {
            Client saved = existing == null ? clients.create(draft(), duplicatesConfirmed)
                    : clients.update(existing.id(), draft(), duplicatesConfirmed);
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            showProblems(e.problems());
        } catch (DuplicateClientException e) {
            showDuplicates(e.duplicates());
        } catch (StaleDataException e) {
            formError.setText(getTranslation("client.error.stale"));
            formError.setVisible(true);
        }
    }

    private void showProblems(List<FieldProblem> problems) {
        List<FieldProblem> rest = errors.show(problems);
        if (!rest.isEmpty()) {
            formError.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" ")));
            formError.setVisible(true);
        }
        errors.firstInvalid().ifPresent(f -> {
            if (f instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        });
    }

    private void showDuplicates(List<DuplicateHint> duplicates) {
        errors.clear();
        duplicateWarning.removeAll();
        var icon = VaadinIcon.WARNING.create();
        Paragraph text = new Paragraph(getTranslation("client.duplicate.text"));
        UnorderedList list = new UnorderedList();
        for (DuplicateHint d : duplicates) {
            String why = getTranslation(d.sameName() && d.sameEmail() ? "client.duplicate.same-both"
                    : d.sameName() ? "client.duplicate.same-name" : "client.duplicate.same-email");
            String name = d.name() != null ? d.name() : getTranslation("client.duplicate.hidden-name");
            list.add(new ListItem(getTranslation("client.duplicate.item", name,
                    getTranslation("client.kinds." + d.kind().name()), why, d.ownerName())));
        }
        duplicateWarning.add(icon, text, list);
        duplicateWarning.setVisible(true);
        duplicatesConfirmed = true;
        save.setText(getTranslation("client.duplicate.save-anyway"));
    }

    private void resetDuplicateConfirmation() {
        if (duplicatesConfirmed) {
            duplicatesConfirmed = false;
            duplicateWarning.setVisible(false);
            save.setText(getTranslation("action.save"));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
