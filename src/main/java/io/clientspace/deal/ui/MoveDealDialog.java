package io.clientspace.deal.ui;

import io.clientspace.shared.ui.DatePickers;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealRules;
import io.clientspace.deal.DealService;
import io.clientspace.deal.StageMove;
import io.clientspace.deal.StageMove.Outcome;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The owner moves a deal on: to the next stage with a next step and its due date, or to Won, or to Lost with a reason. */
class MoveDealDialog extends Dialog {

    private final Clock clock;

    private final Deal deal;
    private final DealService deals;
    private final Runnable onMoved;
    private final FormErrors errors = new FormErrors(this);
    final RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>();
    final TextField nextStep = new TextField();
    final DatePicker due = new DatePicker();
    final TextArea reason = new TextArea();
    private final Div formError = new Div();

    MoveDealDialog(Deal deal, DealService deals, Clock clock, Runnable onMoved) {
        this.clock = clock;
        this.deal = deal;
        this.deals = deals;
        this.onMoved = onMoved;
        setId("move-deal");
        setHeaderTitle(getTranslation("deal.move.title", deal.title()));
        setWidth("min(34rem, 96vw)");

        List<Outcome> options = new ArrayList<>();
        if (deal.nextStage() != null) {
            options.add(Outcome.ADVANCE);
        }
        if (deal.nextStage() == null) {
            options.add(Outcome.WON);
        }
        options.add(Outcome.LOST);
        outcome.setLabel(getTranslation("deal.move.outcome"));
        outcome.setId("move-outcome");
        outcome.setItems(options);
        outcome.setItemLabelGenerator(o -> switch (o) {
            case ADVANCE -> getTranslation("deal.move.advance",
                    deal.nextStage().displayName(getLocale()));
            case WON -> getTranslation("deal.move.won");
            case LOST -> getTranslation("deal.move.lost");
        });
        outcome.setValue(options.get(0));
        nextStep.setLabel(getTranslation("deal.next-step"));
        nextStep.setId("move-next-step");
        nextStep.setRequiredIndicatorVisible(true);
        nextStep.setMaxLength(DealRules.NEXT_STEP_MAX);
        due.setLabel(getTranslation("deal.next-step-due"));
        due.setId("move-due");
        due.setRequiredIndicatorVisible(true);
        due.setMin(LocalDate.now(clock));
        DatePickers.localized(due, getLocale());
        reason.setLabel(getTranslation("deal.lost-reason"));
        reason.setHelperText(getTranslation("deal.reason-helper"));
        reason.setId("move-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(DealRules.REASON_MAX);
        reason.setWidthFull();
        errors.field("nextStep", nextStep).field("nextStepDue", due).field("reason", reason);
        formError.addClassName("form-error");
        formError.setVisible(false);

        Paragraph current = new Paragraph(getTranslation("deal.move.current",
                deal.stage().displayName(getLocale())));
        VerticalLayout body = new VerticalLayout(current, formError, outcome, nextStep, due, reason);
        body.setPadding(false);
        add(body);
        outcome.addValueChangeListener(e -> showFields());
        showFields();

        Button move = new Button(getTranslation("deal.move.confirm"), e -> submit());
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.setId("move-confirm");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("move-cancel");
        getFooter().add(cancel, move);
    }

    private void showFields() {
        Outcome o = outcome.getValue();
        nextStep.setVisible(o == Outcome.ADVANCE);
        due.setVisible(o == Outcome.ADVANCE);
        reason.setVisible(o == Outcome.LOST || o == Outcome.WON);
        reason.setLabel(getTranslation(o == Outcome.WON ? "deal.won-reason" : "deal.lost-reason"));
    }

    StageMove stageMove() {
        Outcome o = outcome.getValue();
        return new StageMove(o, o == Outcome.ADVANCE ? nextStep.getValue() : null,
                o == Outcome.ADVANCE ? due.getValue() : null, o == Outcome.LOST || o == Outcome.WON ? reason.getValue() : null);
    }

    void submit() {
        formError.setVisible(false);
        List<FieldProblem> local = DealRules.check(stageMove(), deal.stage(), deal.nextStage(), LocalDate.now(clock));
        try {
            InvalidInputException.throwIfAny(local);
            deals.moveOn(deal.id(), deal.stage(), stageMove());
            close();
            onMoved.run();
        } catch (StaleDataException e) {
            formError.setText(getTranslation("deal.error.stale"));
            formError.setVisible(true);
            onMoved.run();
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            if (!rest.isEmpty()) {
                formError.setText(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
                formError.setVisible(true);
            }
        }
    }
}
