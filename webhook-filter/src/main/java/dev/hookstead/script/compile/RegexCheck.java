package dev.hookstead.script.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one regex literal for syntax the runtime cannot run and for patterns that backtrack catastrophically.
 *
 * <p>A guard cannot interrupt the regex engine, so a pattern such as {@code /(a+)+$/} could hang a worker on a
 * crafted input. Literals are refused at build time when a variable repeat is nested inside another variable repeat
 * (star height above 1), or when a repeated group's alternatives are plain strings that can split the same text in
 * two ways ({@code (a|aa)*}). {@code new RegExp(str)} is built at run time and cannot be checked here; the runtime
 * bounds the length of regex input instead.
 */
final class RegexCheck {

    /**
     * @param offset where the problem is, counted from the literal's opening {@code /}
     */
    record Finding(int offset, String message, String suggestion) {
    }

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String pattern;
    private final String flags;
    private final List<Finding> findings = new ArrayList<>();
    private boolean backtrackingReported;

    private RegexCheck(String pattern, String flags) {
        this.pattern = pattern;
        this.flags = flags;
    }

    static List<Finding> check(String pattern, String flags) {
        RegexCheck check = new RegexCheck(pattern, flags);
        check.scanFlags();
        check.scanPattern();
        return check.findings;
    }

    private void scanFlags() {
        int base = 1 + pattern.length() + 1;
        for (int j = 0; j < flags.length(); j++) {
            char flag = flags.charAt(j);
            switch (flag) {
                case 'g', 'i', 'm' -> {
                }
                case 's' -> add(base + j, "Regex flag 's' (dotAll) is not supported",
                        "drop the flag and write [\\s\\S] where '.' must also match line breaks");
                case 'u' -> add(base + j, "Regex flag 'u' (unicode) is not supported",
                        "drop the flag; write characters outside the BMP as surrogate pairs (\\uD83D\\uDE00)"
                                + " instead of \\u{...}");
                case 'y' -> add(base + j, "Regex flag 'y' (sticky) is not supported",
                        "drop the flag and match against str.slice(lastIndex) with a leading ^");
                default -> add(base + j, "Regex flag '" + flag + "' is not supported",
                        "use only the flags g, i and m");
            }
        }
    }

    /** One group being scanned (the whole pattern is the outermost). */
    private static final class Group {
        final int start;
        boolean hasVariableRepeat;
        boolean literal = true;
        final List<String> alternatives = new ArrayList<>();
        StringBuilder current = new StringBuilder();

        Group(int start) {
            this.start = start;
        }

        void endAlternative() {
            if (current.isEmpty()) literal = false; // an empty alternative is not a plain string
            alternatives.add(current.toString());
            current = new StringBuilder();
        }
    }

