package dev.hookstead.script.compile;

import com.google.javascript.rhino.Node;
import com.google.javascript.rhino.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Refuses, on the parsed source and before transpiling, what the transpiler or Nashorn cannot run, so the user gets a
 * message naming the feature, its position and a rewrite instead of the transpiler's generic one.
 *
 * <p>Private class members ({@code #x}) never reach this check: the parser itself rejects them, and
 * {@link ScriptCompiler} recognises that parse error.
 */
final class SourcePolicy {

    private SourcePolicy() {
    }

    static List<CompileProblem> check(String file, Node root) {
        List<CompileProblem> problems = new ArrayList<>();
        if (root == null) return problems;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            inspect(file, node, problems);
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return problems;
    }

    private static void inspect(String file, Node node, List<CompileProblem> problems) {
        Token token = node.getToken();
        if (token == Token.BIGINT) {
            problems.add(at(file, node, 0, "BigInt literal " + node.getBigInt() + "n is not supported",
                    "use a Number when the value stays below 2^53, or BSON.Long / BSON.Decimal128 for larger"
                            + " integers"));
        } else if (token == Token.REGEXP) {
            String pattern = node.getFirstChild().getString();
            String flags = node.hasTwoChildren() ? node.getLastChild().getString() : "";
            for (RegexCheck.Finding finding : RegexCheck.check(pattern, flags)) {
                problems.add(at(file, node, finding.offset(), finding.message(), finding.suggestion()));
            }
        } else if (token == Token.IMPORT || token == Token.EXPORT || token == Token.DYNAMIC_IMPORT
                || token == Token.IMPORT_META) {
            problems.add(at(file, node, 0, "ES module syntax (import/export) is not supported",
                    "assign the entry point with exports = function(...) {...} and load dependencies with"
                            + " require(...)"));
        } else if (token == Token.WITH) {
            problems.add(at(file, node, 0, "'with' statements are not supported",
                    "name the object explicitly (obj.x instead of x inside with (obj))"));
        } else if (token == Token.NAME && Guards.NAME.equals(node.getString())) {
            problems.add(at(file, node, 0, "'" + Guards.NAME + "' is reserved by Hookstead for its time-limit guard",
                    "rename this identifier"));
        }
    }

    /** Closure's charno is 0-based; problems use 1-based columns. */
    private static CompileProblem at(String file, Node node, int offset, String message, String suggestion) {
        int line = Math.max(node.getLineno(), 0);
        int column = node.getCharno() < 0 ? 0 : node.getCharno() + offset + 1;
        return new CompileProblem(file, line, column, message, suggestion);
    }
}
