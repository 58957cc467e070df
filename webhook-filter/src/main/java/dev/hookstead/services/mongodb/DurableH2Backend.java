package dev.hookstead.services.mongodb;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The H2 backend, answering a command that may have written only once its changes are committed to the MVStore file
 * and synced. MVStore on its own commits about once a second, so a hard kill lost up to a second of acknowledged
 * writes. Writers that arrive while a commit runs share the next one (group commit), so concurrent writes pay for one
 * sync between them, not one each.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that never change data; everything else (including aggregate, which may $out) waits for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listdatabases", "listindexes", "hello", "ismaster", "ping", "buildinfo", "serverstatus", "killcursors",
            "endsessions", "getlasterror", "getparameter", "dbstats", "collstats", "whatsmyuri", "getlog",
            "hostinfo", "getcmdlineopts", "connectionstatus", "currentop", "explain", "saslstart", "saslcontinue");

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** Writes applied so far, numbered in the order they finished. */
    private long applied;
    /** Every write numbered up to this one is on disk. */
    private long durable;
    private boolean committing;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(String fileName) {
        MVStore store = MVStore.open(fileName);
        // Every write is followed by a synced commit, so the space of chunks it left dead can be reused at once:
        // MVStore's default 45 s retention, meant for unsynced writes, made the file grow by about 40 KB per write
        // under a commit per write (its background thread, kept, frees that space).
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // a failed command may have written part of its batch (an insertMany stopped by a duplicate key)
            if (!READS.contains(command.toLowerCase(Locale.ROOT))) {
                awaitDurable();
            }
        }
    }

    /**
     * Returns once every write applied before this call is committed and synced. One caller commits for all who
     * wait; the others wake when a commit that started after their write has finished.
     */
    private void awaitDurable() {
        lock.lock();
        try {
            long mine = ++applied;
            while (durable < mine) {
                if (committing) {
                    committed.awaitUninterruptibly(); // the answer must not go out before the data is on disk
                    continue;
                }
                committing = true;
                long upTo = applied;
                boolean synced = false;
                // commit without the lock, so writers finishing meanwhile take their numbers for the next commit
                lock.unlock();
                try {
                    store.commit();
                    store.sync();
                    synced = true;
                } finally {
                    lock.lock();
                    committing = false;
                    if (synced) {
                        durable = Math.max(durable, upTo);
                    }
                    committed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
