package dev.hookstead.script.runtime;

/** What the pool of script globals is doing right now, read by metrics and the readiness check. */
public interface PoolStats {

    /** Globals in the pool: calls that can run at the same time. */
    int size();

    /** Globals held by running calls. */
    int inUse();

    /** Calls waiting for a free global. */
    int waiting();

    /** Calls that found no free global within the acquire timeout (503) since start. */
    long acquireTimeouts();
}
