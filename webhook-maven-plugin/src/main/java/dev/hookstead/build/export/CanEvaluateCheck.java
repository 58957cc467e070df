package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.build.problems.Problems;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural check of a {@code can_evaluate} expression (realm-behaviour 4.1-4.3): known operators with the right
 * argument shapes, and {@code %function} names that resolve. It does not evaluate anything.
 */
public final class CanEvaluateCheck {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "exists");
    private static final Set<String> CONVERSIONS = Set.of("%stringToOid", "%oidToString", "%stringToUuid", "%uuidToString");
    private static final Set<String> KNOWN = known();

    private CanEvaluateCheck() {
    }

    /** {@code {}} and a missing expression both mean "always allowed": the manifest stores null for them. */
    public static JsonNode normalise(JsonNode expression) {
        if (expression == null || expression.isNull()) return null;
        if (expression.isObject() && expression.isEmpty()) return null;
        return expression;
    }

    /**
     * @param field     path of the expression inside {@code file}, e.g. "can_evaluate" or "[2].can_evaluate"
     * @param functions names of every function in the app
     */
    public static void check(JsonNode expression, String file, String field, Set<String> functions, Problems problems) {
        if (expression == null || expression.isBoolean()) return;
        if (!expression.isObject()) {
            problems.error(file, field, expression.toString(), "is not an expression",
                    "use true, false, or a JSON object such as {\"%%user.type\": \"server\"}");
            return;
        }
        new CanEvaluateCheck.Walk(file, functions, problems).object(expression, field);
    }

    private record Walk(String file, Set<String> functions, Problems problems) {

        void object(JsonNode node, String path) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String at = path + "." + key;
                if (isOperator(key)) {
                    operator(key, e.getValue(), at);
                } else {
                    value(e.getValue(), at);
                }
            }
        }

        void value(JsonNode v, String at) {
            if (v.isObject()) {
                object(v, at);
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) value(v.get(i), at + "[" + i + "]");
            }
        }

        void operator(String op, JsonNode arg, String at) {
            if (!KNOWN.contains(op)) {
                problems.error(file, at, op, "is not a known expression operator",
                        "use one of " + String.join(", ", new TreeSet<>(KNOWN)));
                return;
            }
            switch (op) {
                case "%and", "%or" -> {
                    if (!arg.isArray()) {
                        problems.error(file, at, arg.toString(), op + " takes an array of expressions",
                                "write " + op + ": [ {...}, {...} ]");
                        return;
                    }
                    for (int i = 0; i < arg.size(); i++) {
                        JsonNode item = arg.get(i);
                        if (item.isObject()) object(item, at + "[" + i + "]");
                        else if (!item.isBoolean()) {
                            problems.error(file, at + "[" + i + "]", item.toString(), "is not an expression",
                                    "each element of " + op + " must be an object, true or false");
                        }
                    }
                }
                case "%function" -> function(arg, at);
                default -> {
                    if (CONVERSIONS.contains(op) && (arg.isObject() || arg.isArray())) {
                        problems.error(file, at, arg.toString(), op + " takes only a literal or an expansion",
                                "pass a string or an expansion such as \"%%user.id\"");
                        return;
                    }
                    value(arg, at);
                }
            }
        }

        void function(JsonNode arg, String at) {
            JsonNode name = arg.get("name");
            if (!arg.isObject() || name == null || !name.isTextual()) {
                problems.error(file, at, arg.toString(), "%function takes {\"name\": \"<function>\", \"arguments\": [...]}",
                        "name the function to call in \"name\"");
                return;
            }
            if (!functions.contains(name.textValue())) {
                problems.error(file, at + ".name", name.textValue(), "does not name a function of this app",
                        "add the function under functions/ or correct the name");
            }
            JsonNode args = arg.get("arguments");
            if (args != null && !args.isArray()) {
                problems.error(file, at + ".arguments", args.toString(), "must be an array", "write \"arguments\": [ ... ]");
            } else if (args != null) {
                value(args, at + ".arguments");
            }
        }
    }

    /** One leading % or $ marks an operator; %% marks an expansion. */
    private static boolean isOperator(String key) {
        return (key.startsWith("%") && !key.startsWith("%%")) || key.startsWith("$");
    }

    private static Set<String> known() {
        Set<String> all = new TreeSet<>(Set.of("%and", "%or", "%function"));
        all.addAll(CONVERSIONS);
        for (String c : COMPARISONS) {
            all.add("%" + c);
            all.add("$" + c);
        }
        return Set.copyOf(all);
    }
}
