package io.clientspace.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.StaleDataException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks why before an action that takes something back (a deal moved back or reopened, a task cancelled). The reason
 * is required and checked by the same rules the service applies (its problems are on field "reason"); what the user
 * typed stays when the service refuses. A refusal for lack of access falls through to {@link ActionErrors}.
 */
public class ReasonDialog extends Dialog {

    /** Texts and ids of one use; the element ids are {@code id}, {@code id-reason} and {@code id-confirm}. */
    public record Texts(String id, String title, String text, String reasonLabel, String confirm, String dismiss,
                        String stale) {
    }

    private final Function<String, List<FieldProblem>> localCheck;
    private final Consumer<String> action;
    private final Runnable onDone;
    private final String stale;
    private final FormErrors errors = new FormErrors(this);
    private final TextArea reason = new TextArea();
    private final Div formError = new Div();

    /**
     * @param localCheck the service's rules, for immediate feedback
     * @param action     calls the service with the reason
     * @param onDone     runs after the action succeeded, and after a stale refusal (so the list shows the truth)
     */
    public ReasonDialog(Texts texts, int maxLength, Function<String, List<FieldProblem>> localCheck,
                        Consumer<String> action, Runnable onDone) {
        this.localCheck = localCheck;
        this.action = action;
        this.onDone = onDone;
        this.stale = texts.stale();
        setId(texts.id());
        setHeaderTitle(texts.title());
        setWidth("min(32rem, 96vw)");
        reason.setLabel(texts.reasonLabel());
        reason.setId(texts.id() + "-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(maxLength);
        reason.setWidthFull();
        errors.field("reason", reason);
        formError.addClassName("form-error");
        formError.setVisible(false);
        VerticalLayout body = new VerticalLayout(new Paragraph(texts.text()), formError, reason);
        body.setPadding(false);
        add(body);
        Button ok = new Button(texts.confirm(), e -> submit());
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId(texts.id() + "-confirm");
        Button dismiss = new Button(texts.dismiss(), e -> close());
        dismiss.setId(texts.id() + "-cancel");
        getFooter().add(dismiss, ok);
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
            showError(stale);
            onDone.run();
        }
    }

    private void showError(String text) {
        formError.setText(text);
        formError.setVisible(true);
    }
}
