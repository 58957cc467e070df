package dev.hookstead.expression;

import org.bson.BsonValue;

import java.util.List;
import java.util.Optional;

/**
 * What an expression reads at evaluation time, supplied by the request pipeline. {@link MapExpansions} is the usual
 * implementation.
 */
public interface Expansions {

    /**
     * The whole value behind {@code %%<name>}: {@code request}, {@code user}, {@code values}, {@code environment},
     * {@code args}, or a MongoDB-rule root ({@code root}, {@code prevRoot}, {@code this}, {@code prev},
     * {@code partition}). The expression walks the dotted path itself.
     *
     * @return empty when the root is not available here (missing, which is not the same as BSON null)
     */
    Optional<BsonValue> root(String name);

    /**
     * Runs the app function {@code name} for {@code %function}.
     *
     * @return its return value, or null for {@code undefined}
     * @throws RuntimeException whatever the function threw; the expression turns it into an {@link ExpressionException}
     */
    BsonValue callFunction(String name, List<BsonValue> args);
}
