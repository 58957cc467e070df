package dev.hookstead.script.compile;

import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;

import java.util.List;

/**
 * The ES5 runtime every compiled module needs, evaluated once per global before any module: Closure's {@code $jscomp}
 * helpers that transpiled classes, spread, destructuring, generators and async functions call, plus the polyfills
 * for ES2015+ library features Nashorn lacks (Promise with allSettled/any/finally, Symbol, Map/Set, Reflect,
 * Object.entries/values/fromEntries, Array.prototype.includes/flat/flatMap/find, String.prototype.padStart/padEnd,
 * ...). {@link ScriptCompiler} output references these without carrying them, so one copy serves every function.
 *
 * <p>Contract for the host: the Promise polyfill reads {@code setTimeout} once, when it is installed, and schedules
 * every reaction through it. Define a queue-backed {@code setTimeout} on the global before evaluating the prelude,
 * then drain that queue after each call until the returned promise settles.
 */
public final class Prelude {

    /** Closure's umbrella library: the runtime helpers and all ES2015+ polyfills it knows. */
    static final String LIBRARY = "es6_runtime";

    /**
     * Closure's wrapper for {@code for await} over a sync iterable hands out the promises themselves; the language
     * awaits each value ({@code for await (const r of [p1, p2])} yields the results). Replaces it after injection.
     */
    static final String ASYNC_FROM_SYNC_FIX = """
            $jscomp.AsyncIteratorFromSyncWrapper = function(iterator) {
              function step(method, param) {
                try {
                  var result = iterator[method](param);
                  return Promise.resolve(result.value).then(function(value) {
                    return {value: value, done: result.done};
                  });
                } catch (e) {
                  return Promise.reject(e);
                }
              }
              this[Symbol.asyncIterator] = function() { return this; };
              this[Symbol.iterator] = function() { return iterator; };
              this.next = function(param) { return step("next", param); };
              if (iterator["throw"] !== undefined) this["throw"] = function(param) { return step("throw", param); };
              if (iterator["return"] !== undefined) this["return"] = function(param) { return step("return", param); };
            };
            """;

    /**
     * Guards run first in every function, also in the state-machine function Closure makes of an async function or
     * generator. When that function is resumed at a catch or finally block and the guard throws before the block's
     * bookkeeping ran, Closure's engine routes the error back to the same block, forever. Such an error is the
     * block itself failing on entry, which only a guard does: end the generator with it instead.
     */
    static final String GUARDED_RESUME_FIX = """
            $jscomp.generator.Engine_.prototype.nextStep_ = function() {
              var context = this.context_;
              while (context.nextAddress) {
                var entryAddress = context.nextAddress;
                try {
                  var yieldValue = this.program_(context);
                  if (yieldValue) {
                    context.stop_();
                    return {value: yieldValue.value, done: false};
                  }
                } catch (e) {
                  context.yieldResult = undefined;
                  context.throw_(e);
                  if (context.nextAddress === entryAddress) context.nextAddress = 0;
                }
              }
              context.stop_();
              if (context.abruptCompletion_) {
                var abruptCompletion = context.abruptCompletion_;
                context.abruptCompletion_ = null;
                if (abruptCompletion.isException) throw abruptCompletion.exception;
                return {value: abruptCompletion["return"], done: true};
              }
              return {value: undefined, done: true};
            };
            """;

    private Prelude() {
    }

    /** The prelude text; the same bytes on every call and every build. */
    public static String build() {
        return Holder.TEXT;
    }

    private static final class Holder {
        static final String TEXT = compile();
    }

    private static String compile() {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.WHITESPACE_ONLY.setOptionsForCompilationLevel(options);
        options.setLanguageIn(LanguageMode.ECMASCRIPT_NEXT);
        options.setLanguageOut(LanguageMode.ECMASCRIPT5);
        options.setEmitUseStrict(false);
        options.setForceLibraryInjection(List.of(LIBRARY));
        options.setLineBreak(true); // one statement per line: readable stack traces, little extra size
        com.google.javascript.jscomp.Compiler compiler = new com.google.javascript.jscomp.Compiler();
        compiler.setErrorManager(new QuietErrorManager());
        compiler.disableThreads();
        Result result = compiler.compile(List.of(SourceFile.fromCode("externs.js", "")),
                List.of(SourceFile.fromCode("hookstead-prelude.js", "")), options);
        if (!result.success) {
            throw new IllegalStateException("Closure could not build the script prelude: " + result.errors);
        }
        return compiler.toSource() + ASYNC_FROM_SYNC_FIX + GUARDED_RESUME_FIX;
    }
}
