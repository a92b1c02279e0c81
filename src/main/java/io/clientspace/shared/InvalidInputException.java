package io.clientspace.shared;

import java.util.List;

/** A service refused input. Nothing was saved. The UI puts each problem next to its field and keeps what was typed. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).reduce((a, b) -> a + ", " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws when the list is not empty. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
