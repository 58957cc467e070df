package dev.hookstead.script.runtime;

import org.openjdk.nashorn.internal.parser.Lexer;
import org.openjdk.nashorn.internal.runtime.ParserException;
import org.openjdk.nashorn.internal.runtime.regexp.JdkRegExp;
import org.openjdk.nashorn.internal.runtime.regexp.RegExp;
import org.openjdk.nashorn.internal.runtime.regexp.RegExpFactory;
import org.openjdk.nashorn.internal.runtime.regexp.RegExpMatcher;
import sun.misc.Unsafe;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions that the function's deadline stops. Nashorn's default engine (joni) backtracks over a char array
 * and checks nothing, so {@code /^(a+)+$/} on 41 characters runs for good. Every regex Nashorn makes, literal or built
 * at run time, comes from one static factory; {@link #install()} puts this class's factory there. It compiles the
 * pattern as Nashorn's own java.util.regex engine does and matches over a {@link CharSequence} whose {@code charAt}
 * calls the running call's {@link Guard}: a backtracking matcher reads a character at every step, so a deadline, the
 * watchdog or the memory budget ends it within one guard check.
 *
 * <p>Nashorn lets a system property choose between its two engines only, and neither can be guarded, hence the
 * factory is swapped in its static field (sun.misc.Unsafe: the field is final). It must happen before any code that
 * creates a regex is compiled by the JIT, which folds the field as a constant; {@link #install()} runs when the first
 * engine or script compiler is made, and checks that a new regex comes from here, failing start-up otherwise.
 */
public final class GuardedRegExps {
    private static final String WHITESPACE = Lexer.getWhitespaceRegExp();
    private static boolean installed;

    private GuardedRegExps() {
    }

    /** Makes every regex of this class loader's Nashorn a guarded one; idempotent. */
    public static synchronized void install() {
        if (installed) return;
        try {
            Field instance = RegExpFactory.class.getDeclaredField("instance");
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Unsafe unsafe = (Unsafe) theUnsafe.get(null);
            unsafe.putObjectVolatile(unsafe.staticFieldBase(instance), unsafe.staticFieldOffset(instance), new Factory());
            Field cache = RegExpFactory.class.getDeclaredField("REGEXP_CACHE");
            cache.setAccessible(true);
            ((Map<?, ?>) cache.get(null)).clear(); // regexes compiled before, e.g. by the build's parser
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install guarded regular expressions into Nashorn: " + e, e);
        }
        if (!(RegExpFactory.create("hookstead-regex-check", "") instanceof Guarded)) {
            throw new IllegalStateException("Nashorn still makes unguarded regular expressions: a regex ran before"
                    + " Hookstead's runtime was set up in this class loader");
        }
        installed = true;
    }

    /** The factory Nashorn calls for every regex it compiles (its result is cached per pattern and flags). */
    private static final class Factory extends RegExpFactory {
        @Override
        public RegExp compile(String pattern, String flags) throws ParserException {
            return new Guarded(pattern, flags);
        }
    }

    /**
     * Nashorn's java.util.regex translation of the pattern, recompiled with JavaScript's {@code \s}: Nashorn widens
     * {@code \s} only when its plain factory is the one in use.
     */
    static final class Guarded extends JdkRegExp {
        private static final Field PATTERN;

        static {
            try {
                PATTERN = JdkRegExp.class.getDeclaredField("pattern");
                PATTERN.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Pattern pattern;

        Guarded(String source, String flags) throws ParserException {
            super(source, flags);
            Pattern translated;
            try {
                translated = (Pattern) PATTERN.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            pattern = translated == null ? null : Pattern.compile(widenWhitespace(translated.pattern()), translated.flags());
        }

        @Override
        public RegExpMatcher match(String input) {
            if (pattern == null) return null; // a pattern that never matches, e.g. a[]
            Guard guard = Guard.current();
            return new GuardedMatcher(input, pattern.matcher(guard == null ? input : new GuardedInput(input, guard)));
        }
    }

    /** {@code \s} and {@code \S} of a java.util.regex pattern as JavaScript's whitespace (Unicode spaces, BOM, ...). */
    static String widenWhitespace(String javaPattern) {
        if (!javaPattern.contains("\\s") && !javaPattern.contains("\\S")) return javaPattern;
        StringBuilder out = new StringBuilder(javaPattern.length() + 64);
        int classDepth = 0;
        for (int i = 0; i < javaPattern.length(); i++) {
            char c = javaPattern.charAt(i);
            if (c == '\\' && i + 1 < javaPattern.length()) {
                char next = javaPattern.charAt(++i);
                if (next == 's') out.append(classDepth > 0 ? WHITESPACE : "[" + WHITESPACE + "]");
                else if (next == 'S') out.append("[^").append(WHITESPACE).append(']');
                else out.append(c).append(next);
                continue;
            }
            if (c == '[') classDepth++;
            else if (c == ']' && classDepth > 0) classDepth--;
            out.append(c);
        }
        return out.toString();
    }

    /** The input as the matcher reads it: every character read is a guard check. */
    /** Threads with a stack deep enough for a regex over the longest input scripts may match (started on demand). */
    private static final class DeepStack {
        private static final long STACK_BYTES = 512L * 1024 * 1024;
        private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(null, runnable, "hookstead-regex-deep-stack", STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });

        static boolean search(Matcher matcher, int start) {
            Future<Boolean> found = THREADS.submit(() -> matcher.find(start));
            try {
                return found.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error error) throw error;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                found.cancel(true);
                Thread.currentThread().interrupt();
                throw new ExecutionTimeout();
            }
        }
    }

    private record GuardedInput(String text, Guard guard) implements CharSequence {
        @Override
        public char charAt(int index) {
            guard.check();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * java.util.regex recurses once per repetition of a group, so {@code /("(?:[^"\\]|\\.)*")/} overflows a worker's
     * stack after a few thousand characters, where joni kept its own stack. Such a search is run again on a thread
     * with a deep stack while the worker waits; the guard still stops it.
     */
    private record GuardedMatcher(String input, Matcher matcher) implements RegExpMatcher {
        @Override
        public boolean search(int start) {
            try {
                return matcher.find(start);
            } catch (StackOverflowError deep) {
                return DeepStack.search(matcher, start);
            }
        }

        @Override
        public String getInput() {
            return input;
        }

        @Override
        public int start() {
            return matcher.start();
        }

        @Override
        public int start(int group) {
            return matcher.start(group);
        }

        @Override
        public int end() {
            return matcher.end();
        }

        @Override
        public int end(int group) {
            return matcher.end(group);
        }

        @Override
        public String group() {
            return matcher.group();
        }

        @Override
        public String group(int group) {
            return matcher.group(group);
        }

        @Override
        public int groupCount() {
            return matcher.groupCount();
        }
    }
}
