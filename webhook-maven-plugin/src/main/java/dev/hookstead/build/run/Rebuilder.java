package dev.hookstead.build.run;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.problems.Problem;

import java.util.function.Supplier;

/**
 * What {@code webhook:run} does when the export changes: compile again (unchanged functions come from the cache) and
 * reload the webapp. An export with errors keeps the last good build serving.
 */
public final class Rebuilder implements Runnable {

    /** Where messages go: info and error lines. */
    public interface Log {
        void info(String line);

        void error(String line);
    }

    private final Supplier<AppCompiler.Result> compile;
    private final DevServer server;
    private final Log log;

    public Rebuilder(Supplier<AppCompiler.Result> compile, DevServer server, Log log) {
        this.compile = compile;
        this.server = server;
        this.log = log;
    }

    @Override
    public void run() {
        AppCompiler.Result result;
        try {
            result = compile.get();
        } catch (RuntimeException e) {
            log.error("Rebuild failed: " + e.getMessage() + "; still serving the last good build.");
            return;
        }
        result.problems().warnings().forEach(p -> log.info("warning: " + p.format()));
        if (result.problems().hasErrors()) {
            result.problems().errors().stream().map(Problem::format).forEach(log::error);
            log.error("The export has errors; still serving the last good build.");
            return;
        }
        server.reload();
        log.info("Reloaded: " + result.transpiled() + " functions transpiled again, " + result.reused() + " unchanged.");
    }
}
