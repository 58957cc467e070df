package dev.hookstead.bson;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

import java.io.StringWriter;

/** Extended JSON text for any BSON value, top-level scalars included (the bson library only writes documents). */
public final class Ejson {

    private static final BsonValueCodec CODEC = new BsonValueCodec();
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final String KEY = "v";

    private Ejson() {
    }

    /** Canonical Extended JSON v2, e.g. {@code {"$numberInt": "900"}}. */
    public static String canonical(BsonValue value) {
        return write(value, CANONICAL);
    }

    /** Relaxed Extended JSON v2, e.g. {@code 900}. */
    public static String relaxed(BsonValue value) {
        return write(value, RELAXED);
    }

    /** Parses canonical or relaxed Extended JSON of any value. */
    public static BsonValue parse(String json) {
        BsonDocument holder = BsonDocument.parse("{\"" + KEY + "\": " + json + "\n}");
        if (holder.size() != 1) {
            throw new IllegalArgumentException("Extended JSON holds more than one value: " + abbreviate(json));
        }
        return holder.get(KEY);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static String write(BsonValue value, JsonWriterSettings settings) {
        StringWriter out = new StringWriter();
        JsonWriter writer = new JsonWriter(out, settings);
        writer.writeStartDocument();
        writer.writeName(KEY);
        CODEC.encode(writer, value, EncoderContext.builder().build());
        writer.writeEndDocument();
        String text = out.toString();
        // {"v": <value>} -> <value>
        return text.substring(text.indexOf(':') + 2, text.length() - 1);
    }
}