    private void scanPattern() {
        Deque<Group> open = new ArrayDeque<>();
        Group group = new Group(0);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '(') {
                open.push(group);
                group = new Group(i);
                i += groupPrefix(i);
                continue;
            }
            if (c == ')' && !open.isEmpty()) {
                Group closed = group;
                closed.endAlternative();
                group = open.pop();
                int[] repeat = new int[2];
                i = quantifier(i + 1, repeat);
                boolean variable = isVariableRepeat(repeat);
                if (variable && closed.hasVariableRepeat) {
                    reportBacktracking(closed.start, "nests a repeat inside a repeated group");
                } else if (variable && closed.literal && !uniquelyDecodable(closed.alternatives)) {
                    reportBacktracking(closed.start, "repeats a group whose alternatives can match the same text"
                            + " in more than one way");
                }
                group.hasVariableRepeat |= closed.hasVariableRepeat || variable;
                group.literal = false;
                continue;
            }
            if (c == '|') {
                group.endAlternative();
                i++;
                continue;
            }
            int atomEnd;
            String literal = null;
            if (c == '\\') {
                atomEnd = Math.min(i + 2, n);
                literal = i + 1 < n ? escapedLiteral(pattern.charAt(i + 1)) : null;
            } else if (c == '[') {
                atomEnd = classEnd(i);
            } else {
                atomEnd = i + 1;
                literal = "^$.".indexOf(c) >= 0 ? null : String.valueOf(c);
            }
            int[] repeat = new int[2];
            int next = quantifier(atomEnd, repeat);
            if (next > atomEnd) {
                group.hasVariableRepeat |= isVariableRepeat(repeat);
                literal = null;
            }
            if (literal == null) {
                group.literal = false;
            } else {
                group.current.append(literal);
            }
            i = next;
        }
    }

    /** Length of the group opener at {@code i}, reporting syntax Nashorn cannot run. */
    private int groupPrefix(int i) {
        if (pattern.startsWith("(?<=", i) || pattern.startsWith("(?<!", i)) {
            add(1 + i, "Regex lookbehind " + pattern.substring(i, i + 4) + "...) is not supported",
                    "capture the text before it in a group instead, e.g. /(\\$)(\\d+)/ and use match[2]");
            return 4;
        }
        if (pattern.startsWith("(?<", i)) {
            int close = pattern.indexOf('>', i);
            String name = close < 0 ? "" : pattern.substring(i + 3, close);
            add(1 + i, "Regex named group (?<" + name + ">...) is not supported",
                    "use a numbered group (...) and read match[1] instead of match.groups." + name);
            return close < 0 ? 3 : close + 1 - i;
        }
        if (pattern.startsWith("(?:", i) || pattern.startsWith("(?=", i) || pattern.startsWith("(?!", i)) return 3;
        return 1;
    }

    /** The character an escape stands for when it is a plain character, else null. */
    private static String escapedLiteral(char escaped) {
        return switch (escaped) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'f' -> "\f";
            case 'v' -> "\u000B";
            default -> Character.isLetterOrDigit(escaped) ? null : String.valueOf(escaped);
        };
    }

    private int classEnd(int open) {
        int i = open + 1;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return pattern.length();
    }

    /** Parses a quantifier at {@code i} into {@code repeat} = {min, max}; returns the index after it. */
    private int quantifier(int i, int[] repeat) {
        repeat[0] = 1;
        repeat[1] = 1;
        if (i >= pattern.length()) return i;
        int next;
        switch (pattern.charAt(i)) {
            case '*' -> {
                repeat[0] = 0;
                repeat[1] = UNBOUNDED;
                next = i + 1;
            }
            case '+' -> {
                repeat[1] = UNBOUNDED;
                next = i + 1;
            }
            case '?' -> {
                repeat[0] = 0;
                next = i + 1;
            }
            case '{' -> {
                next = braces(i, repeat);
                if (next == i) return i;
            }
            default -> {
                return i;
            }
        }
        return next < pattern.length() && pattern.charAt(next) == '?' ? next + 1 : next;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}}; anything else is a literal brace and returns {@code i}. */
    private int braces(int i, int[] repeat) {
        int close = pattern.indexOf('}', i);
        if (close < 0) return i;
        String body = pattern.substring(i + 1, close);
        if (!body.matches("\\d{1,9}(,\\d{0,9})?")) return i;
        int comma = body.indexOf(',');
        repeat[0] = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
        repeat[1] = comma < 0 ? repeat[0]
                : comma == body.length() - 1 ? UNBOUNDED : Integer.parseInt(body.substring(comma + 1));
        return close + 1;
    }

    /** A repeat that can match a varying number of times, more than once: *, +, {n,}, {n,m} with m > n. */
    private static boolean isVariableRepeat(int[] repeat) {
        return repeat[1] > 1 && repeat[0] < repeat[1];
    }

    /**
     * Sardinas-Patterson: true when no text can be split into the given words in two ways. Ambiguous words under a
     * repeat ({@code (a|aa)*}) make the backtracking engine try every split.
     */
    private boolean uniquelyDecodable(List<String> words) {
        Set<String> code = new HashSet<>();
        for (String word : words) {
            if (!code.add(fold(word))) return false;
        }
        Set<String> seen = new HashSet<>();
        Set<String> suffixes = danglingSuffixes(code, code);
        while (!suffixes.isEmpty()) {
            for (String suffix : suffixes) {
                if (code.contains(suffix)) return false;
            }
            if (!seen.addAll(suffixes)) return true;
            Set<String> next = danglingSuffixes(code, suffixes);
            next.addAll(danglingSuffixes(suffixes, code));
            next.removeAll(seen);
            suffixes = next;
        }
        return true;
    }

    /** Nonempty w with u + w = v for u in {@code prefixes}, v in {@code words}, u != v. */
    private static Set<String> danglingSuffixes(Set<String> prefixes, Set<String> words) {
        Set<String> out = new HashSet<>();
        for (String u : prefixes) {
            for (String v : words) {
                if (v.length() > u.length() && v.startsWith(u)) out.add(v.substring(u.length()));
            }
        }
        return out;
    }

    private String fold(String word) {
        return flags.indexOf('i') >= 0 ? word.toLowerCase(Locale.ROOT) : word;
    }

    private void reportBacktracking(int groupStart, String what) {
        if (backtrackingReported) return;
        backtrackingReported = true;
        add(1 + groupStart, "Regex /" + abbreviate(pattern) + "/ " + what + ", which backtracks catastrophically"
                        + " (exponential time) on input that almost matches; the function's time limit cannot"
                        + " interrupt a running regex",
                "match each piece once, e.g. (a+)+ -> a+, (\\w+\\s?)* -> [\\w\\s]*, (a|aa)* -> a*;"
                        + " or split the input and test the parts in code");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private void add(int offset, String message, String suggestion) {
        findings.add(new Finding(offset, message, suggestion));
    }
}
