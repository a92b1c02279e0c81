package io.clientspace.shared;

import java.util.List;

/**
 * A change would take the firm over a cap of its plan ({@code plan.limit.reached}, with the cap and the plan's name).
 * Nothing was saved. It is an {@link InvalidInputException}, so a form shows it next to its field.
 */
public class PlanLimitException extends InvalidInputException {

    private final PlanLimit limit;
    private final long cap;

    public PlanLimitException(String field, PlanLimit limit, long cap, String planName) {
        super(List.of(FieldProblem.of(field, "plan.limit.reached." + limit.name(), cap, planName)));
        this.limit = limit;
        this.cap = cap;
    }

    public PlanLimit limit() {
        return limit;
    }

    public long cap() {
        return cap;
    }
}
