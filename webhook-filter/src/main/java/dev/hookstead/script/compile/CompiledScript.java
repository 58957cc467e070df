package dev.hookstead.script.compile;

import java.util.List;

/**
 * A user module transpiled to ES5 and instrumented with guard calls; evaluate it through {@link dev.hookstead.script.runtime.ScriptWrapper#wrap}.
 *
 * @param es5   the program text: top-level statements that assign {@code exports}
 * @param lines {@code lines.get(i)} is the original source line of line {@code i + 1} of {@code es5}; 0 when unknown
 */
public record CompiledScript(String es5, List<Integer> lines) {

    public CompiledScript {
        lines = List.copyOf(lines);
    }

    /** The original line for a 1-based line of {@link #es5}, or 0 when unknown. */
    public int originalLine(int es5Line) {
        return es5Line >= 1 && es5Line <= lines.size() ? lines.get(es5Line - 1) : 0;
    }
}
