package dev.hookstead.services.mongodb;

import dev.hookstead.services.Arguments;
import dev.hookstead.services.MongoFailure;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ServerDescription;
import dev.hookstead.bson.Ejson;
import dev.hookstead.bson.JsBson;
import dev.hookstead.rules.Caller;
import dev.hookstead.rules.Rules;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.NashornException;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The only Java object {@code services.js} is handed (one per script global); the script keeps it in a closure, so
 * user code never sees it. Methods take strings and JS values and return strings and booleans. Failures are
 * {@link IllegalArgumentException} (bad arguments: a plain JS Error) or {@link MongoFailure} (a JS Error carrying
 * {@code error_code}); anything else, such as the runtime's limits, propagates untouched.
 *
 * <p>This is the one door to MongoDB: every operation passes the wall around Hookstead's own data, and an application
 * user's operations go through the app's rules ({@link Rules}); System's run as they are.
 */
public final class MongoBridge {

    private final MongoServices services;
    private final Rules rules;
    private final Supplier<Caller> caller;
    private final LongSupplier remainingMillis;
    private final Runnable onAsyncOperation;
    private final Consumer<HookError> onOutageAtDeadline;

    /** A bridge whose every operation runs as System (no rules apply). */
    public MongoBridge(MongoServices services, LongSupplier remainingMillis, Runnable onAsyncOperation) {
        this(services, remainingMillis, onAsyncOperation, outage -> { });
    }

    /** As System, telling {@code onOutageAtDeadline} of an outage the deadline ended. */
    public MongoBridge(MongoServices services, LongSupplier remainingMillis, Runnable onAsyncOperation,
                       Consumer<HookError> onOutageAtDeadline) {
        this(services, null, () -> Caller.SYSTEM, remainingMillis, onAsyncOperation, onOutageAtDeadline);
    }

    /**
     * @param rules            the app's rules; null refuses every application user's operation
     * @param caller           who the current call runs as (null outside a call, which refuses the operation)
     * @param remainingMillis  time left in the current function call; each operation gets it as its timeout
     * @param onAsyncOperation called once before each operation, so the runtime can count and limit them
     * @param onOutageAtDeadline told when the function's deadline ended an operation that was waiting for an
     *                           unreachable server, so the call answers the outage whatever the script does next
     */
    public MongoBridge(MongoServices services, Rules rules, Supplier<Caller> caller, LongSupplier remainingMillis,
                       Runnable onAsyncOperation, Consumer<HookError> onOutageAtDeadline) {
        this.services = services;
        this.rules = rules;
        this.caller = caller;
        this.remainingMillis = remainingMillis;
        this.onAsyncOperation = onAsyncOperation;
        this.onOutageAtDeadline = onOutageAtDeadline;
    }

    /** Whether {@code name} is a MongoDB service of the app. */
    public boolean isService(String name) {
        return services.has(name);
    }

    /**
     * Runs {@code collection.<method>(...args)}.
     *
     * @param args the JS array of the method's arguments
     * @return canonical Extended JSON of the result, for the script's {@code EJSON.parse}
     */
    public String run(String service, String database, String collection, String method, Object args) {
        BsonValue values;
        try {
            values = JsBson.toBson(args);
        } catch (NashornException e) {
            // a getter of an argument threw; keep its message, drop the Java exception
            throw new IllegalArgumentException("collection." + method + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collection." + method + ": " + e.getMessage());
        }
        if (values == null || !values.isArray()) {
            throw new IllegalArgumentException("collection." + method + ": arguments must come as an array");
        }
        return JsBson.toEjsonForJs(execute(service, database, collection, method, values.asArray()));
    }

    BsonValue execute(String service, String database, String collection, String method, BsonArray args) {
        // The script names the service: only the app's data sources, never Hookstead's internal ones.
        if (!services.has(service)) {
            throw new IllegalArgumentException("collection." + method + ": the app has no MongoDB service named '"
                    + service + "'");
        }
        services.ownData().check(database, method, args);
        Caller who = caller.get();
        if (who == null || !who.isSystem() && rules == null) {
            throw new IllegalStateException("a MongoDB operation outside a call, or without the app's rules");
        }
        long remaining = remainingMillis.getAsLong();
        if (remaining <= 0) {
            throw MongoErrors.timeLimit();
        }
        onAsyncOperation.run();
        MongoCollection<BsonDocument> target;
        try {
            target = services.client(service).getDatabase(database).getCollection(collection, BsonDocument.class)
                    .withTimeout(remaining, TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + database + "." + collection + "' is not a valid collection"
                    + " name (" + e.getMessage() + "); database names may not contain /\\. \"$ and collection"
                    + " names may not be empty or contain $");
        }
        try {
            if (who.isSystem()) return new CollectionOperations(target).run(method, args);
            return rules.enforce(target, service, database, collection, method, args, who);
        } catch (MongoException e) {
            long left = remainingMillis.getAsLong();
            RuntimeException failure = MongoErrors.translate(service, e, left, () -> reachable(service));
            if (left <= 0 && failure instanceof MongoFailure outage && outage.code() == ErrorCode.ServiceUnavailable) {
                onOutageAtDeadline.accept(outage);
            }
            throw failure;
        } catch (Arguments.BadArgument e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // the driver's own checks, e.g. an update without $ operators
            throw new IllegalArgumentException("collection." + method + ": " + e.getMessage(), e);
        }
    }

    private boolean reachable(String service) {
        return services.client(service).getClusterDescription().getServerDescriptions().stream()
                .anyMatch(ServerDescription::isOk);
    }

    /**
     * Describes a failure this bridge threw as JSON {@code {message, error_code?, code?}}, or returns {@code null}
     * for anything else, which the script rethrows untouched.
     */
    public String describeError(Object thrown) {
        if (thrown instanceof MongoFailure failure) {
            BsonDocument shape = new BsonDocument("message", new BsonString(failure.getMessage()))
                    .append("error_code", new BsonString(failure.code().name()));
            if (failure.serverCode() != null) {
                shape.append("code", new BsonInt32(failure.serverCode()));
            }
            return Ejson.relaxed(shape);
        }
        if (thrown instanceof IllegalArgumentException e) {
            return Ejson.relaxed(new BsonDocument("message", new BsonString(e.getMessage())));
        }
        return null;
    }
}
