package dev.hookstead.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonDocument;

/** Test helpers: JSON written with single quotes, contexts from EJSON text. */
final class Exprs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Exprs() {
    }

    static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static Expression parse(String singleQuoted) {
        return ExpressionParser.parse(json(singleQuoted));
    }

    static BsonDocument doc(String singleQuoted) {
        return BsonDocument.parse(singleQuoted.replace('\'', '"'));
    }

    /** A context whose %%args is the given document. */
    static MapExpansions args(String singleQuoted) {
        return MapExpansions.builder().args(doc(singleQuoted)).build();
    }

    static boolean eval(String expression, String argsDocument) {
        return parse(expression).evaluate(args(argsDocument));
    }
}
