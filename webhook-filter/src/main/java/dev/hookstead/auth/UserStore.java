package dev.hookstead.auth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.hookstead.pipeline.AppUser;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Application users in one MongoDB database. Collections:
 * <ul>
 *   <li>{@code users}: {@code {_id: "<24 hex>", type: "normal"|"server", disabled, data, createdAt}};</li>
 *   <li>{@code identities}: {@code {_id: "<provider type>|<key>", userId, providerType, id, data, passwordHash?}},
 *       the key being the lower-case email (local-userpass), the key name (api-key) or the JWT {@code sub}
 *       (custom-token), so the {@code _id} itself keeps each login unique without needing an index;</li>
 *   <li>{@code apiKeys}: {@code {_id: "<SHA-256 hex of the key>", keyId, name, userId, createdAt}}, plus
 *       {@code userKey: true, disabled} for the keys application users make themselves through the client API;
 *       the server-key methods here leave those out;</li>
 *   <li>{@code keys}: server keys, e.g. the access-token signing key;</li>
 *   <li>{@code revokedTokens}: {@code {_id: "<SHA-256 hex of a logged-out refresh token>", expiresAt}}.</li>
 * </ul>
 */
public final class UserStore {

    public static final String USERS = "users";
    public static final String IDENTITIES = "identities";
    public static final String API_KEYS = "apiKeys";
    public static final String KEYS = "keys";
    public static final String REVOKED_TOKENS = "revokedTokens";
    private static final String LOCAL_USERPASS_TYPE = "local-userpass";
    private static final Bson SERVER_KEYS = Filters.ne("userKey", true);
    public static final String NORMAL = "normal";
    public static final String SERVER = "server";

    private final MongoCollection<BsonDocument> users;
    private final MongoCollection<BsonDocument> identities;
    private final MongoCollection<BsonDocument> apiKeys;
    private final MongoCollection<BsonDocument> keys;
    private final MongoCollection<BsonDocument> revokedTokens;
    private final MongoDatabase database;

    public UserStore(MongoDatabase database) {
        this.database = database;
        revokedTokens = database.getCollection(REVOKED_TOKENS, BsonDocument.class);
        users = database.getCollection(USERS, BsonDocument.class);
        identities = database.getCollection(IDENTITIES, BsonDocument.class);
        apiKeys = database.getCollection(API_KEYS, BsonDocument.class);
        keys = database.getCollection(KEYS, BsonDocument.class);
    }

    public record StoredUser(String id, String type, boolean disabled, BsonDocument data, Instant createdAt) {
    }

    /** @param passwordHash local-userpass only, else null */
    public record StoredIdentity(String userId, String providerType, String id, BsonDocument data,
                                 String passwordHash) {
    }

    public record StoredApiKey(String keyId, String name, String userId, Instant createdAt) {
    }

    /** Thrown when a login (email, key name, JWT subject) already belongs to a user. */
    public static final class DuplicateIdentityException extends RuntimeException {
        public DuplicateIdentityException(String message) {
            super(message);
        }
    }

