package dev.hookstead.script.sandbox;

import org.openjdk.nashorn.internal.runtime.ScriptObject;

/**
 * Whether a locked-down global still has only the properties it was built with, in constant time. Its built
 * properties cannot be deleted (lockdown made them non-configurable), so a count above the baseline means a call
 * created implicit globals and the sweep must run; listing every name of the global after each call costs more
 * than a trivial function does.
 */
public final class GlobalShape {
    private final ScriptObject global;
    private final int properties;
    private final long indexed;

    public GlobalShape(ScriptObject global) {
        this.global = global;
        properties = global.getMap().size();
        indexed = global.getArray().length();
    }

    public boolean grew() {
        return global.getMap().size() != properties || global.getArray().length() != indexed;
    }
}
