package dev.hookstead.rules;

import dev.hookstead.expression.Expansions;
import dev.hookstead.expression.Expression;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * What rule expressions read during one operation: {@code %%user}, {@code %%request}, {@code %%values},
 * {@code %%environment} fixed for the operation, and the document roots {@code %%root}, {@code %%prevRoot},
 * {@code %%this}, {@code %%prev} rebound per document and field. Not thread-safe: one per operation.
 */
final class RuleContext implements Expansions {
    private static final Logger LOG = LoggerFactory.getLogger(RuleContext.class);

    /** Thrown while probing when an expression reads a document root: its result depends on the document. */
    static final class DependsOnDocument extends RuntimeException {
        DependsOnDocument() {
            super("the expression reads the document", null, false, false);
        }
    }

    private final Caller caller;
    private final BsonDocument user;
    private final BsonDocument request;
    private final BsonDocument values;
    private final BsonDocument environment;
    private final Rules.Functions functions;
    private BsonValue root;
    private BsonValue prevRoot;
    private BsonValue current;
    private BsonValue previous;
    private boolean probing;

    RuleContext(Caller caller, BsonDocument user, BsonDocument request, BsonDocument values, BsonDocument environment,
                Rules.Functions functions) {
        this.caller = caller;
        this.user = user;
        this.request = request;
        this.values = values;
        this.environment = environment;
        this.functions = functions;
    }

    /** Binds {@code %%root} and {@code %%prevRoot} (null leaves one missing) and clears the field roots. */
    RuleContext document(BsonDocument rootDocument, BsonDocument previousRoot) {
        root = rootDocument;
        prevRoot = previousRoot;
        current = null;
        previous = null;
        probing = false;
        return this;
    }

    /** Binds {@code %%this} and {@code %%prev} for a field (null leaves one missing). */
    RuleContext field(BsonValue value, BsonValue previousValue) {
        current = value;
        previous = previousValue;
        return this;
    }

    /** From now until the next {@link #document}, reading a document root throws {@link DependsOnDocument}. */
    RuleContext probe() {
        document(null, null);
        probing = true;
        return this;
    }

    @Override
    public Optional<BsonValue> root(String name) {
        switch (name) {
            case "root", "prevRoot", "this", "prev" -> {
                if (probing) throw new DependsOnDocument();
                return Optional.ofNullable(switch (name) {
                    case "root" -> root;
                    case "prevRoot" -> prevRoot;
                    case "this" -> current;
                    default -> previous;
                });
            }
            case "user" -> {
                return Optional.of(user);
            }
            case "request" -> {
                return Optional.ofNullable(request);
            }
            case "values" -> {
                return Optional.of(values);
            }
            case "environment" -> {
                return Optional.of(environment);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    @Override
    public BsonValue callFunction(String name, List<BsonValue> args) {
        return functions.call(name, args, caller);
    }

    /**
     * The expression's result, or null when it could not be evaluated (a {@code %function} threw, a bad conversion):
     * callers deny then. While probing, {@link DependsOnDocument} escapes instead.
     */
    Boolean evaluate(Expression expression) {
        try {
            return expression.evaluate(this);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DependsOnDocument depends) throw depends;
            }
            LOG.warn("A MongoDB rule expression {} could not be evaluated, so it denies: {}", expression, e.getMessage());
            return null;
        }
    }

    /** True only when the expression evaluates to true; absent (null) expressions give {@code absent}. */
    boolean allows(Expression expression, boolean absent) {
        if (expression == null) return absent;
        return Boolean.TRUE.equals(evaluate(expression));
    }

    BsonDocument user() {
        return user;
    }
}
