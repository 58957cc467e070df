package dev.hookstead.script.call;

import java.util.List;

/**
 * Java code exposed to scripts as a JS function (see {@link CallScope#function}). Arguments arrive as script values
 * (String, Number, Boolean, ScriptObjectMirror, or Undefined); return a String, Number, Boolean, null, or a value made
 * by the {@link CallScope}. A thrown exception reaches the script as a plain {@code Error}: the message of a
 * {@link dev.hookstead.pipeline.HookError} or {@link IllegalArgumentException} as is, anything else as an internal
 * error, never the Java exception itself.
 */
@FunctionalInterface
public interface HostFunction {
    Object apply(List<Object> args) throws Exception;
}
