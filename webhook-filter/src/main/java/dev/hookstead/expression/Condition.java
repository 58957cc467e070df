package dev.hookstead.expression;

import java.util.List;

/** A boolean expression at the top level of {@code can_evaluate} or inside a top-level %and/%or/%nor. */
sealed interface Condition {

    boolean test(Expansions ctx);

    record Constant(boolean value) implements Condition {
        @Override
        public boolean test(Expansions ctx) {
            return value;
        }
    }

    /** {@code "<key>": <matcher>}: the key's expanded value tested by the matcher. */
    record Field(Operand.Expansion subject, Matcher matcher) implements Condition {
        @Override
        public boolean test(Expansions ctx) {
            return matcher.matches(subject.value(ctx), ctx);
        }
    }

    /** Several keys, or %and: all true, evaluated in order and stopping at the first false. */
    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Expansions ctx) {
            for (Condition c : conditions) if (!c.test(ctx)) return false;
            return true;
        }
    }

    /** %or (or %nor when negated), evaluated in order and stopping at the first true. */
    record Any(List<Condition> conditions, boolean negated) implements Condition {
        @Override
        public boolean test(Expansions ctx) {
            for (Condition c : conditions) if (c.test(ctx)) return !negated;
            return negated;
        }
    }
}
