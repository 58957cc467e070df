package dev.hookstead.rules;

import java.util.List;

/**
 * What applies to one namespace for application users: the roles evaluated (the collection's own, else the data
 * source's default rule; empty means no role applies), the filters that go with them, and the collection's schema.
 *
 * @param schema null when the namespace has none
 */
record NamespaceRules(String namespace, List<Role> roles, List<QueryFilter> filters, Schema schema) {
}
