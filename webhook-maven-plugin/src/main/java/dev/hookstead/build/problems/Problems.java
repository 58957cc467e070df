package dev.hookstead.build.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every problem found in one run, in the order found, so a user fixes them all at once. */
public final class Problems {

    private final List<Problem> all = new ArrayList<>();

    public void add(Problem problem) {
        all.add(problem);
    }

    public void error(String file, String field, String value, String message, String fix) {
        add(new Problem(Severity.ERROR, file, field, value, message, fix, 0, 0));
    }

    public void warning(String file, String field, String value, String message, String fix) {
        add(new Problem(Severity.WARNING, file, field, value, message, fix, 0, 0));
    }

    public void errorAt(String file, int line, int column, String message, String fix) {
        add(new Problem(Severity.ERROR, file, null, null, message, fix, line, column));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public List<Problem> all() {
        return Collections.unmodifiableList(all);
    }

    public List<Problem> errors() {
        return all.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return all.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** One formatted problem per line, errors first, for an exception message or a log. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Problem p : errors()) out.append("ERROR ").append(p.format()).append('\n');
        for (Problem p : warnings()) out.append("WARNING ").append(p.format()).append('\n');
        return out.toString();
    }
}
