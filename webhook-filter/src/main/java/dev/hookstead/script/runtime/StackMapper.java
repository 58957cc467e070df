package dev.hookstead.script.runtime;

import dev.hookstead.manifest.ScriptRef;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites JS stack frames of a compiled script ({@code path:compiledLine}) to {@code original:originalLine}. */
final class StackMapper {
    private StackMapper() {
    }

    static String map(String stack, ScriptRef script) {
        if (stack == null) return null;
        Matcher m = Pattern.compile(Pattern.quote(script.path()) + ":(\\d+)").matcher(stack);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = script.originalLine(Integer.parseInt(m.group(1)));
            String original = script.original() == null ? script.path() : script.original();
            m.appendReplacement(out, Matcher.quoteReplacement(original + ":" + line));
        }
        m.appendTail(out);
        return out.toString();
    }
}
