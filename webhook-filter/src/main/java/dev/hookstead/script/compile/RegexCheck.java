package dev.hookstead.script.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Checks one regex literal for syntax the runtime cannot run and for patterns that backtrack catastrophically.
 *
 * <p>A guard cannot interrupt the regex engine, so a pattern such as {@code /(a+)+$/} could hang a worker on a
 * crafted input. Literals are refused at build time when a variable repeat is nested inside another variable repeat
 * (star height above 1), or when a repeated group's alternatives are plain strings that can split the same text in
 * two ways ({@code (a|aa)*}). A repeated group split by a delimiter its inner repeat cannot match, such as
 * {@code (\.[\w-]+)+}, is linear and allowed.
 *
 * <p>{@code new RegExp(str)} is built at run time and cannot be checked here; the runtime bounds the length of regex
 * input instead.
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
        boolean alternation;
        /** Variable repeats inside, nested groups included. */
        int variableRepeats;
        /** What the only variable repeat directly inside matches; null when unknown or nested deeper. */
        IntPredicate repeated;
        /** First and last atoms when each is one mandatory character, else null. */
        Integer firstChar;
        Integer lastChar;
        boolean seenAtom;
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

        void atom(Integer singleChar) {
            if (!seenAtom) firstChar = singleChar;
            seenAtom = true;
            lastChar = singleChar;
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
                if (variable && closed.hasVariableRepeat && !delimited(closed)) {
                    reportBacktracking(closed.start, "nests a repeat inside a repeated group");
                } else if (variable && closed.literal && !uniquelyDecodable(closed.alternatives)) {
                    reportBacktracking(closed.start, "repeats a group whose alternatives can match the same text"
                            + " in more than one way");
                }
                group.hasVariableRepeat |= closed.hasVariableRepeat || variable;
                group.variableRepeats += closed.variableRepeats + (variable ? 1 : 0);
                if (closed.variableRepeats > 0 || variable) group.repeated = null;
                group.literal = false;
                group.atom(null);
                continue;
            }
            if (c == '|') {
                group.endAlternative();
                group.alternation = true;
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
            boolean quantified = next > atomEnd;
            if (isVariableRepeat(repeat)) {
                group.hasVariableRepeat = true;
                group.variableRepeats++;
                group.repeated = group.variableRepeats == 1 ? matcher(i, atomEnd) : null;
            }
            group.atom(literal == null || (quantified && repeat[0] == 0) || (quantified && repeat[1] > 1)
                    ? null : (int) literal.charAt(0));
            if (literal == null || quantified) {
                group.literal = false;
            } else {
                group.current.append(literal);
            }
            i = next;
        }
    }

    /**
     * A repeated group whose only inner repeat cannot match the group's first (or last) character splits its input
     * in exactly one way, as in {@code (\.[\w-]+)+} or {@code ([a-z]+\.)+}: linear, so allowed.
     */
    private boolean delimited(Group group) {
        if (group.alternation || group.variableRepeats != 1 || group.repeated == null) return false;
        return delimiter(group.firstChar, group.repeated) || delimiter(group.lastChar, group.repeated);
    }

    private boolean delimiter(Integer c, IntPredicate repeated) {
        if (c == null) return false;
        if (flags.indexOf('i') < 0) return !repeated.test(c);
        return !repeated.test(Character.toLowerCase(c)) && !repeated.test(Character.toUpperCase(c));
    }

    /** The characters the atom {@code [start, end)} matches, or null when that is not simple to tell. */
    private IntPredicate matcher(int start, int end) {
        char c = pattern.charAt(start);
        if (c == '[') return classMatcher(start, end);
        if (c == '.') return ch -> ch != '\n' && ch != '\r' && ch != '\u2028' && ch != '\u2029';
        if (c != '\\') return "^$".indexOf(c) >= 0 ? null : ch -> ch == c;
        if (start + 1 >= pattern.length()) return null;
        char escaped = pattern.charAt(start + 1);
        IntPredicate shorthand = shorthandClass(escaped);
        if (shorthand != null) return shorthand;
        String literal = escapedLiteral(escaped);
        return literal == null ? null : ch -> ch == literal.charAt(0);
    }

    private static IntPredicate shorthandClass(char escaped) {
        IntPredicate digit = ch -> ch >= '0' && ch <= '9';
        IntPredicate word = ch -> ch == '_' || ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
        IntPredicate space = ch -> Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\uFEFF';
        return switch (escaped) {
            case 'd' -> digit;
            case 'D' -> digit.negate();
            case 'w' -> word;
            case 'W' -> word.negate();
            case 's' -> space;
            case 'S' -> space.negate();
            default -> null;
        };
    }

    /** A bracket class {@code [start, end)}; null when it holds escapes this check does not model. */
    private IntPredicate classMatcher(int start, int end) {
        int close = end - 1;
        if (close <= start || pattern.charAt(close) != ']') return null;
        int i = start + 1;
        boolean negate = i < close && pattern.charAt(i) == '^';
        if (negate) i++;
        IntPredicate members = ch -> false;
        while (i < close) {
            int low;
            if (pattern.charAt(i) == '\\') {
                if (i + 1 >= close) return null;
                IntPredicate shorthand = shorthandClass(pattern.charAt(i + 1));
                i += 2;
                if (shorthand != null) {
                    members = members.or(shorthand);
                    continue;
                }
                String literal = escapedLiteral(pattern.charAt(i - 1));
                if (literal == null) return null;
                low = literal.charAt(0);
            } else {
                low = pattern.charAt(i++);
            }
            int high = low;
            if (i + 1 < close && pattern.charAt(i) == '-') {
                char bound = pattern.charAt(i + 1);
                if (bound == '\\') return null;
                high = bound;
                i += 2;
            }
            int from = low;
            int to = high;
            members = members.or(ch -> ch >= from && ch <= to);
        }
        return negate ? members.negate() : members;
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
