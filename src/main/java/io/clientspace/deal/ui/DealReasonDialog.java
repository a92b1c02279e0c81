package io.clientspace.deal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.clientspace.deal.DealRules;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.ui.FormErrors;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks why before a deal moves against its usual direction (back a stage, or a lost deal reopened). The reason is
 * required; what the user typed stays when the service refuses.
 */
class DealReasonDialog extends Dialog {

    private final Function<String, List<FieldProblem>> localCheck;
    private final Consumer<String> action;
    private final Runnable onDone;
    private final FormErrors errors = new FormErrors(this);
    final TextArea reason = new TextArea();
    private final Div formError = new Div();

    /**
     * @param id         the dialog's element id
     * @param localCheck the same rules the service applies, for immediate feedback
     * @param action     calls the service with the reason
     * @param onDone     runs after the action succeeded, and after a stale refusal (so the list shows the truth)
     */
    DealReasonDialog(String id, String title, String text, String confirm, Function<String, List<FieldProblem>> localCheck,
                     Consumer<String> action, Runnable onDone) {
        this.localCheck = localCheck;
        this.action = action;
        this.onDone = onDone;
        setId(id);
        setHeaderTitle(title);
        setWidth("min(32rem, 96vw)");
        reason.setLabel(getTranslation("deal.reason"));
        reason.setId(id + "-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(DealRules.REASON_MAX);
        reason.setWidthFull();
        errors.field("reason", reason);
        formError.addClassName("form-error");
        formError.setVisible(false);
        VerticalLayout body = new VerticalLayout(new Paragraph(text), formError, reason);
        body.setPadding(false);
        add(body);
        Button ok = new Button(confirm, e -> submit());
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId(id + "-confirm");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }

    void submit() {
        formError.setVisible(false);
        try {
            InvalidInputException.throwIfAny(localCheck.apply(reason.getValue()));
            action.accept(reason.getValue());
            close();
            onDone.run();
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = errors.show(e.problems());
            if (!rest.isEmpty()) {
                showError(rest.stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
            }
        } catch (StaleDataException e) {
            showError(getTranslation("deal.error.stale"));
            onDone.run();
        } catch (NoAccessException e) {
            showError(getTranslation("deal.error.not-owner", e.ownerName() == null ? "" : e.ownerName()));
        }
    }

    private void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }
}
