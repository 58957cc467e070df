package dev.hookstead.validation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rejects a second delivery of a message that a timestamped scheme already verified on the same route. Each verified
 * message is inserted as {@code {_id: "<route path> <METHOD> <message id>", expiresAt}} into
 * {@code hookstead.replay} of the data source {@code hookstead.replay.service} (default: the app's first data
 * source), through the filter's one {@link MongoServices}; the unique {@code _id} makes the check atomic across
 * threads and servers sharing the database. A TTL index on {@code expiresAt} drops entries after twice the
 * timestamp tolerance, when the timestamp check alone rejects the message; the embedded database has no TTL
 * monitor, so there the guard deletes expired entries itself, at most once a minute.
 */
public final class ReplayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    /** How the error of a replayed message begins, so that metrics tell replays from bad signatures. */
    public static final String REPLAY_MESSAGE = "duplicate message id ";
    public static final String DATABASE = "hookstead";
    static final String COLLECTION = "replay";
    private static final List<ValidationMethod> TIMESTAMPED = List.of(ValidationMethod.STANDARD_WEBHOOKS,
            ValidationMethod.SVIX, ValidationMethod.STRIPE, ValidationMethod.SLACK);

    private final MongoServices mongo;
    private final String service;
    private final Duration keep;
    private final Clock clock;
    private volatile boolean indexed;
    private volatile long nextPruneMillis;

    /** @param service the data source to store ids in, or null to keep none */
    ReplayGuard(MongoServices mongo, String service, Duration tolerance, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.keep = tolerance.multipliedBy(2);
        this.clock = clock;
    }

    /**
     * The guard for an app: stores in {@code hookstead.replay.service}, else the first data source; without either
     * it keeps nothing and logs a warning when a route uses a timestamped scheme.
     *
     * @throws IllegalArgumentException when the setting names no data source of the app
     */
    public static ReplayGuard create(Manifest manifest, Settings settings, MongoServices mongo) {
        String service = settings.replayService();
        if (service != null && !mongo.has(service)) {
            throw new IllegalArgumentException(Settings.REPLAY_SERVICE.name() + ": \"" + service
                    + "\" is not a MongoDB data source of this app; use one of " + mongo.names());
        }
        if (service == null && !mongo.names().isEmpty()) service = mongo.names().iterator().next();
        if (service == null && usesTimestamps(manifest)) {
            LOG.warn("Replay protection is off: the app has no MongoDB data source to store message ids in. "
                    + "Timestamps still limit a replay to {} s; add a data source to the export to turn it on.",
                    settings.signatureTolerance().toSeconds());
        }
        return new ReplayGuard(mongo, service, settings.signatureTolerance(), Clock.systemUTC());
    }

    private static boolean usesTimestamps(Manifest manifest) {
        return Stream.concat(manifest.webhooks().stream().map(WebhookDef::validationMethod),
                manifest.endpoints().stream().map(EndpointDef::validationMethod)).anyMatch(TIMESTAMPED::contains);
    }

    /**
     * Records a verified message.
     *
     * @param route the route's path, so that each webhook or endpoint may receive a message once
     * @throws HookError IncomingWebhookAuthFailed for a message already recorded; ServiceUnavailable when the
     *                   database cannot be reached (fail closed)
     */
    public void check(String route, ValidationMethod method, String messageId) {
        if (service == null) return;
        Instant now = clock.instant();
        try {
            MongoCollection<Document> replay = collection();
            prune(replay, now);
            replay.insertOne(new Document("_id", route + " " + method + " " + messageId)
                    .append("expiresAt", Date.from(now.plus(keep))));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw unavailable(e);
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, REPLAY_MESSAGE + messageId
                    + " (replay): this message was already delivered");
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    private MongoCollection<Document> collection() {
        MongoCollection<Document> replay = mongo.client(service).getDatabase(DATABASE).getCollection(COLLECTION);
        if (!indexed) {
            replay.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            indexed = true;
        }
        return replay;
    }

    private void prune(MongoCollection<Document> replay, Instant now) {
        if (!mongo.isEmbedded(service) || now.toEpochMilli() < nextPruneMillis) return;
        nextPruneMillis = now.toEpochMilli() + 60_000;
        replay.deleteMany(Filters.lt("expiresAt", Date.from(now)));
    }

    private HookError unavailable(MongoException e) {
        LOG.error("Replay protection cannot reach MongoDB service '{}' (database {}, collection {}): {}", service,
                DATABASE, COLLECTION, e.getMessage(), e);
        return new HookError(ErrorCode.ServiceUnavailable, "replay protection is unavailable; try again later");
    }
}
