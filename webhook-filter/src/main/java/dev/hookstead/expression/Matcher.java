package dev.hookstead.expression;

import dev.hookstead.bson.BsonOrder;
import org.bson.BsonValue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** A test applied to a field's value (the subject), with MongoDB query semantics; an empty subject is missing. */
sealed interface Matcher {

    boolean matches(Optional<BsonValue> subject, Expansions ctx);

    /**
     * Equality: a missing operand equals nothing; a null operand matches null or missing; an array subject matches when
     * it equals the operand as a whole or any element does.
     */
    record Equals(Operand operand) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            Optional<BsonValue> target = operand.value(ctx);
            return target.isPresent() && equalsValue(subject, target.get());
        }

        static boolean equalsValue(Optional<BsonValue> subject, BsonValue target) {
            if (subject.isEmpty()) return target.isNull();
            BsonValue s = subject.get();
            if (BsonOrder.equal(s, target)) return true;
            return s.isArray() && s.asArray().stream().anyMatch(e -> BsonOrder.equal(e, target));
        }
    }

    /** $gt/$gte/$lt/$lte: false on missing or across type brackets; an array subject matches if any element does. */
    record Compare(IntPredicate accept, Operand operand) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            Optional<BsonValue> target = operand.value(ctx);
            if (subject.isEmpty() || target.isEmpty()) return false;
            BsonValue s = subject.get(), t = target.get();
            if (accepts(s, t)) return true;
            return s.isArray() && s.asArray().stream().anyMatch(e -> accepts(e, t));
        }

        private boolean accepts(BsonValue s, BsonValue t) {
            OptionalInt c = BsonOrder.compare(s, t);
            return c.isPresent() && accept.test(c.getAsInt());
        }
    }

    /** $in (or $nin when negated): equality with any list element; the list must be an array. */
    record In(Operand list, boolean negated, String where, String listSource) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            Optional<BsonValue> candidates = list.value(ctx);
            // a missing or non-array list is a configuration error: fail rather than guess allow or deny
            if (candidates.isEmpty()) {
                throw new ExpressionException(where + ": " + listSource + " is missing; the list for "
                        + (negated ? "$nin" : "$in") + " must be an array");
            }
            if (!candidates.get().isArray()) {
                throw new ExpressionException(where + ": " + listSource + " is " + Operand.Converter.typeName(candidates.get())
                        + "; the list for " + (negated ? "$nin" : "$in") + " must be an array");
            }
            boolean found = candidates.get().asArray().stream().anyMatch(c -> Equals.equalsValue(subject, c));
            return found != negated;
        }
    }

    /** $exists: whether the subject is present (null counts as present). */
    record Exists(boolean expected) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            return subject.isPresent() == expected;
        }
    }

    /** $regex with $options: matches a string subject, or any string element of an array subject. */
    record Regex(Pattern pattern) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            if (subject.isEmpty()) return false;
            BsonValue s = subject.get();
            if (s.isArray()) return s.asArray().stream().anyMatch(this::find);
            return find(s);
        }

        private boolean find(BsonValue v) {
            return v.isString() && pattern.matcher(v.asString().getValue()).find();
        }
    }

    /** $not: the inner matcher's negation (so true on missing for most inner tests). */
    record Not(Matcher inner) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            return !inner.matches(subject, ctx);
        }
    }

    /** Several operators in one object, and %and inside a field: all must match, stopping at the first that does not. */
    record AllOf(List<Matcher> matchers) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            for (Matcher m : matchers) if (!m.matches(subject, ctx)) return false;
            return true;
        }
    }

    /** %or (or %nor when negated) inside a field, stopping at the first match. */
    record AnyOf(List<Matcher> matchers, boolean negated) implements Matcher {
        @Override
        public boolean matches(Optional<BsonValue> subject, Expansions ctx) {
            for (Matcher m : matchers) if (m.matches(subject, ctx)) return !negated;
            return negated;
        }
    }
}
