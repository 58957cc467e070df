package dev.hookstead.operations.log;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One finished invocation as the log page shows it. Secrets are already redacted when a record is made.
 *
 * @param atMillis   when the request arrived, epoch milliseconds
 * @param route      the manifest route's name ({@code service/webhook}, {@code endpoint <route>}) or {@code unmatched}
 * @param errorCode  null on success
 * @param userId     null for System
 * @param args       renders query and headers (credentials redacted) and the body's size as JSON, when shown: the
 *                   request thread only keeps references; null when the function sets disable_arg_logs or the
 *                   request never got that far
 * @param error      the error message answered, or null
 * @param stack      the script's stack with frames mapped to the original source lines, or null
 */
public record InvocationRecord(String id, long atMillis, String route, String method, int status, String errorCode,
                               long durationMs, String userType, String userId, String remoteIp, Supplier<String> args,
                               List<String> console, String error, String stack) {

    public InvocationRecord {
        console = console == null ? List.of() : List.copyOf(console);
    }

    /** What the list shows. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("at", atMillis);
        out.put("route", route);
        out.put("method", method);
        out.put("status", status);
        out.put("error_code", errorCode);
        out.put("durationMs", durationMs);
        out.put("userType", userType);
        out.put("userId", userId);
        return out;
    }

    /** What the detail view shows. */
    public Map<String, Object> detail() {
        Map<String, Object> out = summary();
        out.put("remoteIp", remoteIp);
        out.put("args", args == null ? null : args.get());
        out.put("console", console);
        out.put("error", error);
        out.put("stack", stack);
        return out;
    }
}
