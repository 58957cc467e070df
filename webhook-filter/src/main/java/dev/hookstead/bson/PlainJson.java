package dev.hookstead.bson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.bson.BsonBinary;
import org.bson.BsonDbPointer;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The plain JSON an endpoint answers with for {@code return_type: JSON} (spec 3.3, the Data API's data formats). The
 * platform's Go server marshalled the driver's types, hence the capitalised keys:
 * <ul>
 *   <li>Int32, Int64, Double: plain numbers, written as Go writes them ({@code 2}, {@code 3.5}, {@code 1e+21});
 *       NaN and ±Infinity, which Go cannot marshal, become {@code null} as in {@code JSON.stringify};</li>
 *   <li>Decimal128: its string; ObjectId: 24 hex digits;</li>
 *   <li>Date: RFC 3339 in UTC with milliseconds and trailing zeros dropped, Go's {@code time.Time} form
 *       ({@code 2022-01-12T02:33:23.067Z}, {@code 2022-01-12T02:33:23Z});</li>
 *   <li>Binary {@code {"Subtype":n,"Data":"<base64>"}}, Regex {@code {"Pattern","Options"}}, Timestamp
 *       {@code {"T","I"}}, MinKey and MaxKey {@code {}}, DBPointer {@code {"DB","Pointer"}}, code with scope
 *       {@code {"Code","Scope"}};</li>
 *   <li>JavaScript code and Symbol: strings; Undefined: {@code null}.</li>
 * </ul>
 * Documents keep their key order.
 */
public final class PlainJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {
    }

    public static String write(BsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, BsonValue value) throws IOException {
        switch (value.getBsonType()) {
            case DOCUMENT -> {
                json.writeStartObject();
                for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                    json.writeFieldName(e.getKey());
                    write(json, e.getValue());
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (BsonValue element : value.asArray()) write(json, element);
                json.writeEndArray();
            }
            case STRING -> json.writeString(value.asString().getValue());
            case BOOLEAN -> json.writeBoolean(value.asBoolean().getValue());
            case NULL, UNDEFINED -> json.writeNull();
            case INT32 -> json.writeNumber(value.asInt32().getValue());
            case INT64 -> json.writeNumber(value.asInt64().getValue());
            case DOUBLE -> writeDouble(json, value.asDouble().getValue());
            case DECIMAL128 -> json.writeString(value.asDecimal128().getValue().toString());
            case OBJECT_ID -> json.writeString(value.asObjectId().getValue().toHexString());
            case DATE_TIME -> json.writeString(date(value.asDateTime().getValue()));
            case BINARY -> {
                BsonBinary binary = value.asBinary();
                json.writeStartObject();
                json.writeNumberField("Subtype", binary.getType() & 0xFF);
                json.writeStringField("Data", Base64.getEncoder().encodeToString(binary.getData()));
                json.writeEndObject();
            }
            case REGULAR_EXPRESSION -> {
                BsonRegularExpression regex = value.asRegularExpression();
                json.writeStartObject();
                json.writeStringField("Pattern", regex.getPattern());
                json.writeStringField("Options", regex.getOptions());
                json.writeEndObject();
            }
            case TIMESTAMP -> {
                BsonTimestamp ts = value.asTimestamp();
                json.writeStartObject();
                json.writeNumberField("T", Integer.toUnsignedLong(ts.getTime()));
                json.writeNumberField("I", Integer.toUnsignedLong(ts.getInc()));
                json.writeEndObject();
            }
            case MIN_KEY, MAX_KEY -> {
                json.writeStartObject();
                json.writeEndObject();
            }
            case JAVASCRIPT -> json.writeString(value.asJavaScript().getCode());
            case SYMBOL -> json.writeString(value.asSymbol().getSymbol());
            case JAVASCRIPT_WITH_SCOPE -> {
                BsonJavaScriptWithScope code = value.asJavaScriptWithScope();
                json.writeStartObject();
                json.writeStringField("Code", code.getCode());
                json.writeFieldName("Scope");
                write(json, code.getScope());
                json.writeEndObject();
            }
            case DB_POINTER -> {
                BsonDbPointer pointer = value.asDBPointer();
                json.writeStartObject();
                json.writeStringField("DB", pointer.getNamespace());
                json.writeStringField("Pointer", pointer.getId().toHexString());
                json.writeEndObject();
            }
            default -> throw new IllegalArgumentException("no JSON form for BSON type " + value.getBsonType());
        }
    }

    /** Go's encoding/json: shortest digits, no ".0", exponent form below 1e-6 and from 1e21 on. */
    static void writeDouble(JsonGenerator json, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            json.writeNull();
            return;
        }
        json.writeNumber(goFloat(d));
    }

    static String goFloat(double d) {
        double abs = Math.abs(d);
        if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        // Java: 1.5E-7, 1.0E21; Go: 1.5e-07 cleaned to 1.5e-7, 1e+21
        String[] parts = Double.toString(d).split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        String exponent = parts[1].startsWith("-") ? parts[1] : "+" + parts[1];
        return mantissa + "e" + exponent;
    }

    static String date(long millis) {
        LocalDateTime utc = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(utc) + "Z";
    }
}
