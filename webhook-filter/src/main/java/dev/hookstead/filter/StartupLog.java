package dev.hookstead.filter;

import jakarta.servlet.ServletContext;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Start-up lines the operator must see even when the WAR has no SLF4J provider: SLF4J then falls back to NOP and
 * drops every line, so these also go to {@link ServletContext#log}, which every container records.
 */
final class StartupLog {

    static final String NO_PROVIDER = "Hookstead: SLF4J has no logging provider in this webapp, so Hookstead's log"
            + " (one line per invocation, warnings, errors with the invocation id of each error body's link) is"
            + " dropped. Fix: add a provider to the WAR, e.g. the dependency org.slf4j:slf4j-simple (logs to the"
            + " container's console) or ch.qos.logback:logback-classic";

    private final ServletContext context;
    private final boolean dropped;

    /** @param slf4jDropsLogs whether SLF4J found no provider and logs nothing */
    StartupLog(ServletContext context, boolean slf4jDropsLogs) {
        this.context = context;
        this.dropped = slf4jDropsLogs;
        if (dropped) context.log(NO_PROVIDER);
    }

    /** Says once, through the container's log, when SLF4J has no provider. */
    static StartupLog of(ServletContext context) {
        return new StartupLog(context, LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory);
    }

    /** A line already given to SLF4J, repeated through the container's log when SLF4J drops it; null is skipped. */
    void alsoWhenDropped(String line) {
        if (dropped && line != null) context.log(line.startsWith("Hookstead") ? line : "Hookstead: " + line);
    }
}
