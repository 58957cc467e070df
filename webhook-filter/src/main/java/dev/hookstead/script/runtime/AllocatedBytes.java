package dev.hookstead.script.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The bytes a thread has allocated, from the JDK's {@code com.sun.management.ThreadMXBean}. That interface is reached
 * through the platform bean's own class, never by name: WildFly's module system hides {@code com.sun.management}
 * from deployments, so naming it fails there with NoClassDefFoundError.
 */
final class AllocatedBytes {
    private static final MethodHandle CURRENT;
    private static final MethodHandle BY_ID;

    static {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        MethodHandle current = null;
        MethodHandle byId = null;
        for (Class<?> type : bean.getClass().getInterfaces()) {
            if (!type.getName().equals("com.sun.management.ThreadMXBean")) continue;
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                current = lookup.findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                        .bindTo(bean);
                byId = lookup.findVirtual(type, "getThreadAllocatedBytes",
                        MethodType.methodType(long.class, long.class)).bindTo(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read threads' allocated bytes, which the per-call memory"
                        + " budget (hookstead.function.maxMemory) needs: " + e, e);
            }
        }
        if (current == null) {
            throw new IllegalStateException("this JVM does not report threads' allocated bytes"
                    + " (com.sun.management.ThreadMXBean), which the per-call memory budget"
                    + " (hookstead.function.maxMemory) needs; run on a HotSpot-based JDK 17+");
        }
        CURRENT = current;
        BY_ID = byId;
    }

    private AllocatedBytes() {
    }

    /** Bytes the calling thread has allocated so far. */
    static long current() {
        try {
            return (long) CURRENT.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes thread {@code id} has allocated so far, or -1 when it has ended. */
    static long of(long id) {
        try {
            return (long) BY_ID.invokeExact(id);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
