package dev.hookstead.script.compile;

import com.google.javascript.jscomp.BasicErrorManager;
import com.google.javascript.jscomp.CheckLevel;
import com.google.javascript.jscomp.JSError;

/** Collects Closure's errors for {@code getErrors()} without logging them; warnings are not our concern. */
final class QuietErrorManager extends BasicErrorManager {

    @Override
    public void println(CheckLevel level, JSError error) {
    }

    @Override
    protected void printSummary() {
    }
}