    /**
     * Creates a user with its first identity.
     *
     * @param key the login the identity is found by (see the class comment)
     * @throws DuplicateIdentityException when that login already exists
     */
    public StoredUser createUser(String type, BsonDocument data, String providerType, String key, String identityId,
                                 BsonDocument identityData, String passwordHash) {
        String userId = new ObjectId().toHexString();
        BsonDocument identity = new BsonDocument("_id", new BsonString(identityKey(providerType, key)))
                .append("userId", new BsonString(userId))
                .append("providerType", new BsonString(providerType))
                .append("id", new BsonString(identityId == null ? userId : identityId))
                .append("data", identityData);
        if (passwordHash != null) identity.put("passwordHash", new BsonString(passwordHash));
        try {
            identities.insertOne(identity);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateIdentityException(providerType + " login '" + key + "' already exists");
            }
            throw e;
        }
        Instant now = Instant.now();
        try {
            users.insertOne(new BsonDocument("_id", new BsonString(userId))
                    .append("type", new BsonString(type))
                    .append("disabled", BsonBoolean.FALSE)
                    .append("data", data)
                    .append("createdAt", new BsonDateTime(now.toEpochMilli())));
        } catch (RuntimeException e) {
            identities.deleteOne(Filters.eq("_id", identity.get("_id")));
            throw e;
        }
        return new StoredUser(userId, type, false, data, now);
    }

    /** The identity of a login, or null. */
    public StoredIdentity identity(String providerType, String key) {
        BsonDocument doc = identities.find(Filters.eq("_id", identityKey(providerType, key))).first();
        if (doc == null) return null;
        return new StoredIdentity(doc.getString("userId").getValue(), doc.getString("providerType").getValue(),
                doc.getString("id").getValue(), doc.getDocument("data", new BsonDocument()),
                doc.containsKey("passwordHash") ? doc.getString("passwordHash").getValue() : null);
    }

    /** The user with this id, or null. */
    public StoredUser user(String id) {
        BsonDocument doc = users.find(Filters.eq("_id", id)).first();
        return doc == null ? null : user(doc);
    }

    /** Every user, oldest first. */
    public List<StoredUser> users() {
        List<StoredUser> all = new ArrayList<>();
        for (BsonDocument doc : users.find().sort(Sorts.ascending("createdAt"))) all.add(user(doc));
        return all;
    }

    public List<StoredIdentity> identities(String userId) {
        List<StoredIdentity> result = new ArrayList<>();
        for (BsonDocument doc : identities.find(Filters.eq("userId", userId))) {
            result.add(new StoredIdentity(userId, doc.getString("providerType").getValue(),
                    doc.getString("id").getValue(), doc.getDocument("data", new BsonDocument()), null));
        }
        return result;
    }

    /** @return false when there is no such user */
    public boolean setDisabled(String userId, boolean disabled) {
        return users.updateOne(Filters.eq("_id", userId), Updates.set("disabled", disabled)).getMatchedCount() > 0;
    }

    /** Deletes a user with its identities and API keys; false when there is no such user. */
    public boolean deleteUser(String userId) {
        identities.deleteMany(Filters.eq("userId", userId));
        apiKeys.deleteMany(Filters.eq("userId", userId));
        return users.deleteOne(Filters.eq("_id", userId)).getDeletedCount() > 0;
    }

    /** Replaces a user's {@code data} and the data of one of its identities (custom-token metadata). */
    public void updateData(String userId, String providerType, String key, BsonDocument data) {
        users.updateOne(Filters.eq("_id", userId), Updates.set("data", data));
        identities.updateOne(Filters.eq("_id", identityKey(providerType, key)), Updates.set("data", data));
    }

    public void addApiKey(String keyHash, String keyId, String name, String userId) {
        apiKeys.insertOne(apiKeyDocument(keyHash, keyId, name, userId));
    }

    /** Adds a key an application user made for itself: not a server key, and disabled keys do not log in. */
    public void addUserApiKey(String keyHash, String keyId, String name, String userId) {
        apiKeys.insertOne(apiKeyDocument(keyHash, keyId, name, userId).append("userKey", BsonBoolean.TRUE)
                .append("disabled", BsonBoolean.FALSE));
    }

    private static BsonDocument apiKeyDocument(String keyHash, String keyId, String name, String userId) {
        return new BsonDocument("_id", new BsonString(keyHash))
                .append("keyId", new BsonString(keyId))
                .append("name", new BsonString(name))
                .append("userId", new BsonString(userId))
                .append("createdAt", new BsonDateTime(System.currentTimeMillis()));
    }

    /** The enabled key whose SHA-256 is {@code keyHash}, or null. */
    public StoredApiKey apiKeyByHash(String keyHash) {
        BsonDocument doc = apiKeys.find(Filters.and(Filters.eq("_id", keyHash), Filters.ne("disabled", true))).first();
        return doc == null ? null : apiKey(doc);
    }

    /** Every server key, oldest first. */
    public List<StoredApiKey> apiKeys() {
        List<StoredApiKey> all = new ArrayList<>();
        for (BsonDocument doc : apiKeys.find(SERVER_KEYS).sort(Sorts.ascending("createdAt"))) all.add(apiKey(doc));
        return all;
    }

    public long apiKeyCount() {
        return apiKeys.countDocuments(SERVER_KEYS);
    }

    /** Deletes a key (found by id or name) and disables its server user; null when there is no such key. */
    public StoredApiKey revokeApiKey(String idOrName) {
        BsonDocument doc = apiKeys.findOneAndDelete(Filters.and(SERVER_KEYS, Filters.or(Filters.eq("keyId", idOrName),
                Filters.eq("name", idOrName))));
        if (doc == null) return null;
        StoredApiKey key = apiKey(doc);
        setDisabled(key.userId(), true);
        return key;
    }

    /** Replaces the password hash of a local-userpass login; false when there is no such login. */
    public boolean setPasswordHash(String email, String passwordHash) {
        return identities.updateOne(Filters.eq("_id", identityKey(LOCAL_USERPASS_TYPE, email)),
                Updates.set("passwordHash", passwordHash)).getMatchedCount() > 0;
    }

    /** Records a logged-out refresh token by its hash, until it would have expired anyway. */
    public void revokeToken(String tokenHash, Instant expiresAt) {
        revokedTokens.deleteMany(Filters.lt("expiresAt", new BsonDateTime(System.currentTimeMillis())));
        revokedTokens.updateOne(Filters.eq("_id", tokenHash), Updates.set("expiresAt",
                new BsonDateTime(expiresAt.toEpochMilli())), new UpdateOptions().upsert(true));
    }

    public boolean tokenRevoked(String tokenHash) {
        return revokedTokens.find(Filters.eq("_id", tokenHash)).first() != null;
    }

    /** The database holding the store, for collections of other features (client API registrations, user keys). */
    public MongoDatabase database() {
        return database;
    }

    /** The value stored under {@code name} in {@code keys}, created with {@code generate} on first use. */
    public String serverKey(String name, Supplier<String> generate) {
        BsonDocument doc = keys.find(Filters.eq("_id", name)).first();
        if (doc != null) return doc.getString("value").getValue();
        try {
            keys.insertOne(new BsonDocument("_id", new BsonString(name)).append("value", new BsonString(generate.get())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            // another instance created it first: use theirs
        }
        return keys.find(Filters.eq("_id", name)).first().getString("value").getValue();
    }

    /** The user as {@code context.user} shows it. */
    public AppUser appUser(StoredUser user, BsonDocument customData) {
        List<AppUser.Identity> ids = new ArrayList<>();
        for (StoredIdentity identity : identities(user.id())) {
            ids.add(new AppUser.Identity(identity.id(), identity.providerType(), identity.data()));
        }
        return new AppUser(user.id(), user.type(), user.data(), customData, ids);
    }

    private static String identityKey(String providerType, String key) {
        return providerType + "|" + key;
    }

    private static StoredUser user(BsonDocument doc) {
        return new StoredUser(doc.getString("_id").getValue(), doc.getString("type").getValue(),
                doc.getBoolean("disabled", BsonBoolean.FALSE).getValue(), doc.getDocument("data", new BsonDocument()),
                Instant.ofEpochMilli(doc.getDateTime("createdAt", new BsonDateTime(0)).getValue()));
    }

    private static StoredApiKey apiKey(BsonDocument doc) {
        return new StoredApiKey(doc.getString("keyId").getValue(), doc.getString("name").getValue(),
                doc.getString("userId").getValue(),
                Instant.ofEpochMilli(doc.getDateTime("createdAt", new BsonDateTime(0)).getValue()));
    }
}
