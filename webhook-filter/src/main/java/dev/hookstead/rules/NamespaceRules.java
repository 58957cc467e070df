package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What applies to one namespace for application users: the roles evaluated (the collection's own, else the data
 * source's default rule; empty means no role applies), the filters that go with them, and the collection's schema.
 *
 * @param schema null when the namespace has none
 */
record NamespaceRules(String namespace, List<Role> roles, List<QueryFilter> filters, Schema schema) {

    /** Thrown by {@link #selection} for the first role whose {@code apply_when} cannot be written as a query. */
    static final class Inexpressible extends RuntimeException {
        final transient Role role;

        Inexpressible(Role role) {
            super("role '" + role.name() + "' has an apply_when that cannot be a query", null, false, false);
            this.role = role;
        }
    }

    /**
     * Whether every role lets the caller write the whole of any document it is the role for, whatever the document
     * holds (spec 2.4): no {@code document_filters}, and a document-level {@code write} that is true without reading
     * the document (a constant, or one reading only {@code %%user}, {@code %%request}, {@code %%values},
     * {@code %%environment}). Then, without a schema, no write decision needs the stored document. False when an
     * expression cannot be evaluated.
     */
    boolean writesAnyDocument(RuleContext ctx) {
        if (schema != null) return false;
        for (Role role : roles) {
            if (role.readFilter() != null || role.writeFilter() != null || role.write() == null) return false;
            try {
                if (!Boolean.TRUE.equals(ctx.probe().evaluate(role.write()))) return false;
            } catch (RuleContext.DependsOnDocument depends) {
                return false;
            }
        }
        return true;
    }

    /**
     * The role selection as a query (spec 2.2, the first role whose {@code apply_when} holds wins, evaluated with the
     * request's expansions now): the documents whose role {@code keep} accepts. A role's clause is its
     * {@code apply_when} as a query minus the documents of earlier roles {@code keep} refused (documents of earlier
     * kept roles are selected anyway). {@code keep} is asked in role order, after that role's apply_when translated.
     */
    BsonDocument selection(RuleContext ctx, Predicate<Role> keep) {
        List<BsonDocument> refused = new ArrayList<>();
        BsonArray selected = new BsonArray();
        for (Role role : roles) {
            BsonDocument applies = role.applyWhenJson() == null ? new BsonDocument()
                    : ExpressionQuery.of(role.applyWhenJson(), ctx);
            if (applies == null) throw new Inexpressible(role);
            if (!keep.test(role)) {
                refused.add(applies);
            } else if (refused.isEmpty()) {
                selected.add(applies);
            } else {
                selected.add(Queries.and(applies, List.of(new BsonDocument("$nor", new BsonArray(refused)))));
            }
        }
        if (selected.isEmpty()) return Queries.nothing();
        if (selected.contains(new BsonDocument())) return new BsonDocument();
        return selected.size() == 1 ? selected.get(0).asDocument() : new BsonDocument("$or", selected);
    }
}
