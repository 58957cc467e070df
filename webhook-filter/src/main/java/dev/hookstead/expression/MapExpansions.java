package dev.hookstead.expression;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Expansions} backed by ready-made BSON values, one per root, and a function caller. */
public final class MapExpansions implements Expansions {

    /** Runs an app function for {@code %function}; returns null for {@code undefined}. */
    @FunctionalInterface
    public interface FunctionCaller {
        BsonValue call(String name, List<BsonValue> args);
    }

    private final Map<String, BsonValue> roots;
    private final FunctionCaller functions;

    private MapExpansions(Map<String, BsonValue> roots, FunctionCaller functions) {
        this.roots = Map.copyOf(roots);
        this.functions = functions;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<BsonValue> root(String name) {
        return Optional.ofNullable(roots.get(name));
    }

    @Override
    public BsonValue callFunction(String name, List<BsonValue> args) {
        if (functions == null) {
            throw new ExpressionException("can_evaluate: %function \"" + name + "\" cannot run here: no function runner was provided");
        }
        return functions.call(name, args);
    }

    public static final class Builder {
        private final Map<String, BsonValue> roots = new HashMap<>();
        private FunctionCaller functions;

        private Builder() {
        }

        /** {@code %%request}: see {@code pipeline.ContextDocuments.request}. */
        public Builder request(BsonDocument request) {
            return root("request", request);
        }

        /** {@code %%user}: see {@code pipeline.ContextDocuments.user}. */
        public Builder user(BsonDocument user) {
            return root("user", user);
        }

        /** {@code %%values}: value name to its value (secret text for secret-backed values). */
        public Builder values(BsonDocument values) {
            return root("values", values);
        }

        /** {@code %%environment}: see {@code pipeline.ContextDocuments.environment}. */
        public Builder environment(BsonDocument environment) {
            return root("environment", environment);
        }

        /** {@code %%args}, which plain (unprefixed) paths read too. */
        public Builder args(BsonValue args) {
            return root("args", args);
        }

        /** Any root by name; a null value leaves it missing. */
        public Builder root(String name, BsonValue value) {
            if (value == null) roots.remove(name);
            else roots.put(name, value);
            return this;
        }

        public Builder functions(FunctionCaller functions) {
            this.functions = functions;
            return this;
        }

        public MapExpansions build() {
            return new MapExpansions(roots, functions);
        }
    }
}
