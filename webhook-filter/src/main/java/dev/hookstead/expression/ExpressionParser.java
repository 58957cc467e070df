package dev.hookstead.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstead.bson.Ejson;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a {@code can_evaluate} expression (spec section 4): {@code true}, {@code false}, {@code {}}, null/absent, or
 * an object of expansion keys, plain paths (meaning {@code %%args.<path>}) and %and/%or/%nor. Every operator is
 * accepted with either prefix, {@code %} or {@code $}.
 */
public final class ExpressionParser {

    private enum Op {
        EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IN("in"), NIN("nin"), EXISTS("exists"),
        AND("and"), OR("or"), NOR("nor"), NOT("not"), REGEX("regex"), OPTIONS("options"),
        FUNCTION("function"), STRING_TO_OID("stringToOid"), OID_TO_STRING("oidToString"),
        STRING_TO_UUID("stringToUuid"), UUID_TO_STRING("uuidToString");

        final String name;

        Op(String name) {
            this.name = name;
        }

        /** %function and the conversions stand for a value rather than test one. */
        boolean producesValue() {
            return ordinal() >= FUNCTION.ordinal();
        }

        static Op named(String name) {
            for (Op op : values()) if (op.name.equals(name)) return op;
            return null;
        }
    }

    private static final String KNOWN_OPERATORS = String.join(", ",
            Arrays.stream(Op.values()).map(op -> op.name).toList()) + " (each written with % or $)";

    /** MongoDB query operators outside the rule language; named so the message can say so. */
    private static final Set<String> MONGO_ONLY_OPERATORS = Set.of("all", "size", "elemMatch", "type", "mod", "text",
            "where", "expr", "jsonSchema", "geoWithin", "geoIntersects", "near", "nearSphere", "bitsAllSet",
            "bitsAnySet", "bitsAllClear", "bitsAnyClear", "comment");

    private static final Set<String> ROOTS = Set.of("request", "user", "values", "environment", "args", "true",
            "false", "root", "prevRoot", "this", "prev", "partition");

    private static final String KNOWN_EXPANSIONS = "%%request, %%user, %%values, %%environment, %%args, %%true, %%false"
            + " (%%root, %%prevRoot, %%this, %%prev and %%partition parse but are always missing for webhooks and endpoints)";

    private static final Set<String> EJSON_WRAPPERS = Set.of("$oid", "$numberInt", "$numberLong", "$numberDouble",
            "$numberDecimal", "$date", "$binary", "$uuid", "$regularExpression", "$timestamp", "$minKey", "$maxKey",
            "$symbol", "$code", "$undefined", "$dbPointer");

    private static final Condition TRUE = new Condition.Constant(true);
    private static final Condition FALSE = new Condition.Constant(false);
    private static final Operand NULL = new Operand.Literal(BsonNull.VALUE);

    /** How an object in a value position reads. */
    private enum Kind { LITERAL, EJSON, VALUE_OPERATOR, NESTED_EXPRESSION, OPERATORS }

    private final List<String> problems = new ArrayList<>();
    private final Set<String> functionNames = new TreeSet<>();
    private final Set<String> valueNames = new TreeSet<>();
    /** The root a plain key reads: args in can_evaluate, root (the document) in MongoDB rules. */
    private final String plainRoot;

    private ExpressionParser(String plainRoot) {
        this.plainRoot = plainRoot;
    }

    /**
     * Parses an expression once, for evaluation per request.
     *
     * @param node the expression as exported; null, a JSON null or a missing node mean "always allowed"
     * @throws ExpressionException listing every problem, each with its JSON path inside the expression
     */
    public static Expression parse(JsonNode node) {
        return parse(node, "args");
    }

    /**
     * Parses a MongoDB rule expression (apply_when, read, write, ...), where a plain key means {@code %%root.<key>}
     * (spec mongodb-rules 2.2).
     */
    public static Expression parseRule(JsonNode node) {
        return parse(node, "root");
    }

    private static Expression parse(JsonNode node, String plainRoot) {
        if (node == null || node.isNull() || node.isMissingNode()) return Expression.ALWAYS;
        ExpressionParser parser = new ExpressionParser(plainRoot);
        Condition condition = parser.expression(node, JsonLocation.ROOT);
        if (!parser.problems.isEmpty()) throw new ExpressionException(parser.problems);
        return new Expression(condition, parser.functionNames, parser.valueNames, node.toString());
    }

