package dev.hookstead.pipeline;

import org.bson.BsonValue;

import java.util.List;
import java.util.Map;

/**
 * What a webhook or endpoint function produced.
 *
 * @param responseUsed whether any {@code response} method was called
 * @param statusCode   from {@code setStatusCode}, or 0 when never set
 * @param headers      from {@code setHeader}/{@code addHeader}, in call order
 * @param body         from {@code setBody}, or null when never called
 * @param returnValue  the (awaited) return value as BSON, or null for {@code undefined}
 * @param console      lines written through {@code console.*}, for the invocation log
 */
public record FunctionResult(
        boolean responseUsed,
        int statusCode,
        Map<String, List<String>> headers,
        byte[] body,
        BsonValue returnValue,
        List<String> console) {
}
