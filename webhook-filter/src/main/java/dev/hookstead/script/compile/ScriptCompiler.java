package dev.hookstead.script.compile;

import com.google.debugging.sourcemap.SourceMapConsumerV3;
import com.google.debugging.sourcemap.SourceMapParseException;
import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.SourceMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one user module (ES2015+ as the hosted platform accepted it) into guarded ES5 that Nashorn runs.
 *
 * <p>Steps: parse and refuse unsupported features with a specific message ({@link SourcePolicy}); transpile with
 * Closure Compiler in WHITESPACE_ONLY mode, which keeps every name (so the top-level {@code exports = ...}
 * survives) but injects no runtime, hence the shared {@link Prelude}; build the line table from the source map; insert
 * guard calls ({@link Guards}). Stateless and safe to call from several threads: each call gets its own Closure
 * {@code Compiler}, which is single-use.
 */
public final class ScriptCompiler {

    private static final String PARSE_ERROR = "JSC_PARSE_ERROR";

    /**
     * Compiles one module.
     *
     * @param fileName the name used in problems, e.g. {@code functions/a.js}
     * @param source   the module text
     * @throws ScriptCompileException listing every problem found, each at the user's line and column
     */
    public CompiledScript compile(String fileName, String source) throws ScriptCompileException {
        com.google.javascript.jscomp.Compiler compiler = new com.google.javascript.jscomp.Compiler();
        compiler.setErrorManager(new QuietErrorManager());
        compiler.disableThreads();
        compiler.init(List.of(SourceFile.fromCode("externs.js", "")),
                List.of(SourceFile.fromCode(fileName, source)), options());

        compiler.parseForCompilation();
        // Before the parse errors: module syntax also fails module resolution, with a less helpful message.
        List<CompileProblem> refused = SourcePolicy.check(fileName, compiler.getRoot());
        if (!refused.isEmpty()) throw new ScriptCompileException(refused);
        failOnErrors(compiler, fileName, source);

        compiler.stage1Passes();
        if (!compiler.hasErrors()) compiler.stage2Passes();
        if (!compiler.hasErrors()) compiler.stage3Passes();
        failOnErrors(compiler, fileName, source);
        compiler.performPostCompilationTasks();
        failOnErrors(compiler, fileName, source);

        String es5 = compiler.toSource();
        List<Integer> lines = lineTable(compiler.getSourceMap(), es5);
        try {
            return new CompiledScript(Guards.instrument(es5), lines);
        } catch (Guards.UnparseableException e) {
            int line = e.line() >= 1 && e.line() <= lines.size() ? lines.get(e.line() - 1) : 0;
            throw new ScriptCompileException(List.of(new CompileProblem(fileName, line, 0,
                    "the transpiled script is not valid for the runtime: " + e.getMessage(),
                    "rewrite the construct on this line; please report it if it is plain JavaScript")));
        }
    }

    private static CompilerOptions options() {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(options);
        options.setLanguageIn(LanguageMode.UNSTABLE); // ECMASCRIPT_NEXT still refuses public class fields
        options.setLanguageOut(LanguageMode.ECMASCRIPT5);
        options.setEmitUseStrict(false); // strict mode would make the top-level `exports = ...` a ReferenceError
        options.setPrettyPrint(true); // one statement per line keeps the line table precise
        options.setSourceMapOutputPath("unused.map"); // switches source map generation on; nothing is written
        options.setSourceMapFormat(SourceMap.Format.V3);
        options.setSourceMapDetailLevel(SourceMap.DetailLevel.ALL);
        return options;
    }

    private static void failOnErrors(com.google.javascript.jscomp.Compiler compiler, String fileName, String source)
            throws ScriptCompileException {
        if (!compiler.hasErrors()) return;
        List<CompileProblem> problems = new ArrayList<>();
        for (JSError error : compiler.getErrors()) {
            problems.add(problem(fileName, source, error));
        }
        throw new ScriptCompileException(problems);
    }

    private static CompileProblem problem(String fileName, String source, JSError error) {
        int line = Math.max(error.getLineno(), 0);
        int column = error.getCharno() < 0 ? 0 : error.getCharno() + 1;
        if (startsPrivateName(source, line, error.getCharno())) {
            return new CompileProblem(fileName, line, column, "Private class members (#name) are not supported",
                    "use an ordinary property such as this._name, or keep the value in a variable the class closes"
                            + " over");
        }
        String message = error.getDescription();
        if (message.endsWith(".")) message = message.substring(0, message.length() - 1);
        String fix = PARSE_ERROR.equals(error.getType().key) ? "correct the JavaScript syntax at that position"
                : "change the code at that position";
        return new CompileProblem(fileName, line, column, message, fix);
    }

    /** The parser stops at the '#' of a private name; a '#' can appear nowhere else outside strings and comments. */
    private static boolean startsPrivateName(String source, int line, int charno) {
        if (line < 1 || charno < 0) return false;
        String[] sourceLines = source.split("\r\n|[\n\r\u2028\u2029]", -1);
        if (line > sourceLines.length) return false;
        String text = sourceLines[line - 1];
        return charno + 1 < text.length() && text.charAt(charno) == '#'
                && Character.isJavaIdentifierStart(text.charAt(charno + 1));
    }

    /** For each line of {@code es5}, the original line of its first mapped position; 0 when it has none. */
    private static List<Integer> lineTable(SourceMap sourceMap, String es5) {
        int count = (int) es5.chars().filter(c -> c == '\n').count() + 1;
        Integer[] lines = new Integer[count];
        Arrays.fill(lines, 0);
        int[] firstColumn = new int[count];
        Arrays.fill(firstColumn, Integer.MAX_VALUE);
        SourceMapConsumerV3 consumer = new SourceMapConsumerV3();
        try {
            StringBuilder json = new StringBuilder();
            sourceMap.appendTo(json, "compiled.js");
            consumer.parse(json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SourceMapParseException e) {
            throw new IllegalStateException("Closure produced an unreadable source map", e);
        }
        consumer.visitMappings((sourceName, symbolName, original, start, end) -> {
            int line = start.getLine();
            if (line < count && start.getColumn() < firstColumn[line]) {
                firstColumn[line] = start.getColumn();
                lines[line] = original.getLine() + 1;
            }
        });
        return List.of(lines);
    }
}
