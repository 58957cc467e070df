package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The read and write decisions for one document under one role (spec mongodb-rules 2.2 to 2.4). Every expression that
 * cannot be evaluated denies.
 */
final class Permissions {

    private Permissions() {
    }

    /**
     * {@code document_filters}: read gates read permissions, write gates write permissions; the document is readable
     * when the read gate passes, or the write gate is defined and passes (write implies read).
     */
    private record Gates(boolean read, boolean write, boolean document) {
    }

    private static Gates gates(Role role, RuleContext ctx) {
        boolean read = ctx.allows(role.readFilter(), true);
        boolean write = ctx.allows(role.writeFilter(), true);
        return new Gates(read, write, read || role.writeFilter() != null && write);
    }

    /**
     * The first role whose {@code apply_when} is true for the bound document, in array order; null when none applies
     * or an {@code apply_when} cannot be evaluated (never falling through to a later role then).
     */
    static Role select(List<Role> roles, RuleContext ctx) {
        for (Role role : roles) {
            Boolean applies = role.applyWhen() == null ? Boolean.TRUE : ctx.evaluate(role.applyWhen());
            if (applies == null) return null;
            if (applies) return role;
        }
        return null;
    }

    /**
     * The document as the role may read it, unreadable fields removed; null when nothing of it is readable. The
     * context must be bound with {@code %%root} = {@code %%prevRoot} = the document (spec 2.4, insert-only roles).
     */
    static BsonDocument visible(Role role, BsonDocument document, RuleContext ctx) {
        Gates gates = gates(role, ctx);
        if (!gates.document()) return null;
        if (readsAll(role, gates, ctx)) return document;
        Boolean additional = null;
        BsonDocument out = new BsonDocument();
        for (Map.Entry<String, BsonValue> e : document.entrySet()) {
            FieldRule rule = role.fields().get(e.getKey());
            BsonValue value;
            if (rule == null) {
                if (additional == null) additional = additionalReadable(role, gates, ctx);
                value = additional ? e.getValue() : null;
            } else {
                value = visibleField(rule, e.getValue(), gates, ctx);
            }
            if (value != null) out.append(e.getKey(), value);
        }
        return out.isEmpty() ? null : out;
    }

    /** Whether the role may read the dotted path of the bound document (used for the paths a query names). */
    static boolean readable(Role role, List<String> path, BsonDocument document, RuleContext ctx) {
        Gates gates = gates(role, ctx);
        if (!gates.document()) return false;
        if (readsAll(role, gates, ctx)) return true;
        FieldRule rule = role.fields().get(path.get(0));
        if (rule == null) return additionalReadable(role, gates, ctx);
        BsonValue value = document.get(path.get(0));
        for (int i = 1; ; i++) {
            ctx.field(value, value);
            if (fieldReadable(rule, gates, ctx)) return true;
            while (i < path.size() && isIndex(path.get(i))) i++;
            if (i >= path.size() || rule.fields().isEmpty()) return false;
            rule = rule.fields().get(path.get(i));
            if (rule == null) return false;
            value = value != null && value.isDocument() ? value.asDocument().get(path.get(i)) : null;
        }
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static boolean readsAll(Role role, Gates gates, RuleContext ctx) {
        return gates.read() && role.read() != null && ctx.allows(role.read(), false)
                || gates.write() && role.write() != null && ctx.allows(role.write(), false);
    }

    private static boolean additionalReadable(Role role, Gates gates, RuleContext ctx) {
        return gates.read() && ctx.allows(role.additionalRead(), false)
                || gates.write() && ctx.allows(role.additionalWrite(), false);
    }

    private static boolean fieldReadable(FieldRule rule, Gates gates, RuleContext ctx) {
        return gates.read() && ctx.allows(rule.read(), false) || gates.write() && ctx.allows(rule.write(), false);
    }

    private static BsonValue visibleField(FieldRule rule, BsonValue value, Gates gates, RuleContext ctx) {
        ctx.field(value, value);
        if (fieldReadable(rule, gates, ctx)) return value;
        if (rule.fields().isEmpty()) return null;
        if (value.isDocument()) return visibleEmbedded(rule, value.asDocument(), gates, ctx);
        if (value.isArray()) {
            BsonArray out = new BsonArray();
            for (BsonValue element : value.asArray()) {
                if (element.isDocument()) {
                    BsonDocument shown = visibleEmbedded(rule, element.asDocument(), gates, ctx);
                    if (shown != null) out.add(shown);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return null;
    }

    private static BsonDocument visibleEmbedded(FieldRule rule, BsonDocument embedded, Gates gates, RuleContext ctx) {
        BsonDocument out = new BsonDocument();
        for (Map.Entry<String, BsonValue> e : embedded.entrySet()) {
            FieldRule inner = rule.fields().get(e.getKey());
            BsonValue value = inner == null ? null : visibleField(inner, e.getValue(), gates, ctx);
            if (value != null) out.append(e.getKey(), value);
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Whether the role may turn {@code before} into {@code after} (null before: an insert; null after: a delete):
     * the write gate passes on each image, and document-level write, or write on every added, changed or removed
     * field. Expressions see {@code %%root} = the new image (the old one for a delete), {@code %%prevRoot} = the old
     * one, and per field {@code %%this}/{@code %%prev}.
     */
    static boolean mayWrite(Role role, BsonDocument before, BsonDocument after, RuleContext ctx) {
        if (role.writeFilter() != null) {
            if (after != null && !ctx.document(after, before).allows(role.writeFilter(), true)) return false;
            if (before != null && !ctx.document(before, before).allows(role.writeFilter(), true)) return false;
        }
        ctx.document(after != null ? after : before, before);
        if (role.write() != null && ctx.allows(role.write(), false)) return true;
        boolean additional = ctx.allows(role.additionalWrite(), false);
        return writable(role.fields(), additional, before == null ? new BsonDocument() : before,
                after == null ? new BsonDocument() : after, ctx);
    }

    private static boolean writable(Map<String, FieldRule> rules, boolean additional, BsonDocument before,
                                    BsonDocument after, RuleContext ctx) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            BsonValue was = before.get(key);
            BsonValue is = after.get(key);
            if (Objects.equals(was, is)) continue;
            FieldRule rule = rules.get(key);
            if (rule == null ? !additional : !fieldWritable(rule, was, is, ctx)) return false;
        }
        return true;
    }

    private static boolean fieldWritable(FieldRule rule, BsonValue was, BsonValue is, RuleContext ctx) {
        ctx.field(is, was);
        if (ctx.allows(rule.write(), false)) return true;
        if (rule.fields().isEmpty()) return false;
        BsonDocument before = was == null ? new BsonDocument() : was.isDocument() ? was.asDocument() : null;
        BsonDocument after = is == null ? new BsonDocument() : is.isDocument() ? is.asDocument() : null;
        return before != null && after != null && writable(rule.fields(), false, before, after, ctx);
    }
}
