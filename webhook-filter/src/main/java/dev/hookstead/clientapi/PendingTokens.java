package dev.hookstead.clientapi;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.hookstead.auth.ApiKeys;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.types.ObjectId;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One-time {@code token}/{@code tokenId} pairs of pending confirmations and password resets, one per email, in a
 * collection of the user store: {@code {_id: email, tokenId, tokenHash, expiresAt, ...}}. Only the token's SHA-256
 * is stored; a pair is good for 30 minutes and once.
 */
final class PendingTokens {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new pair, the token in clear to hand to the confirmation or reset function. */
    record Pair(String token, String tokenId) {
    }

    private final MongoCollection<BsonDocument> collection;

    PendingTokens(MongoCollection<BsonDocument> collection) {
        this.collection = collection;
    }

    /** Replaces the email's pending entry with {@code fields} and a fresh pair. */
    Pair issue(String email, BsonDocument fields) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Pair pair = new Pair(HexFormat.of().formatHex(random), new ObjectId().toHexString());
        BsonDocument doc = fields.clone()
                .append("_id", new BsonString(email))
                .append("tokenId", new BsonString(pair.tokenId()))
                .append("tokenHash", new BsonString(ApiKeys.hash(pair.token())))
                .append("expiresAt", new BsonDateTime(Instant.now().plus(LIFETIME).toEpochMilli()));
        collection.replaceOne(Filters.eq("_id", email), doc, new ReplaceOptions().upsert(true));
        return pair;
    }

    /** The entry of an email, expired or not, or null. */
    BsonDocument find(String email) {
        return collection.find(Filters.eq("_id", email)).first();
    }

    /** Takes (finds and deletes) the entry a valid, unexpired pair belongs to; null for any other pair. */
    BsonDocument take(String token, String tokenId) {
        BsonDocument doc = collection.find(Filters.eq("tokenId", tokenId)).first();
        if (doc == null) return null;
        boolean matches = MessageDigest.isEqual(ApiKeys.hash(token).getBytes(StandardCharsets.US_ASCII),
                doc.getString("tokenHash").getValue().getBytes(StandardCharsets.US_ASCII));
        boolean fresh = doc.getDateTime("expiresAt").getValue() > System.currentTimeMillis();
        if (!matches || !fresh) return null;
        return collection.findOneAndDelete(Filters.and(Filters.eq("_id", doc.get("_id")), Filters.eq("tokenId", tokenId)));
    }

    void delete(String email) {
        collection.deleteOne(Filters.eq("_id", email));
    }
}
