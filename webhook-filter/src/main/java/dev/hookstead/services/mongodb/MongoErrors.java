package dev.hookstead.services.mongodb;

import dev.hookstead.services.MongoFailure;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import dev.hookstead.pipeline.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;

/** Turns driver exceptions into the errors a function sees. Messages never carry the URI or driver internals. */
final class MongoErrors {

    private static final Logger LOG = LoggerFactory.getLogger(MongoErrors.class);
    static final String TIME_LIMIT_MESSAGE = "execution time limit exceeded";

    private MongoErrors() {
    }

    /** A JS Error with this error_code, like every failure the bridge hands to scripts (never a Java exception). */
    static MongoFailure timeLimit() {
        return new MongoFailure(ErrorCode.ExecutionTimeLimitExceeded, TIME_LIMIT_MESSAGE, null);
    }

    /**
     * @param remainingMillis the function's time left after the failure: an operation timeout with time left was a
     *                        server that could not be reached, not the function's deadline
     * @param reachable       whether the client sees a server it can use; asked only when the function's deadline
     *                        ended the operation, which then was an outage if none is reachable
     */
    static RuntimeException translate(String service, MongoException e, long remainingMillis, BooleanSupplier reachable) {
        if (e instanceof MongoExecutionTimeoutException
                || e instanceof MongoOperationTimeoutException && remainingMillis <= 0) {
            // each operation's timeout is the function's remaining time
            return e instanceof MongoOperationTimeoutException && !reachable.getAsBoolean() ? unavailable(service, e)
                    : timeLimit();
        }
        if (e instanceof MongoWriteException write) {
            return serverError(write.getError().getMessage(), write.getError().getCode());
        }
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            BulkWriteError first = bulk.getWriteErrors().get(0);
            return serverError(first.getMessage(), first.getCode());
        }
        if (e instanceof MongoCommandException command) {
            return serverError(command.getErrorMessage(), command.getErrorCode());
        }
        if (e instanceof MongoServerException server) {
            return serverError(server.getMessage(), server.getCode());
        }
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return unavailable(service, e);
        }
        if (e instanceof MongoSecurityException) {
            LOG.warn("MongoDB service '{}' refused the credentials: {}", service, e.getMessage());
            return new MongoFailure(ErrorCode.ServiceUnavailable, "MongoDB service '" + service
                    + "' is unavailable: the server refused the credentials in hookstead.service." + service
                    + ".uri", null);
        }
        LOG.warn("MongoDB service '{}' failed", service, e);
        return new MongoFailure(ErrorCode.MongoDBError, "MongoDB service '" + service
                + "' failed (see the server log)", e.getCode() == -1 ? null : e.getCode());
    }

    private static MongoFailure unavailable(String service, MongoException e) {
        LOG.warn("MongoDB service '{}' is unreachable: {}", service, e.getMessage());
        return new MongoFailure(ErrorCode.ServiceUnavailable, "MongoDB service '" + service
                + "' is unavailable: no server could be reached; check that it is running and that"
                + " hookstead.service." + service + ".uri points at it", null);
    }

    private static MongoFailure serverError(String message, int code) {
        return new MongoFailure(ErrorCode.MongoDBError, message, code);
    }
}
