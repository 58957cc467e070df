package dev.hookstead.operations.log;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The log in collection {@code hookstead.invocations} of a MongoDB data source, shared by every instance that uses
 * it; a TTL index on {@code at} removes entries after the configured time. Inserts run on one background thread
 * behind a bounded queue, so that a slow database never holds up a response: when the queue is full an entry is
 * dropped and counted in the server log.
 */
public final class MongoStore implements InvocationStore {

    public static final String DATABASE = "hookstead";
    public static final String COLLECTION = "invocations";
    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);
    private static final int QUEUE = 10_000;

    private final MongoServices mongo;
    private final String service;
    private final Duration ttl;
    private final ThreadPoolExecutor writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean indexed;

    public MongoStore(MongoServices mongo, String service, Duration ttl) {
        this.mongo = mongo;
        this.service = service;
        this.ttl = ttl;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "hookstead-invocation-log");
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> {
                    if (dropped.incrementAndGet() % 1000 == 1) {
                        LOG.warn("the invocation log cannot keep up with MongoDB service '{}': {} entries dropped so far",
                                service, dropped.get());
                    }
                });
    }

    private MongoCollection<Document> collection() {
        MongoCollection<Document> collection = mongo.client(service).getDatabase(DATABASE).getCollection(COLLECTION);
        if (!indexed) {
            collection.createIndex(Indexes.ascending("at"),
                    new IndexOptions().expireAfter(ttl.toSeconds(), TimeUnit.SECONDS));
            indexed = true;
        }
        return collection;
    }

    @Override
    public void add(InvocationRecord r) {
        writer.execute(() -> {
            try {
                collection().insertOne(new Document("_id", r.id()).append("at", new Date(r.atMillis()))
                        .append("route", r.route()).append("method", r.method()).append("status", r.status())
                        .append("errorCode", r.errorCode()).append("durationMs", r.durationMs())
                        .append("userType", r.userType()).append("userId", r.userId()).append("remoteIp", r.remoteIp())
                        .append("args", r.args() == null ? null : r.args().get()).append("console", r.console()).append("error", r.error())
                        .append("stack", r.stack()));
            } catch (MongoException | IllegalStateException e) {
                LOG.warn("invocation={}: cannot write it to the invocation log in MongoDB service '{}': {}", r.id(),
                        service, e.getMessage());
            }
        });
    }

    @Override
    public List<InvocationRecord> find(InvocationQuery q, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (q.route() != null) filters.add(Filters.eq("route", q.route()));
        if (q.status() != null) filters.add(Filters.eq("status", q.status()));
        if (q.errorCode() != null) filters.add(Filters.eq("errorCode", q.errorCode()));
        if (q.user() != null) filters.add(Filters.eq("userId", q.user()));
        if (q.since() != null) filters.add(Filters.gte("at", new Date(q.since())));
        if (q.until() != null) filters.add(Filters.lte("at", new Date(q.until())));
        return collection().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at")).limit(limit).map(MongoStore::record).into(new ArrayList<>());
    }

    @Override
    public InvocationRecord get(String id) {
        Document d = collection().find(Filters.eq("_id", id)).first();
        return d == null ? null : record(d);
    }

    private static InvocationRecord record(Document d) {
        return new InvocationRecord(d.getString("_id"), d.getDate("at").getTime(), d.getString("route"),
                d.getString("method"), d.getInteger("status", 0), d.getString("errorCode"),
                d.get("durationMs", Number.class).longValue(), d.getString("userType"), d.getString("userId"),
                d.getString("remoteIp"), args(d.getString("args")), d.getList("console", String.class),
                d.getString("error"), d.getString("stack"));
    }

    private static Supplier<String> args(String json) {
        return json == null ? null : () -> json;
    }

    /** Writes what is queued (for at most five seconds), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