    /** Every problem in the expression (empty when it parses), for build-time validation. */
    public static List<String> problems(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return List.of();
        ExpressionParser parser = new ExpressionParser("args");
        parser.expression(node, JsonLocation.ROOT);
        return List.copyOf(parser.problems);
    }

    // ---- top level: keys are expansions, plain paths or %and/%or/%nor

    private Condition expression(JsonNode node, JsonLocation at) {
        if (node.isBoolean()) return new Condition.Constant(node.booleanValue());
        if (!node.isObject()) {
            problem(at, "expected true, false or an object of conditions", node,
                    "write for example {\"%%user.type\": \"server\"}");
            return FALSE;
        }
        List<Condition> all = new ArrayList<>();
        node.fields().forEachRemaining(e -> all.add(keyCondition(e.getKey(), e.getValue(), at.key(e.getKey()))));
        if (all.isEmpty()) return TRUE;
        return all.size() == 1 ? all.get(0) : new Condition.All(all);
    }

    private Condition elementExpression(JsonNode node, JsonLocation at) {
        if (node.isNull()) {
            problem(at, "expected true, false or an object of conditions", node, null);
            return FALSE;
        }
        return expression(node, at);
    }

    private Condition keyCondition(String key, JsonNode value, JsonLocation at) {
        if (key.startsWith("%%")) return new Condition.Field(expansion(key, at), matcher(value, at));
        if (isOperatorKey(key)) {
            Op op = operator(key, at);
            if (op == null) return FALSE;
            switch (op) {
                case AND:
                    return new Condition.All(elements(value, at, this::elementExpression));
                case OR:
                    return new Condition.Any(elements(value, at, this::elementExpression), false);
                case NOR:
                    return new Condition.Any(elements(value, at, this::elementExpression), true);
                default:
                    problem(at, "operator " + key + " needs a field to apply to", null,
                            op == Op.FUNCTION
                                    ? "write {\"%%true\": {\"" + key + "\": ...}} to require that the function returns true"
                                    : "write {\"<field or %%expansion>\": {\"" + key + "\": ...}}");
                    return FALSE;
            }
        }
        // a plain path reads the arguments (spec 4.1), or the document in a MongoDB rule
        return new Condition.Field(path(plainRoot, key, "%%" + plainRoot + "." + key, at), matcher(value, at));
    }

    // ---- value positions: a field's value is a matcher; operator operands are values

    private Matcher matcher(JsonNode value, JsonLocation at) {
        if (value.isObject() && kind(value) == Kind.OPERATORS) return operators(value, at);
        return new Matcher.Equals(operand(value, at));
    }

