package io.clientspace.deal.ui;

import io.clientspace.shared.ui.DatePickers;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealRules;
import io.clientspace.deal.DealService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.ui.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** New deal on a client: the link to the client is set by the service, not typed. */
class DealDialog extends Dialog {

    private final Clock clock;

    private final UUID clientId;
    private final DealService deals;
    private final Consumer<Deal> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField title = new TextField();
    final BigDecimalField amount = new BigDecimalField();
    final Select<String> currency = new Select<>();
    final DatePicker expectedClose = new DatePicker();
    final ComboBox<StaffMember> owner = new ComboBox<>();
    final TextField nextStep = new TextField();
    final DatePicker nextStepDue = new DatePicker();

    DealDialog(UUID clientId, String clientName, DealService deals, CurrentUser user, Clock clock, Consumer<Deal> onSaved) {
        this.clock = clock;
        this.clientId = clientId;
        this.deals = deals;
        this.onSaved = onSaved;
        setId("deal-form");
        setHeaderTitle(getTranslation("deals.new-for", clientName));
        setWidth("min(40rem, 96vw)");
        setCloseOnOutsideClick(false);

        title.setLabel(getTranslation("deal.title"));
        title.setId("deal-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(DealRules.TITLE_MAX);
        amount.setLabel(getTranslation("deal.amount"));
        amount.setId("deal-amount");
        amount.setRequiredIndicatorVisible(true);
        currency.setLabel(getTranslation("deal.currency"));
        currency.setItems(DealRules.CURRENCIES.stream().sorted().toList());
        currency.setValue("EUR");
        expectedClose.setLabel(getTranslation("deal.expected-close"));
        expectedClose.setId("deal-expected-close");
        expectedClose.setRequiredIndicatorVisible(true);
        expectedClose.setMin(LocalDate.now(clock));
        DatePickers.localized(expectedClose, getLocale());
        owner.setLabel(getTranslation("deal.owner"));
        owner.setId("deal-owner");
        List<StaffMember> assignable = deals.possibleOwners(clientId);
        owner.setItems(assignable);
        owner.setItemLabelGenerator(StaffMember::displayName);
        assignable.stream().filter(m -> m.username().equals(user.username())).findFirst().ifPresent(owner::setValue);
        nextStep.setLabel(getTranslation("deal.next-step"));
        nextStep.setId("deal-next-step");
        nextStepDue.setLabel(getTranslation("deal.next-step-due"));
        nextStepDue.setMin(LocalDate.now(clock));
        DatePickers.localized(nextStepDue, getLocale());

        errors.field("title", title).field("amount", amount).field("currency", currency)
                .field("expectedClose", expectedClose).field("owner", owner).field("nextStep", nextStep)
                .field("nextStepDue", nextStepDue);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.add(title, 2);
        form.add(amount, currency, expectedClose, owner, nextStep, nextStepDue);
        add(form);

        Button save = new Button(getTranslation("deals.create"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("deal-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    DealDraft draft() {
        DealDraft d = new DealDraft();
        d.setTitle(title.getValue());
        d.setAmount(amount.getValue());
        d.setCurrency(currency.getValue());
        d.setExpectedClose(expectedClose.getValue());
        d.setOwner(owner.getValue() == null ? null : owner.getValue().username());
        d.setNextStep(nextStep.getValue());
        d.setNextStepDue(nextStepDue.getValue());
        return d;
    }

    void save() {
        var problems = DealRules.check(draft(), LocalDate.now(clock));
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            Deal saved = deals.create(clientId, draft());
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            errors.show(e.problems());
        }
    }
}
