package io.clientspace.proposal.ui;

import io.clientspace.shared.FieldProblem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.project.ClientProject;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealService;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.proposal.FeeModel;
import io.clientspace.proposal.Milestone;
import io.clientspace.proposal.Proposal;
import io.clientspace.proposal.ProposalDraft;
import io.clientspace.proposal.ProposalFormat;
import io.clientspace.proposal.ProposalRules;
import io.clientspace.proposal.ProposalService;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.DatePickers;
import io.clientspace.shared.ui.FormErrors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new proposal on a client, or changes to a draft: the fields of the chosen fee model, the scope, the client's
 * files that go with it and how long it is valid. What the user typed stays until it is saved; the fee the customer
 * will see is worked out as they type.
 */
class ProposalDialog extends Dialog {

    private final Place place;
    private final Proposal existing;
    private final ProposalService proposals;
    private final Clock clock;
    private final Consumer<Proposal> onSaved;
    private final FormErrors errors = new FormErrors(this);
    final TextField title = new TextField();
    final ComboBox<Deal> deal = new ComboBox<>();
    /** The client's project, on the client's workspace; hidden in a project's, where the project is fixed. */
    final Select<ClientProject> project = new Select<>();
    final Select<FeeModel> feeModel = new Select<>();
    final Select<String> currency = new Select<>();
    final BigDecimalField fixedAmount = new BigDecimalField();
    final BigDecimalField hourlyRate = new BigDecimalField();
    final BigDecimalField estimatedHours = new BigDecimalField();
    final BigDecimalField monthlyAmount = new BigDecimalField();
    final IntegerField termMonths = new IntegerField();
    final BigDecimalField discount = new BigDecimalField();
    final TextArea scope = new TextArea();
    final DatePicker validUntil = new DatePicker();
    final MultiSelectComboBox<StoredFile> attachments = new MultiSelectComboBox<>();
    private final Div milestoneRows = new Div();
    private final MilestoneErrors milestoneErrors = new MilestoneErrors();
    private final Span fee = new Span();
    private final List<MilestoneRow> milestones = new ArrayList<>();

