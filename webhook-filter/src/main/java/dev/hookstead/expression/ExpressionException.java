package dev.hookstead.expression;

import java.util.List;

/**
 * A {@code can_evaluate} expression that cannot be parsed, or an evaluation that failed (a {@code %function} threw, a
 * conversion got a bad value). Evaluation failures never mean "allowed": callers turn them into an error response.
 */
public class ExpressionException extends RuntimeException {
    private final List<String> problems;

    /** Parse failure: every problem found, each naming its JSON path inside the expression. */
    ExpressionException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Evaluation failure; {@code cause} is what a called function threw, if anything. */
    public ExpressionException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    public ExpressionException(String message) {
        this(message, null);
    }

    /** The problems found at parse time (one entry for an evaluation failure). */
    public List<String> problems() {
        return problems;
    }
}
