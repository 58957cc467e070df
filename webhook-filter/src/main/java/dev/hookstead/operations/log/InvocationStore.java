package dev.hookstead.operations.log;

import java.util.List;

/** Where the log page's invocations live: an in-memory ring, or a MongoDB collection several instances share. */
public interface InvocationStore extends AutoCloseable {

    /** Called once per invocation on the request thread: must be cheap and must not throw. */
    void add(InvocationRecord record);

    /** The newest matching invocations first, at most {@code limit}. */
    List<InvocationRecord> find(InvocationQuery query, int limit);

    /** The invocation with this id, or null. */
    InvocationRecord get(String id);

    @Override
    void close();
}
