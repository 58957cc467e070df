package dev.hookstead.services;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;
import org.openjdk.nashorn.api.scripting.ScriptUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The script behind {@code context.services}: evaluating {@link #source()} in a global gives
 * {@code function(bridge, BSON, EJSON, Promise) -> services}, where bridge is a
 * {@link dev.hookstead.services.mongodb.MongoBridge}.
 */
public final class ServicesScript {

    public static final String RESOURCE = "dev/hookstead/services/services.js";
    private static final java.util.Set<Object> SERVICE_CODES = java.util.Set.of(ErrorCode.MongoDBError.name(),
            ErrorCode.ServiceUnavailable.name(), ErrorCode.NoMatchingRuleFound.name(),
            ErrorCode.SchemaValidationFailedWrite.name(), ErrorCode.InvalidParameter.name());

    private ServicesScript() {
    }

    public static String source() {
        try (InputStream in = ServicesScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The response for a value a function threw or rejected with, when it is a service error: a JS Error whose
     * {@code error_code} is {@code MongoDBError}, {@code ServiceUnavailable}, or a rules denial
     * ({@code NoMatchingRuleFound}, {@code SchemaValidationFailedWrite}, {@code InvalidParameter}). Otherwise
     * {@code null}.
     *
     * @param thrown a JS value (as Nashorn hands it to Java) or the {@link NashornException} carrying one
     */
    public static HookError serviceError(Object thrown) {
        Object value = thrown instanceof NashornException e ? ScriptUtils.wrap(e.getEcmaError()) : thrown;
        if (!(value instanceof ScriptObjectMirror error)) {
            return null;
        }
        Object code = error.getMember("error_code");
        if (!SERVICE_CODES.contains(code)) {
            return null;
        }
        ErrorCode errorCode = ErrorCode.valueOf((String) code);
        return new HookError(errorCode, String.valueOf(error.getMember("message")));
    }
}
