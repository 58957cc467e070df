package dev.hookstead.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.bson.Ejson;
import org.bson.BsonValue;

/**
 * Canonical Extended JSON without the spaces the bson writer puts after ':' and ',', as the platform answered:
 * {@code {"Processed":{"$numberInt":"900"}}}. Canonical EJSON wraps every number in a string, so re-serialising the
 * tree cannot change a value.
 */
public final class CompactJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CompactJson() {
    }

    public static String canonicalEjson(BsonValue value) {
        try {
            return MAPPER.writeValueAsString(MAPPER.readTree(Ejson.canonical(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bson wrote Extended JSON that Jackson cannot read", e);
        }
    }
}
