package dev.hookstead.bson;

import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.Map;

/**
 * Canonical Extended JSON without the spaces the bson writer puts after ':' and ',', as the platform answered:
 * {@code {"Processed":{"$numberInt":"900"}}}.
 * <p>
 * Documents, arrays, printable-ASCII strings, booleans, null, Int32, Int64, ObjectId and Date are written here in
 * one pass; every other value (and any string with other characters) is written by the bson library and compacted,
 * so the output is the library's byte for byte. The bson codec and its writer cost a trivial webhook about a tenth of
 * the filter's time.
 */
public final class CompactJson {

    private CompactJson() {
    }

    public static String canonicalEjson(BsonValue value) {
        StringBuilder out = new StringBuilder(64);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, BsonValue value) {
        switch (value.getBsonType()) {
            case DOCUMENT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (BsonValue element : value.asArray()) {
                    if (!first) out.append(',');
                    first = false;
                    write(out, element);
                }
                out.append(']');
            }
            case STRING -> string(out, value.asString().getValue());
            case BOOLEAN -> out.append(value.asBoolean().getValue());
            case NULL -> out.append("null");
            case INT32 -> out.append("{\"$numberInt\":\"").append(value.asInt32().getValue()).append("\"}");
            case INT64 -> out.append("{\"$numberLong\":\"").append(value.asInt64().getValue()).append("\"}");
            case OBJECT_ID -> out.append("{\"$oid\":\"").append(value.asObjectId().getValue().toHexString())
                    .append("\"}");
            case DATE_TIME -> out.append("{\"$date\":{\"$numberLong\":\"").append(value.asDateTime().getValue())
                    .append("\"}}");
            default -> out.append(compact(Ejson.canonical(value)));
        }
    }

    /** Printable ASCII is what the bson writer never escapes, apart from '"' and '\'. */
    private static void string(StringBuilder out, String s) {
        int start = out.length();
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                out.setLength(start);
                out.append(Ejson.canonical(new BsonString(s)));
                return;
            }
            if (c == '"' || c == '\\') out.append('\\');
            out.append(c);
        }
        out.append('"');
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
