package dev.hookstead.operations.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The last {@code size} invocations in memory; adding is one counter increment and one array store. */
public final class RingStore implements InvocationStore {

    private final AtomicReferenceArray<InvocationRecord> ring;
    private final AtomicLong next = new AtomicLong();

    public RingStore(int size) {
        ring = new AtomicReferenceArray<>(size);
    }

    @Override
    public void add(InvocationRecord record) {
        ring.lazySet((int) (next.getAndIncrement() % ring.length()), record);
    }

    @Override
    public List<InvocationRecord> find(InvocationQuery query, int limit) {
        List<InvocationRecord> out = new ArrayList<>();
        long newest = next.get() - 1;
        for (long i = newest; i >= 0 && i > newest - ring.length() && out.size() < limit; i--) {
            InvocationRecord r = ring.get((int) (i % ring.length()));
            if (r != null && query.matches(r)) out.add(r);
        }
        return out;
    }

    @Override
    public InvocationRecord get(String id) {
        for (int i = 0; i < ring.length(); i++) {
            InvocationRecord r = ring.get(i);
            if (r != null && r.id().equals(id)) return r;
        }
        return null;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