    ProposalDialog(Place place, Proposal existing, UUID dealId, ProposalService proposals, DealService deals,
                   FileService files, Clock clock, Consumer<Proposal> onSaved) {
        this.place = place;
        var client = place.client();
        this.existing = existing;
        this.proposals = proposals;
        this.clock = clock;
        this.onSaved = onSaved;
        setId("proposal-form");
        setHeaderTitle(existing == null ? getTranslation("proposals.new-for", client.name())
                : getTranslation("proposals.edit", existing.number()));
        setWidth("min(48rem, 96vw)");
        setCloseOnOutsideClick(false);

        title.setLabel(getTranslation("proposal.title"));
        title.setId("proposal-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(ProposalRules.TITLE_MAX);
        deal.setLabel(getTranslation("proposal.deal"));
        deal.setId("proposal-deal");
        deal.setClearButtonVisible(true);
        // in a project, its deals: its work group may not open the client's others
        List<Deal> clientDeals = deals.in(place.scope()).stream()
                .filter(d -> d.isOpen() || (existing != null && d.id().equals(existing.dealId()))).toList();
        deal.setItems(clientDeals);
        deal.setItemLabelGenerator(Deal::title);
        feeModel.setLabel(getTranslation("proposal.fee-model"));
        feeModel.setId("proposal-fee-model");
        feeModel.setItems(FeeModel.values());
        feeModel.setItemLabelGenerator(m -> getTranslation("proposal.fee-models." + m.name()));
        currency.setLabel(getTranslation("proposal.currency"));
        currency.setId("proposal-currency");
        currency.setItems(ProposalRules.CURRENCIES.stream().sorted().toList());
        fixedAmount.setLabel(getTranslation("proposal.fee.fixed-amount"));
        fixedAmount.setId("proposal-fixed-amount");
        hourlyRate.setLabel(getTranslation("proposal.fee.hourly-rate"));
        hourlyRate.setId("proposal-hourly-rate");
        estimatedHours.setLabel(getTranslation("proposal.fee.estimated-hours"));
        estimatedHours.setId("proposal-estimated-hours");
        monthlyAmount.setLabel(getTranslation("proposal.fee.monthly-amount"));
        monthlyAmount.setId("proposal-monthly-amount");
        termMonths.setLabel(getTranslation("proposal.fee.term-months"));
        termMonths.setId("proposal-term-months");
        termMonths.setMin(1);
        termMonths.setMax(ProposalRules.TERM_MAX_MONTHS);
        termMonths.setStepButtonsVisible(true);
        discount.setLabel(getTranslation("proposal.fee.discount"));
        discount.setId("proposal-discount");
        scope.setLabel(getTranslation("proposal.scope"));
        scope.setId("proposal-scope");
        scope.setRequiredIndicatorVisible(true);
        scope.setMaxLength(ProposalRules.SCOPE_MAX);
        scope.setMinHeight("8rem");
        validUntil.setLabel(getTranslation("proposal.valid-until"));
        validUntil.setId("proposal-valid-until");
        validUntil.setRequiredIndicatorVisible(true);
        validUntil.setMin(LocalDate.now(clock));
        validUntil.setMax(LocalDate.now(clock).plusDays(ProposalRules.VALID_MAX_DAYS));
        DatePickers.localized(validUntil, getLocale());
        attachments.setLabel(getTranslation("proposal.attachments"));
        attachments.setId("proposal-attachments");
        attachments.setHelperText(getTranslation("proposal.attachments-help"));
        List<StoredFile> clientFiles = files.in(place.scope());
        attachments.setItems(clientFiles);
        attachments.setItemLabelGenerator(StoredFile::name);
        fee.setId("proposal-fee-preview");
        fee.addClassName("proposal-fee-preview");

        project.setLabel(getTranslation("proposal.project"));
        project.setId("proposal-project");
        project.setItems(place.projects());
        project.setItemLabelGenerator(p -> p == null ? getTranslation("proposal.no-project") : p.name());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption(getTranslation("proposal.no-project"));
        project.setVisible(place.fixedProject() == null && !place.projects().isEmpty());
        if (existing != null && existing.projectId() != null) {
            place.projects().stream().filter(p -> p.id().equals(existing.projectId())).findFirst()
                    .ifPresent(project::setValue);
        }
        errors.field("project", project);
        errors.field("title", title).field("deal", deal).field("feeModel", feeModel).field("currency", currency)
                .field("fixedAmount", fixedAmount).field("hourlyRate", hourlyRate)
                .field("estimatedHours", estimatedHours).field("monthlyAmount", monthlyAmount)
                .field("termMonths", termMonths).field("discountPercent", discount).field("scope", scope)
                .field("validUntil", validUntil).field("attachments", attachments)
                .field("milestones", milestoneErrors);

        Button addMilestone = new Button(getTranslation("proposal.milestone.add"), VaadinIcon.PLUS.create(),
                e -> addMilestone(null));
        addMilestone.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addMilestone.setId("proposal-add-milestone");
        Div milestoneBox = new Div(milestoneRows, milestoneErrors, addMilestone);
        milestoneBox.addClassName("proposal-milestones");

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.add(title, 2);
        form.add(project, 2);
        form.add(deal, validUntil, feeModel, currency, fixedAmount, hourlyRate, estimatedHours, monthlyAmount,
                termMonths);
        form.add(milestoneBox, 2);
        form.add(discount, fee);
        form.add(scope, 2);
        form.add(attachments, 2);
        add(form);

        if (existing == null) {
            feeModel.setValue(FeeModel.FIXED_FEE);
            currency.setValue("EUR");
            validUntil.setValue(LocalDate.now(clock).plusDays(30));
            clientDeals.stream().filter(d -> d.id().equals(dealId)).findFirst().ifPresent(d -> {
                deal.setValue(d);
                title.setValue(d.title());
                currency.setValue(d.currency());
            });
        } else {
            title.setValue(existing.title());
            clientDeals.stream().filter(d -> d.id().equals(existing.dealId())).findFirst().ifPresent(deal::setValue);
            feeModel.setValue(existing.feeModel());
            currency.setValue(existing.currency());
            fixedAmount.setValue(existing.fixedAmount());
            hourlyRate.setValue(existing.hourlyRate());
            estimatedHours.setValue(existing.estimatedHours());
            monthlyAmount.setValue(existing.monthlyAmount());
            termMonths.setValue(existing.termMonths());
            existing.milestones().forEach(this::addMilestone);
            discount.setValue(existing.discountPercent());
            scope.setValue(existing.scope());
            validUntil.setValue(existing.validUntil());
            attachments.select(clientFiles.stream().filter(f -> existing.attachments().stream()
                    .anyMatch(a -> a.fileId().equals(f.id()))).toList());
        }
        if (milestones.isEmpty()) {
            addMilestone(null);
        }
        feeModel.addValueChangeListener(e -> showFeeFields());
        for (var field : List.of(fixedAmount, hourlyRate, estimatedHours, monthlyAmount, discount)) {
            field.addValueChangeListener(e -> updateFee());
        }
        termMonths.addValueChangeListener(e -> updateFee());
        currency.addValueChangeListener(e -> updateFee());
        showFeeFields();

        Button save = new Button(getTranslation(existing == null ? "proposals.create" : "action.save"),
                e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("proposal-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    ProposalDraft draft() {
        ProposalDraft d = new ProposalDraft();
        d.setTitle(title.getValue());
        d.setDealId(deal.getValue() == null ? null : deal.getValue().id());
        d.setProjectId(place.fixedProject() != null ? place.fixedProject()
                : project.getValue() == null ? null : project.getValue().id());
        d.setFeeModel(feeModel.getValue());
        d.setCurrency(currency.getValue());
        d.setFixedAmount(fixedAmount.getValue());
        d.setHourlyRate(hourlyRate.getValue());
        d.setEstimatedHours(estimatedHours.getValue());
        d.setMonthlyAmount(monthlyAmount.getValue());
        d.setTermMonths(termMonths.getValue());
        d.setMilestones(milestones.stream().filter(MilestoneRow::filledIn)
                .map(r -> new Milestone(r.name.getValue(), r.amount.getValue())).toList());
        d.setDiscountPercent(discount.getValue() == null ? BigDecimal.ZERO : discount.getValue());
        d.setScope(scope.getValue());
        d.setValidUntil(validUntil.getValue());
        d.setAttachmentIds(attachments.getSelectedItems().stream().map(StoredFile::id).toList());
        return d;
    }

    void save() {
        ProposalDraft draft = draft();
        var problems = ProposalRules.check(draft, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            Proposal saved = existing == null ? proposals.create(place.client().id(), draft)
                    : proposals.update(existing.id(), existing.version(), draft);
            if (existing != null && project.isVisible()
                    && !Objects.equals(draft.getProjectId(), existing.projectId())) {
                // the move goes on the timeline of its own (DD032)
                saved = proposals.moveToProject(saved.id(), saved.version(), draft.getProjectId());
            }
            close();
            onSaved.accept(saved);
        } catch (InvalidInputException e) {
            errors.show(e.problems());
        } catch (StaleDataException e) {
            errors.show(List.of(FieldProblem.of("title", "proposal.error.stale")));
        }
    }

    private void showFeeFields() {
        FeeModel m = feeModel.getValue();
        fixedAmount.setVisible(m == FeeModel.FIXED_FEE);
        hourlyRate.setVisible(m == FeeModel.HOURLY_RATE);
        estimatedHours.setVisible(m == FeeModel.HOURLY_RATE);
        monthlyAmount.setVisible(m == FeeModel.RETAINER);
        termMonths.setVisible(m == FeeModel.RETAINER);
        milestoneRows.getParent().ifPresent(p -> p.setVisible(m == FeeModel.MILESTONE));
        updateFee();
    }

    /** The fee the customer will see, once the fee model's fields are complete. */
    private void updateFee() {
        ProposalDraft d = draft();
        boolean complete = d.getFeeModel() != null && d.getCurrency() != null && ProposalRules.check(d,
                LocalDate.now(clock)).stream().noneMatch(p -> !List.of("title", "scope", "validUntil")
                .contains(p.field()));
        fee.setText(complete ? getTranslation("proposal.fee-preview",
                ProposalFormat.money(ProposalRules.fee(d), d.getCurrency(), getLocale())) : "");
    }

    private void addMilestone(Milestone m) {
        MilestoneRow row = new MilestoneRow(milestones.size() + 1);
        if (m != null) {
            row.name.setValue(m.title());
            row.amount.setValue(m.amount());
        }
        row.amount.addValueChangeListener(e -> updateFee());
        row.remove.addClickListener(e -> {
            milestones.remove(row);
            milestoneRows.remove(row.layout);
            updateFee();
        });
        milestones.add(row);
        milestoneRows.add(row.layout);
    }

    /** One milestone line: what is delivered, and the amount due then. */
    private final class MilestoneRow {
        final TextField name = new TextField();
        final BigDecimalField amount = new BigDecimalField();
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final HorizontalLayout layout;

        MilestoneRow(int position) {
            name.setPlaceholder(getTranslation("proposal.milestone.name"));
            name.setMaxLength(ProposalRules.MILESTONE_TITLE_MAX);
            name.addClassName("milestone-name");
            name.setAriaLabel(getTranslation("proposal.fee.milestone", position));
            amount.setPlaceholder(getTranslation("proposal.milestone.amount"));
            amount.addClassName("milestone-amount");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("proposal.milestone.remove"));
            layout = new HorizontalLayout(name, amount, remove);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.addClassName("milestone-row");
            layout.expand(name);
        }

        boolean filledIn() {
            return !Objects.requireNonNullElse(name.getValue(), "").isBlank() || amount.getValue() != null;
        }
    }

    /** Where the milestones' problem shows: under the list. */
    private static final class MilestoneErrors extends Span implements HasValidation {
        private boolean invalid;

        MilestoneErrors() {
            addClassName("field-error");
            setId("proposal-milestones-error");
        }

        @Override
        public void setErrorMessage(String errorMessage) {
            setText(errorMessage == null ? "" : errorMessage);
        }

        @Override
        public String getErrorMessage() {
            return getText();
        }

        @Override
        public void setInvalid(boolean invalid) {
            this.invalid = invalid;
            getStyle().set("color", "var(--lumo-error-text-color)");
            if (!invalid) {
                setText("");
            }
        }

        @Override
        public boolean isInvalid() {
            return invalid;
        }
    }
}
