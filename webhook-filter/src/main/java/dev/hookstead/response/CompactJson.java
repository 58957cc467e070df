package dev.hookstead.response;

import dev.hookstead.bson.Ejson;
import org.bson.BsonValue;

/**
 * Canonical Extended JSON without the spaces the bson writer puts after ':' and ',', as the platform answered:
 * {@code {"Processed":{"$numberInt":"900"}}}.
 */
public final class CompactJson {

    private CompactJson() {
    }

    public static String canonicalEjson(BsonValue value) {
        return compact(Ejson.canonical(value));
    }

    /**
     * Drops the one space the bson writer emits after each ':' and ',' outside strings; it writes no other whitespace
     * there (no indent), and inside strings everything is kept.
     */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (inString) {
                if (c == '\\') out.append(json.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if ((c == ':' || c == ',') && i + 1 < json.length() && json.charAt(i + 1) == ' ') {
                i++;
            }
        }
        return out.toString();
    }
}
