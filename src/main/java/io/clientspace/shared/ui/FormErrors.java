package io.clientspace.shared.ui;

import java.util.ArrayList;
import java.util.Optional;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import io.clientspace.shared.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a service's field problems next to their fields, translated. Fields keep what the user typed; only the
 * error state changes.
 */
public class FormErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FormErrors(Component owner) {
        this.owner = owner;
    }

    public FormErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Shows the problems; returns those that have no field here (the caller shows them elsewhere). */
    public List<FieldProblem> show(List<FieldProblem> problems) {
        clear();
        return showOnly(problems, null);
    }

    /**
     * Shows the problems next to their fields, and those without a field here in {@code summary} (hidden when there
     * are none), all translated.
     */
    public void show(List<FieldProblem> problems, Paragraph summary) {
        StringBuilder rest = new StringBuilder();
        for (FieldProblem p : show(problems)) {
            rest.append(rest.isEmpty() ? "" : " ").append(owner.getTranslation(p.messageKey(), p.args().toArray()));
        }
        summary.setText(rest.toString());
        summary.setVisible(!rest.isEmpty());
    }

    /** Shows the problems of one field only (used on blur), clearing that field otherwise. */
    public void showFor(String name, List<FieldProblem> problems) {
        HasValidation field = fields.get(name);
        if (field != null) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        showOnly(problems, name);
    }

    private List<FieldProblem> showOnly(List<FieldProblem> problems, String only) {
        List<FieldProblem> rest = new ArrayList<>();
        for (FieldProblem p : problems) {
            if (only != null && !only.equals(p.field())) {
                continue;
            }
            HasValidation field = fields.get(p.field());
            if (field == null) {
                rest.add(p);
                continue;
            }
            if (!field.isInvalid()) {
                field.setErrorMessage(owner.getTranslation(p.messageKey(), p.args().toArray()));
                field.setInvalid(true);
            }
        }
        return rest;
    }

    /** The first field that has an error, to move the focus there. */
    public Optional<HasValidation> firstInvalid() {
        return fields.values().stream().filter(HasValidation::isInvalid).findFirst();
    }
}
