package dev.hookstead.rules;

import org.bson.BsonBoolean;
import org.bson.BsonValue;

/** The value of one {@code %%} expansion outside a condition: filter queries and pushed-down apply_when values. */
final class Expansion {

    private Expansion() {
    }

    /** The expansion's value walked down its dotted path; null when it is missing. */
    static BsonValue resolve(String text, RuleContext ctx) {
        String body = text.substring(2);
        int dot = body.indexOf('.');
        String root = dot < 0 ? body : body.substring(0, dot);
        if (root.equals("true") || root.equals("false")) return BsonBoolean.valueOf(root.equals("true"));
        BsonValue value = ctx.root(root).orElse(null);
        if (value == null || dot < 0) return value;
        for (String segment : body.substring(dot + 1).split("\\.", -1)) {
            if (value.isDocument()) {
                value = value.asDocument().get(segment);
            } else if (value.isArray() && !segment.isEmpty() && segment.length() < 9
                    && segment.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(segment) < value.asArray().size()) {
                value = value.asArray().get(Integer.parseInt(segment));
            } else {
                return null;
            }
            if (value == null) return null;
        }
        return value;
    }
}
