package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.expression.ExpressionParser;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Build-time check of a {@code can_evaluate} expression with the runtime's own parser, so the build accepts exactly
 * what the filter can evaluate; plus that every {@code %function} names a function of the app.
 */
public final class CanEvaluateCheck {

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
        check(expression, file, field, functions, problems, false);
    }

    /** The same check for a rule or schema expression (apply_when, read, validate, ...), named as such. */
    public static void checkRule(JsonNode expression, String file, String field, Set<String> functions,
                                 Problems problems) {
        check(expression, file, field, functions, problems, true);
    }

    private static void check(JsonNode expression, String file, String field, Set<String> functions, Problems problems,
                              boolean rule) {
        List<String> found = ExpressionParser.problems(expression);
        for (String problem : found) {
            // the parser writes "can_evaluate[ at <path>]: <what is wrong>; <how to fix it>"
            if (rule && problem.startsWith("can_evaluate")) problem = "expression" + problem.substring(12);
            int fix = problem.lastIndexOf("; ");
            problems.error(file, field, null, fix < 0 ? problem : problem.substring(0, fix),
                    fix < 0 ? "see docs/compatibility.md, section " + (rule ? "Rules: what the build accepts"
                            : "can_evaluate") : problem.substring(fix + 2));
        }
        if (!found.isEmpty() || expression == null) return;
        Set<String> missing = new TreeSet<>(ExpressionParser.parse(expression).functionNames());
        missing.removeAll(functions);
        for (String name : missing) {
            problems.error(file, field + ".%function.name", name, "is not a function of this app",
                    "add functions/" + name + " to the export or correct the name");
        }
    }
}
