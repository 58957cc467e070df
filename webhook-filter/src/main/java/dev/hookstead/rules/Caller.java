package dev.hookstead.rules;

import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.HttpRequestData;

/**
 * Who a MongoDB operation runs as: the execution user of the function call that made it (nested
 * {@code context.functions.execute} calls inherit it), and the request being served.
 *
 * @param request null outside a request
 */
public record Caller(AppUser user, HttpRequestData request) {

    public static final Caller SYSTEM = new Caller(AppUser.SYSTEM, null);

    /** System bypasses every rule and schema (spec mongodb-rules 5). */
    public boolean isSystem() {
        return user == null || user.isSystem();
    }
}
