package io.clientspace.modeling;

import java.util.List;

/** The gate refused a model; nothing was deployed. {@link #problems()} lists why, element by element. */
public class ModelRefusedException extends RuntimeException {

    private final List<Problem> problems;

    public ModelRefusedException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
