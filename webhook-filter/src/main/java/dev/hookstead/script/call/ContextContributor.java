package dev.hookstead.script.call;


/**
 * Adds one member to {@code context} ({@code context.values}, {@code context.services}, ...). The member is built
 * the first time a call reads it, once per call, so contributors cost nothing for functions that never use them.
 */
public interface ContextContributor {

    /** The property name under {@code context}. */
    String name();

    /** The member's value for this call, made with the scope's factories. */
    Object create(CallScope scope) throws Exception;
}
