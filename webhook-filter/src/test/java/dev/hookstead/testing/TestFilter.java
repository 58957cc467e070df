package dev.hookstead.testing;

import dev.hookstead.config.Settings;
import dev.hookstead.filter.HooksteadFilter;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.services.mongodb.MongoServices;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import java.util.function.UnaryOperator;

/**
 * HooksteadFilter with a test environment, and either a test runner or (when it is null) the real script runtime;
 * remembers why init failed.
 */
public class TestFilter extends HooksteadFilter {

    private final FunctionRunner runner;
    public volatile ServletException initFailure;

    public TestFilter(UnaryOperator<String> environment, FunctionRunner runner) {
        super(environment);
        this.runner = runner;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        try {
            super.init(config);
        } catch (ServletException e) {
            initFailure = e;
            throw e;
        }
    }

    @Override
    protected FunctionRunner createRunner(Manifest manifest, ServletContext context, Settings settings,
                                          MongoServices mongo) throws ServletException {
        return runner != null ? runner : super.createRunner(manifest, context, settings, mongo);
    }
}
