package dev.hookstead.script.compile;

import java.util.List;
import java.util.stream.Collectors;

/** A script that cannot be built; the message lists every problem, one per line. */
public class ScriptCompileException extends Exception {

    private final List<CompileProblem> problems;

    public ScriptCompileException(List<CompileProblem> problems) {
        super(problems.stream().map(CompileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}
