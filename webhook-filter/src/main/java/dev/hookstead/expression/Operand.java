package dev.hookstead.expression;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Something that produces a value at evaluation time; empty means missing. */
sealed interface Operand {

    Optional<BsonValue> value(Expansions ctx);

    /** A value fixed at parse time. */
    record Literal(BsonValue bson) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            return Optional.of(bson);
        }
    }

    /** {@code %%root.path}: a root from the pipeline walked down a dotted path. */
    record Expansion(String root, List<String> path, String source) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            if (root.equals("true")) return Optional.of(BsonBoolean.TRUE);
            if (root.equals("false")) return Optional.of(BsonBoolean.FALSE);
            Optional<BsonValue> start = ctx.root(root);
            if (start.isEmpty()) return start;
            // request header names arrive canonicalised (X-Secret-Key) but rules spell them freely (x-secret-key)
            int caseInsensitiveAt = root.equals("request") && !path.isEmpty() && path.get(0).equals("requestHeaders") ? 1 : -1;
            return BsonPaths.walk(start.get(), path, caseInsensitiveAt);
        }
    }

    /** An array with expansions or operators inside; a missing element becomes null. */
    record ArrayOf(List<Operand> elements) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            BsonArray array = new BsonArray();
            for (Operand e : elements) array.add(e.value(ctx).orElse(BsonNull.VALUE));
            return Optional.of(array);
        }
    }

    /** A document with expansions or operators inside; a missing field is left out. */
    record DocumentOf(Map<String, Operand> fields) implements Operand {
        public DocumentOf {
            fields = new LinkedHashMap<>(fields);
        }

        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            BsonDocument doc = new BsonDocument();
            fields.forEach((k, v) -> v.value(ctx).ifPresent(x -> doc.append(k, x)));
            return Optional.of(doc);
        }
    }

    /** An expression used as a value: {@code {"%%true": {"%%user.type": "server"}}}. */
    record Nested(Condition condition) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            return Optional.of(BsonBoolean.valueOf(condition.test(ctx)));
        }
    }

    /** {@code %function}: the app function's return value; a missing argument is passed as null. */
    record FunctionCall(String name, List<Operand> arguments, String where) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            List<BsonValue> args = new ArrayList<>(arguments.size());
            for (Operand a : arguments) args.add(a.value(ctx).orElse(BsonNull.VALUE));
            BsonValue result;
            try {
                result = ctx.callFunction(name, args);
            } catch (ExpressionException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExpressionException(where + ": %function \"" + name + "\" failed: " + e.getMessage(), e);
            }
            return Optional.ofNullable(result);
        }
    }

    /** {@code %stringToOid} and friends; missing stays missing, a wrong type or bad text fails the evaluation. */
    record Conversion(Converter converter, Operand input, String where, String inputSource) implements Operand {
        @Override
        public Optional<BsonValue> value(Expansions ctx) {
            Optional<BsonValue> in = input.value(ctx);
            if (in.isEmpty()) return in;
            try {
                return Optional.of(converter.convert(in.get()));
            } catch (IllegalArgumentException e) {
                // names the input's source, not its value: an expansion may hold a secret
                throw new ExpressionException(where + ": %" + converter.operator + " cannot convert " + inputSource
                        + ": " + e.getMessage());
            }
        }
    }

    enum Converter {
        STRING_TO_OID("stringToOid") {
            @Override
            BsonValue convert(BsonValue v) {
                if (v.isObjectId()) return v;
                String s = string(v, "a string");
                if (!ObjectId.isValid(s)) throw new IllegalArgumentException("not a 24-digit hexadecimal ObjectId");
                return new BsonObjectId(new ObjectId(s));
            }
        },
        OID_TO_STRING("oidToString") {
            @Override
            BsonValue convert(BsonValue v) {
                if (v.isObjectId()) return new BsonString(v.asObjectId().getValue().toHexString());
                if (v.isString()) return v;
                throw new IllegalArgumentException("expected an ObjectId, got " + typeName(v));
            }
        },
        STRING_TO_UUID("stringToUuid") {
            @Override
            BsonValue convert(BsonValue v) {
                if (isUuid(v)) return v;
                String s = string(v, "a string");
                if (!UUID_TEXT.matcher(s).matches()) {
                    throw new IllegalArgumentException("not a UUID like 123e4567-e89b-12d3-a456-426614174000");
                }
                return new BsonBinary(UUID.fromString(s), UuidRepresentation.STANDARD);
            }
        },
        UUID_TO_STRING("uuidToString") {
            @Override
            BsonValue convert(BsonValue v) {
                if (isUuid(v)) return new BsonString(v.asBinary().asUuid().toString());
                if (v.isString()) return v;
                throw new IllegalArgumentException("expected a UUID (binary subtype 4), got " + typeName(v));
            }
        };

        private static final Pattern UUID_TEXT =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        final String operator;

        Converter(String operator) {
            this.operator = operator;
        }

        abstract BsonValue convert(BsonValue v);

        private static boolean isUuid(BsonValue v) {
            return v.isBinary() && v.asBinary().getType() == BsonBinarySubType.UUID_STANDARD.getValue()
                    && v.asBinary().getData().length == 16;
        }

        private static String string(BsonValue v, String expected) {
            if (!v.isString()) throw new IllegalArgumentException("expected " + expected + ", got " + typeName(v));
            return v.asString().getValue();
        }

        static String typeName(BsonValue v) {
            return v.getBsonType().name().toLowerCase();
        }
    }
}