    private Matcher operators(JsonNode object, JsonLocation at) {
        List<Matcher> all = new ArrayList<>();
        String regex = null, options = null;
        JsonLocation regexAt = null, optionsAt = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode arg = e.getValue();
            JsonLocation here = at.key(key);
            if (!isOperatorKey(key)) {
                problem(here, "field name \"" + key + "\" mixed with operators", null,
                        "an object either tests with operators ($gt, $in, ...) or is a value to compare; split it with %and");
                continue;
            }
            Op op = operator(key, here);
            if (op == null) continue;
            switch (op) {
                case EQ -> all.add(new Matcher.Equals(operand(arg, here)));
                case NE -> all.add(new Matcher.Not(new Matcher.Equals(operand(arg, here))));
                case GT -> all.add(compare(c -> c > 0, arg, here));
                case GTE -> all.add(compare(c -> c >= 0, arg, here));
                case LT -> all.add(compare(c -> c < 0, arg, here));
                case LTE -> all.add(compare(c -> c <= 0, arg, here));
                case IN, NIN -> all.add(new Matcher.In(list(arg, here), op == Op.NIN, here.describe(), listSource(arg)));
                case EXISTS -> all.add(new Matcher.Exists(exists(arg, here)));
                case AND -> all.add(new Matcher.AllOf(elements(arg, here, this::matcher)));
                case OR -> all.add(new Matcher.AnyOf(elements(arg, here, this::matcher), false));
                case NOR -> all.add(new Matcher.AnyOf(elements(arg, here, this::matcher), true));
                case NOT -> all.add(new Matcher.Not(matcher(arg, here)));
                case REGEX -> {
                    regex = text(arg, here, "expected the pattern as a string");
                    regexAt = here;
                }
                case OPTIONS -> {
                    options = text(arg, here, "expected regular expression options such as \"i\"");
                    optionsAt = here;
                }
                default -> {
                    // %function and conversions: kind() routes objects holding them to valueOperator()
                }
            }
        }
        if (regexAt != null && regex != null) {
            Pattern pattern = pattern(regex, options, regexAt, optionsAt);
            if (pattern != null) all.add(new Matcher.Regex(pattern));
        } else if (optionsAt != null) {
            problem(optionsAt, "$options without $regex", null, "add \"$regex\": \"<pattern>\" beside it");
        }
        return all.size() == 1 ? all.get(0) : new Matcher.AllOf(all);
    }

    private Matcher compare(IntPredicate accept, JsonNode arg, JsonLocation at) {
        return new Matcher.Compare(accept, operand(arg, at));
    }

    private Operand list(JsonNode arg, JsonLocation at) {
        boolean expansion = arg.isTextual() && arg.textValue().startsWith("%%");
        boolean valueOperator = arg.isObject() && kind(arg) == Kind.VALUE_OPERATOR;
        if (arg.isArray() || expansion || valueOperator) return operand(arg, at);
        problem(at, "expected an array or an expansion", arg, "write a list such as [\"a\", \"b\"] or \"%%values.<name>\"");
        return NULL;
    }

    private static String listSource(JsonNode arg) {
        if (arg.isTextual()) return arg.textValue();
        if (arg.isObject()) return "the result of " + arg.fieldNames().next();
        return "the list";
    }

    private boolean exists(JsonNode arg, JsonLocation at) {
        if (arg.isBoolean()) return arg.booleanValue();
        if (arg.isNumber()) return arg.doubleValue() != 0;
        if (arg.isTextual() && (arg.textValue().equals("%%true") || arg.textValue().equals("%%false"))) {
            return arg.textValue().equals("%%true");
        }
        problem(at, "expected true or false", arg, null);
        return false;
    }

    private Pattern pattern(String regex, String options, JsonLocation regexAt, JsonLocation optionsAt) {
        int flags = 0;
        for (char c : (options == null ? "" : options).toCharArray()) {
            switch (c) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> flags |= Pattern.COMMENTS;
                default -> {
                    problem(optionsAt, "unknown regular expression option '" + c + "'", null, "use i, m, s or x");
                    return null;
                }
            }
        }
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            problem(regexAt, "invalid regular expression: " + e.getDescription(), new TextNode(regex), null);
            return null;
        }
    }

    private <T> List<T> elements(JsonNode arg, JsonLocation at, BiFunction<JsonNode, JsonLocation, T> element) {
        if (!arg.isArray() || arg.isEmpty()) {
            problem(at, "expected a non-empty array of conditions", arg, "write [{...}, {...}]");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < arg.size(); i++) out.add(element.apply(arg.get(i), at.index(i)));
        return out;
    }

    private Operand operand(JsonNode value, JsonLocation at) {
        if (value.isTextual() && value.textValue().startsWith("%%")) return expansion(value.textValue(), at);
        if (value.isArray()) {
            List<Operand> elements = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) elements.add(operand(value.get(i), at.index(i)));
            Operand array = new Operand.ArrayOf(elements);
            return elements.stream().allMatch(e -> e instanceof Operand.Literal) ? fold(array) : array;
        }
        if (value.isObject()) {
            switch (kind(value)) {
                case EJSON:
                    return new Operand.Literal(ejson(value, at));
                case VALUE_OPERATOR:
                    return valueOperator(value, at);
                case NESTED_EXPRESSION:
                    return new Operand.Nested(expression(value, at));
                case OPERATORS:
                    problem(at, "operator " + value.fieldNames().next() + " cannot stand here", null,
                            "only a value, an expansion, %function or a conversion can");
                    return NULL;
                default:
                    Map<String, Operand> fields = new LinkedHashMap<>();
                    value.fields().forEachRemaining(e -> fields.put(e.getKey(), operand(e.getValue(), at.key(e.getKey()))));
                    Operand doc = new Operand.DocumentOf(fields);
                    return fields.values().stream().allMatch(f -> f instanceof Operand.Literal) ? fold(doc) : doc;
            }
        }
        return new Operand.Literal(scalar(value, at));
    }

    private Operand valueOperator(JsonNode object, JsonLocation at) {
        String key = object.fieldNames().next();
        if (object.size() != 1) {
            problem(at, key + " must be the only key in its object", object, "combine tests with %and");
            return NULL;
        }
        Op op = Op.named(key.substring(1));
        JsonLocation here = at.key(key);
        JsonNode arg = object.get(key);
        return switch (op) {
            case STRING_TO_OID -> conversion(Operand.Converter.STRING_TO_OID, arg, here);
            case OID_TO_STRING -> conversion(Operand.Converter.OID_TO_STRING, arg, here);
            case STRING_TO_UUID -> conversion(Operand.Converter.STRING_TO_UUID, arg, here);
            case UUID_TO_STRING -> conversion(Operand.Converter.UUID_TO_STRING, arg, here);
            default -> function(arg, here);
        };
    }

    private Operand function(JsonNode arg, JsonLocation at) {
        if (!arg.isObject()) {
            problem(at, "expected {\"name\": \"<function>\", \"arguments\": [...]}", arg, null);
            return NULL;
        }
        arg.fieldNames().forEachRemaining(k -> {
            if (!k.equals("name") && !k.equals("arguments")) {
                problem(at.key(k), "unknown key \"" + k + "\"", null, "%function takes only name and arguments");
            }
        });
        JsonNode name = arg.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            problem(at.key("name"), "expected the function's name as a string", name, null);
            return NULL;
        }
        JsonNode arguments = arg.get("arguments");
        List<Operand> operands = new ArrayList<>();
        if (arguments != null && !arguments.isArray()) {
            problem(at.key("arguments"), "expected an array of arguments", arguments, "write \"arguments\": [\"%%user.id\"]");
        } else if (arguments != null) {
            for (int i = 0; i < arguments.size(); i++) {
                operands.add(operand(arguments.get(i), at.key("arguments").index(i)));
            }
        }
        functionNames.add(name.textValue());
        return new Operand.FunctionCall(name.textValue(), operands, at.describe());
    }

    private Operand conversion(Operand.Converter converter, JsonNode arg, JsonLocation at) {
        if (arg.isTextual() && arg.textValue().startsWith("%%")) {
            Operand.Expansion input = expansion(arg.textValue(), at);
            return new Operand.Conversion(converter, input, at.describe(), input.source());
        }
        boolean ejson = arg.isObject() && kind(arg) == Kind.EJSON;
        if (arg.isContainerNode() && !ejson) {
            problem(at, "%" + converter.operator + " takes only a literal or an expansion, not an operator, object or array",
                    arg, "write a string such as \"%%user.id\"");
            return NULL;
        }
        BsonValue literal = ejson ? ejson(arg, at) : scalar(arg, at);
        try {
            return new Operand.Literal(converter.convert(literal));
        } catch (IllegalArgumentException e) {
            problem(at, "cannot convert: " + e.getMessage(), arg, null);
            return NULL;
        }
    }

    // ---- expansions and literals

    private Operand.Expansion expansion(String text, JsonLocation at) {
        String body = text.substring(2);
        int dot = body.indexOf('.');
        String root = dot < 0 ? body : body.substring(0, dot);
        if (!ROOTS.contains(root)) {
            problem(at, "unknown expansion \"%%" + root + "\"", null, "use one of " + KNOWN_EXPANSIONS);
            return new Operand.Expansion(root, List.of(), text);
        }
        if ((root.equals("true") || root.equals("false")) && dot >= 0) {
            problem(at, "%%" + root + " has no fields", new TextNode(text), "write \"%%" + root + "\" alone");
        }
        if (dot < 0) return new Operand.Expansion(root, List.of(), text);
        return path(root, body.substring(dot + 1), text, at);
    }

    private Operand.Expansion path(String root, String dotted, String source, JsonLocation at) {
        List<String> segments = List.of(dotted.split("\\.", -1));
        if (segments.stream().anyMatch(String::isEmpty)) {
            problem(at, "empty path segment in \"" + source + "\"", null, "separate field names with single dots");
        } else if (root.equals("values")) {
            valueNames.add(segments.get(0));
        }
        return new Operand.Expansion(root, segments, source);
    }

    private BsonValue scalar(JsonNode n, JsonLocation at) {
        try {
            if (n.isTextual()) return new BsonString(n.textValue());
            if (n.isBoolean()) return BsonBoolean.valueOf(n.booleanValue());
            if (n.isNull()) return BsonNull.VALUE;
            if (n.isIntegralNumber()) {
                if (n.canConvertToInt()) return new BsonInt32(n.intValue());
                if (n.canConvertToLong()) return new BsonInt64(n.longValue());
                return new BsonDecimal128(new Decimal128(new BigDecimal(n.bigIntegerValue())));
            }
            if (n.isBigDecimal()) return new BsonDecimal128(new Decimal128(n.decimalValue()));
            if (n.isFloatingPointNumber()) return new BsonDouble(n.doubleValue());
            if (n.isBinary()) return new BsonBinary(n.binaryValue());
        } catch (NumberFormatException | IOException e) {
            problem(at, "number out of range", n, null);
            return BsonNull.VALUE;
        }
        problem(at, "unsupported JSON value", n, null);
        return BsonNull.VALUE;
    }

    private BsonValue ejson(JsonNode n, JsonLocation at) {
        try {
            return Ejson.parse(n.toString());
        } catch (RuntimeException e) {
            problem(at, "invalid Extended JSON: " + e.getMessage(), n, null);
            return BsonNull.VALUE;
        }
    }

    private static Operand fold(Operand constant) {
        return new Operand.Literal(constant.value(null).orElseThrow());
    }

    private String text(JsonNode arg, JsonLocation at, String expected) {
        if (arg.isTextual()) return arg.textValue();
        problem(at, expected, arg, null);
        return null;
    }

    // ---- classification and messages

    private static boolean isOperatorKey(String key) {
        return (key.startsWith("%") || key.startsWith("$")) && !key.startsWith("%%");
    }

    private static Kind kind(JsonNode object) {
        if (object.isEmpty()) return Kind.LITERAL;
        if (EJSON_WRAPPERS.contains(object.fieldNames().next())) return Kind.EJSON;
        boolean valueOperator = false, expansion = false, operator = false;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.startsWith("%%")) {
                expansion = true;
            } else if (isOperatorKey(key)) {
                Op op = Op.named(key.substring(1));
                if (op != null && op.producesValue()) valueOperator = true;
                else operator = true;
            }
        }
        if (valueOperator) return Kind.VALUE_OPERATOR;
        if (expansion) return Kind.NESTED_EXPRESSION;
        return operator ? Kind.OPERATORS : Kind.LITERAL;
    }

    /** The operator a %/$ key names, or null after recording why it is not one. */
    private Op operator(String key, JsonLocation at) {
        String name = key.substring(1);
        Op op = Op.named(name);
        if (op != null) return op;
        if (MONGO_ONLY_OPERATORS.contains(name)) {
            problem(at, "operator \"" + key + "\" is a MongoDB query operator that App Services' documented rule language"
                    + " does not include", null, "use one of " + KNOWN_OPERATORS);
        } else {
            problem(at, "unknown operator \"" + key + "\"", null, "use one of " + KNOWN_OPERATORS);
        }
        return null;
    }

    private void problem(JsonLocation at, String what, JsonNode got, String fix) {
        StringBuilder message = new StringBuilder(at.describe()).append(": ").append(what);
        if (got != null || what.startsWith("expected")) message.append(", got ").append(describe(got));
        if (fix != null) message.append("; ").append(fix);
        problems.add(message.toString());
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        String json = n.toString();
        if (json.length() > 80) json = json.substring(0, 77) + "...";
        if (n.isTextual()) return "string " + json;
        if (n.isNumber()) return "number " + json;
        if (n.isBoolean()) return "boolean " + json;
        return (n.isArray() ? "array " : "object ") + json;
    }
}
