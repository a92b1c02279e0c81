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
import com.vaadin.flow.component.html.Div;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import java.util.stream.Collectors;
import io.clientspace.shared.ui.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.clientspace.project.ProjectChoice;
import io.clientspace.shared.WorkScope;
import java.util.function.Consumer;

/**
 * New deal on a client (the link to the client is set by the service, not typed), or an existing deal edited in
 * place: its stage stays, and a closed deal has no next step to edit.
 */
class DealDialog extends Dialog {

    private final Clock clock;

    private final UUID clientId;
    /** The project a new deal from a project's workspace belongs to; null otherwise. */
    private final UUID fixedProject;
    final Select<ProjectChoice> project = new Select<>();
    /** The deal being edited; null for a new one. */
    private final Deal existing;
    private final Div formError = new Div();
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

    /**
     * A new deal in the scope: in a project's workspace it belongs to that project (set here, not chosen); on the
     * client, the user may put it in one of {@code projects}.
     */
    DealDialog(WorkScope scope, String clientName, List<ProjectChoice> projects, DealService deals, CurrentUser user,
               Clock clock, Consumer<Deal> onSaved) {
        this(scope, clientName, null, projects, deals, user, clock, onSaved);
    }

    /** Edits {@code deal} in place; on the client's workspace it may also move to another of its projects. */
    DealDialog(Deal deal, List<ProjectChoice> projects, DealService deals, CurrentUser user, Clock clock,
               Consumer<Deal> onSaved) {
        this(deal.projectId() == null ? WorkScope.client(deal.clientId())
                : WorkScope.project(deal.clientId(), deal.projectId()), null, deal, projects, deals, user, clock,
                onSaved);
    }

    private DealDialog(WorkScope scope, String clientName, Deal existing, List<ProjectChoice> projects,
                       DealService deals, CurrentUser user, Clock clock, Consumer<Deal> onSaved) {
        this.clock = clock;
        this.clientId = scope.clientId();
        this.fixedProject = existing == null ? scope.projectId() : null;
        this.existing = existing;
        this.deals = deals;
        this.onSaved = onSaved;
        setId("deal-form");
        setHeaderTitle(existing == null ? getTranslation("deals.new-for", clientName)
                : getTranslation("deal.edit.title", existing.title()));
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
        List<StaffMember> assignable = deals.possibleOwners(scope);
        owner.setItems(assignable);
        owner.setItemLabelGenerator(StaffMember::displayName);
        assignable.stream().filter(m -> m.username().equals(user.username())).findFirst().ifPresent(owner::setValue);
        nextStep.setLabel(getTranslation("deal.next-step"));
        nextStep.setId("deal-next-step");
        nextStepDue.setLabel(getTranslation("deal.next-step-due"));
        nextStepDue.setMin(LocalDate.now(clock));
        DatePickers.localized(nextStepDue, getLocale());

        project.setLabel(getTranslation("deal.project"));
        project.setId("deal-project");
        project.setItems(projects);
        project.setItemLabelGenerator(p -> p == null ? getTranslation("deal.no-project") : p.name());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption(getTranslation("deal.no-project"));
        project.setVisible(fixedProject == null && !projects.isEmpty());
        if (existing != null && existing.projectId() != null) {
            projects.stream().filter(p -> p.id().equals(existing.projectId())).findFirst().ifPresent(project::setValue);
        }
        errors.field("project", project);
        errors.field("title", title).field("amount", amount).field("currency", currency)
                .field("expectedClose", expectedClose).field("owner", owner).field("nextStep", nextStep)
                .field("nextStepDue", nextStepDue);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.add(title, 2);
        form.add(amount, currency, expectedClose, owner, nextStep, nextStepDue);
        form.add(project, 2);
        formError.addClassName("form-error");
        formError.setId("deal-form-error");
        formError.setVisible(false);
        add(formError, form);
        if (existing != null) {
            fill(existing, assignable);
        }

        Button save = new Button(getTranslation(existing == null ? "deals.create" : "action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("deal-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void fill(Deal deal, List<StaffMember> assignable) {
        LocalDate today = LocalDate.now(clock);
        title.setValue(deal.title());
        amount.setValue(deal.amount());
        currency.setValue(deal.currency());
        // a date entered earlier may have passed; it stays valid as long as it is not changed
        expectedClose.setMin(deal.expectedClose().isBefore(today) ? deal.expectedClose() : today);
        expectedClose.setValue(deal.expectedClose());
        if (assignable.stream().noneMatch(m -> m.username().equals(deal.owner()))) {
            List<StaffMember> withOwner = new java.util.ArrayList<>(assignable);
            withOwner.add(0, new StaffMember(deal.owner(), deal.ownerName(), null, java.util.Set.of()));
            owner.setItems(withOwner);
            owner.setValue(withOwner.get(0));
        } else {
            assignable.stream().filter(m -> m.username().equals(deal.owner())).findFirst().ifPresent(owner::setValue);
        }
        nextStep.setValue(deal.nextStep() == null ? "" : deal.nextStep());
        if (deal.nextStepDue() != null && deal.nextStepDue().isBefore(today)) {
            nextStepDue.setMin(deal.nextStepDue());
        }
        nextStepDue.setValue(deal.nextStepDue());
        nextStep.setVisible(deal.isOpen());
        nextStepDue.setVisible(deal.isOpen());
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
        d.setProjectId(fixedProject != null ? fixedProject : project.getValue() == null ? null : project.getValue().id());
        return d;
    }

    void save() {
        formError.setVisible(false);
        LocalDate today = LocalDate.now(clock);
        var problems = existing == null ? DealRules.check(draft(), today) : DealRules.checkEdit(draft(),
                existing.expectedClose(), existing.nextStepDue(), existing.isOpen(), today);
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            Deal saved = existing == null ? deals.create(clientId, draft())
                    : deals.edit(existing.id(), existing.version(), draft());
            UUID chosen = draft().getProjectId();
            if (existing != null && project.isVisible() && !java.util.Objects.equals(chosen, existing.projectId())) {
                saved = deals.moveToProject(saved.id(), saved.version(), chosen);
            }
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            if (!rest.isEmpty()) {
                showFormError(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
            }
        } catch (StaleDataException e) {
            // what the user typed stays: they can copy it before they look at the current deal
            showFormError(getTranslation("deal.error.stale-edit"));
        } catch (NoAccessException e) {
            showFormError(getTranslation("deal.error.not-owner", e.ownerName() == null ? "" : e.ownerName()));
        }
    }

    private void showFormError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }
}
