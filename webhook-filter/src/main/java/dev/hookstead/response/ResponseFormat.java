package dev.hookstead.response;

import dev.hookstead.bson.CompactJson;
import dev.hookstead.bson.PlainJson;
import org.bson.BsonValue;

import java.util.Locale;

/**
 * How an endpoint encodes its function's return value (spec 3.3): compact canonical EJSON, or {@link PlainJson}.
 * The request's {@code Accept} header picks one when it names {@code application/json} or
 * {@code application/ejson}; otherwise the endpoint's {@code return_type} applies, and EJSON when it has none
 * (endpoints answered EJSON before the option existed).
 */
public enum ResponseFormat {
    JSON("application/json"),
    EJSON("application/ejson");

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String encode(BsonValue value) {
        if (value == null) return "null";
        return this == JSON ? PlainJson.write(value) : CompactJson.canonicalEjson(value);
    }

    /**
     * @param accept     the request's Accept header, or null
     * @param returnType the endpoint's {@code return_type} ("JSON", "EJSON"), or null
     */
    public static ResponseFormat negotiate(String accept, String returnType) {
        ResponseFormat asked = fromAccept(accept);
        if (asked != null) return asked;
        return "JSON".equalsIgnoreCase(returnType) ? JSON : EJSON;
    }

    /**
     * The known media type with the highest quality in the list ({@code application/json, text/plain, *}{@code /*}
     * as axios sends it picks JSON); the first one wins a tie. Wildcards and other types do not count.
     */
    static ResponseFormat fromAccept(String accept) {
        if (accept == null) return null;
        ResponseFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            ResponseFormat format = byMediaType(parts[0].trim().toLowerCase(Locale.ROOT));
            if (format == null) continue;
            double quality = quality(parts);
            if (quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static ResponseFormat byMediaType(String mediaType) {
        for (ResponseFormat f : values()) {
            if (f.mediaType.equals(mediaType)) return f;
        }
        return null;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // a malformed quality does not select anything
                }
            }
        }
        return 1;
    }
}
