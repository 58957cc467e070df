package dev.hookstead.expression;

import java.util.Set;

/** A parsed {@code can_evaluate} expression: immutable, parsed once, evaluated per request. */
public final class Expression {

    /** No {@code can_evaluate}, {@code true} or {@code {}}. */
    public static final Expression ALWAYS = new Expression(new Condition.Constant(true), Set.of(), Set.of(), "true");

    private final Condition condition;
    private final Set<String> functionNames;
    private final Set<String> valueNames;
    private final String source;

    Expression(Condition condition, Set<String> functionNames, Set<String> valueNames, String source) {
        this.condition = condition;
        this.functionNames = Set.copyOf(functionNames);
        this.valueNames = Set.copyOf(valueNames);
        this.source = source;
    }

    /**
     * Whether the request may proceed.
     *
     * @throws ExpressionException when evaluation fails (a {@code %function} threw, a conversion got a bad value, an
     *                             {@code $in} list is not an array); never read that as "allowed"
     */
    public boolean evaluate(Expansions ctx) {
        try {
            return condition.test(ctx);
        } catch (ExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExpressionException("can_evaluate could not be evaluated: " + e, e);
        }
    }

    /** An expression that allows only what both allow, evaluating {@code first} first. */
    public static Expression both(Expression first, Expression second) {
        java.util.Set<String> functions = new java.util.HashSet<>(first.functionNames);
        functions.addAll(second.functionNames);
        java.util.Set<String> values = new java.util.HashSet<>(first.valueNames);
        values.addAll(second.valueNames);
        return new Expression(new Condition.All(java.util.List.of(first.condition, second.condition)), functions, values,
                "[" + first.source + "," + second.source + "]");
    }

    /** Whether this expression allows everything without reading anything. */
    public boolean isAlwaysTrue() {
        return condition instanceof Condition.Constant c && c.value();
    }

    /** Names of the app functions {@code %function} calls, for build-time checks. */
    public Set<String> functionNames() {
        return functionNames;
    }

    /** Names {@code %%values.<name>} reads, for build-time checks. */
    public Set<String> valueNames() {
        return valueNames;
    }

    /** The expression's JSON. */
    @Override
    public String toString() {
        return source;
    }
}
