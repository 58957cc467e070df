package dev.hookstead.script.compile;

import dev.hookstead.script.runtime.GuardedRegExps;
import dev.hookstead.script.runtime.ScriptWrapper;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.Diagnostic;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.Parser;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES5_1;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.TryTree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Build-time instrumentation that makes runaway code stoppable.
 *
 * <p>A Java thread running {@code while(true){}} cannot be interrupted, and a JS {@code catch} can catch any Java
 * exception. So every function body, loop body, {@code catch} block and {@code finally} block starts with
 * {@link #CHECK}; the runtime's guard throws from {@code check()} once the call's deadline has passed, and the
 * re-check on entering {@code catch}/{@code finally} makes that impossible to swallow. Every {@code catch (e)} block
 * then calls {@link #PLAIN} on its error, before the script can see it: Nashorn hangs its Java exception on every
 * error it throws, and the guard takes it off (or throws on what is itself a Java throwable).
 *
 * <p>Works on ES5 text (the transpiler's output), located with Nashorn's parser. Calls are inserted by character
 * offset without adding newlines, so line numbers do not move. Input is expected without comments, as the transpiler
 * prints it (Nashorn stretches a statement ended by a line break over a trailing line comment). A misplaced insertion
 * fails here, by re-parsing the result, rather than at run time.
 */
public final class Guards {

    /** The parameter through which the runtime hands the guard to the module; user code may not use this name. */
    public static final String NAME = ScriptWrapper.GUARD;

    /** The statement inserted at each guarded place. */
    public static final String CHECK = NAME + ".check();";

    /** The call inserted after the check in each catch block, on the block's parameter. */
    static final String PLAIN = NAME + ".plain";

    static {
        // The parser compiles every regex literal; guarded ones must be in place before that code gets hot.
        GuardedRegExps.install();
    }

    private Guards() {
    }

    /**
     * Returns {@code es5} with guard calls inserted.
     *
     * @throws UnparseableException when Nashorn cannot parse {@code es5}
     */
    public static String instrument(String es5) {
        CompilationUnitTree unit = parse(es5);
        List<Insertion> insertions = new ArrayList<>();
        unit.accept(new Finder(es5, insertions), null);
        insertions.sort(Comparator.comparingInt(Insertion::at)); // stable: equal offsets keep discovery order
        StringBuilder out = new StringBuilder(es5.length() + insertions.size() * (CHECK.length() + 2));
        int from = 0;
        for (Insertion insertion : insertions) {
            out.append(es5, from, insertion.at()).append(insertion.text());
            from = insertion.at();
        }
        String instrumented = out.append(es5, from, es5.length()).toString();
        parse(instrumented); // a misplaced insertion must fail the build, not the first request
        return instrumented;
    }

    private static CompilationUnitTree parse(String es5) {
        List<Diagnostic> errors = new ArrayList<>();
        CompilationUnitTree unit = Parser.create().parse("compiled.js", es5, d -> {
            if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(d);
        });
        if (!errors.isEmpty() || unit == null) {
            Diagnostic first = errors.isEmpty() ? null : errors.get(0);
            throw new UnparseableException(first == null ? 0 : (int) first.getLineNumber(),
                    first == null ? 0 : (int) first.getColumnNumber() + 1,
                    first == null ? "unparseable" : first.getMessage());
        }
        return unit;
    }

    private record Insertion(int at, String text) {
    }

    private static final class Finder extends SimpleTreeVisitorES5_1<Void, Void> {
        private final String src;
        private final List<Insertion> insertions;

        Finder(String src, List<Insertion> insertions) {
            this.src = src;
            this.insertions = insertions;
        }

        @Override
        public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void p) {
            guardFunctionBody(node.getBody());
            return super.visitFunctionDeclaration(node, p);
        }

        @Override
        public Void visitFunctionExpression(FunctionExpressionTree node, Void p) {
            guardFunctionBody((BlockTree) node.getBody());
            return super.visitFunctionExpression(node, p);
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Void p) {
            guardLoopBody(node.getStatement(), false, node);
            return super.visitForLoop(node, p);
        }

        @Override
        public Void visitForInLoop(ForInLoopTree node, Void p) {
            guardLoopBody(node.getStatement(), false, node);
            return super.visitForInLoop(node, p);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree node, Void p) {
            guardLoopBody(node.getStatement(), false, node);
            return super.visitWhileLoop(node, p);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree node, Void p) {
            guardLoopBody(node.getStatement(), true, node);
            return super.visitDoWhileLoop(node, p);
        }

        @Override
        public Void visitCatch(CatchTree node, Void p) {
            guardBlock(node.getBlock());
            if (node.getParameter() instanceof IdentifierTree parameter) {
                insertions.add(new Insertion((int) node.getBlock().getStartPosition() + 1,
                        PLAIN + "(" + parameter.getName() + ");"));
            }
            return super.visitCatch(node, p);
        }

        @Override
        public Void visitTry(TryTree node, Void p) {
            if (node.getFinallyBlock() != null) guardBlock(node.getFinallyBlock());
            return super.visitTry(node, p);
        }

        /** Guards after the directive prologue, so {@code "use strict"} keeps its meaning. */
        private void guardFunctionBody(BlockTree body) {
            StatementTree lastDirective = null;
            for (StatementTree statement : body.getStatements()) {
                if (!isDirective(statement)) break;
                lastDirective = statement;
            }
            if (lastDirective == null) {
                guardBlock(body);
                return;
            }
            int at = (int) lastDirective.getEndPosition() + 1; // Nashorn's string end stops before the closing quote
            int semicolon = skipBlanks(at);
            if (semicolon < src.length() && src.charAt(semicolon) == ';') {
                insertions.add(new Insertion(semicolon + 1, CHECK));
            } else {
                insertions.add(new Insertion(at, ";" + CHECK));
            }
        }

        private static boolean isDirective(StatementTree statement) {
            return statement instanceof ExpressionStatementTree expression
                    && expression.getExpression().getKind() == Tree.Kind.STRING_LITERAL;
        }

        private void guardBlock(BlockTree block) {
            int open = (int) block.getStartPosition();
            if (src.charAt(open) != '{') {
                throw new IllegalStateException("expected '{' at offset " + open + " of the transpiled script");
            }
            insertions.add(new Insertion(open + 1, CHECK));
        }

        private void guardLoopBody(StatementTree body, boolean doWhile, Tree loop) {
            boolean block = body instanceof BlockTree;
            if (block && src.charAt((int) body.getStartPosition()) == '{') {
                guardBlock((BlockTree) body);
                return;
            }
            // Nashorn presents `var a = 1, b = 2;` as a block without braces, one statement per variable.
            List<? extends StatementTree> parts = block ? ((BlockTree) body).getStatements() : List.of();
            StatementTree last = parts.isEmpty() ? body : parts.get(parts.size() - 1);
            int start = doWhile ? (int) loop.getStartPosition() + "do".length() : statementStart(body);
            insertions.add(new Insertion(start, "{" + CHECK));
            insertions.add(new Insertion(statementEnd(last), "}"));
        }

        /** Nashorn starts a string literal after its opening quote. */
        private int statementStart(StatementTree statement) {
            int start = (int) statement.getStartPosition();
            return start > 0 && isQuote(src.charAt(start - 1)) ? start - 1 : start;
        }

        /**
         * Nashorn ends expression and {@code var} statements before their {@code ;}, and string literals before the
         * closing quote; the wrapped statement must include both.
         */
        private int statementEnd(StatementTree statement) {
            int end = (int) statement.getEndPosition();
            Tree.Kind kind = statement.getKind();
            if (kind != Tree.Kind.EXPRESSION_STATEMENT && kind != Tree.Kind.VARIABLE) return end;
            if (end < src.length() && isQuote(src.charAt(end))) end++;
            int semicolon = skipBlanks(end);
            return semicolon < src.length() && src.charAt(semicolon) == ';' ? semicolon + 1 : end;
        }

        private int skipBlanks(int from) {
            int i = from;
            while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) i++;
            return i;
        }

        private static boolean isQuote(char c) {
            return c == '"' || c == '\'';
        }
    }

    /** The text given to {@link #instrument} is not valid ES5. */
    public static final class UnparseableException extends RuntimeException {
        private final int line;
        private final int column;

        UnparseableException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** 1-based line in the instrumented text. */
        public int line() {
            return line;
        }

        /** 1-based column in the instrumented text. */
        public int column() {
            return column;
        }
    }
}
