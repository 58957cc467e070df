package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.hookstead.auth.ApiKeys;
import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.auth.UserStore;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.io.IOException;

/**
 * User API keys, managed by their user with a Bearer <em>refresh</em> token, as the SDK's {@code user.apiKeys} does:
 * <ul>
 *   <li>{@code POST /api/client/v2.0/auth/api_keys} {@code {name}} → 201 {@code {_id, key, name, disabled}}, the only
 *       time the key is shown (the store keeps its SHA-256);</li>
 *   <li>{@code GET .../api_keys} → {@code [{_id, name, disabled}]}; {@code GET .../api_keys/<id>} → one;</li>
 *   <li>{@code DELETE .../api_keys/<id>}, {@code PUT .../api_keys/<id>/enable|disable} → 204.</li>
 * </ul>
 * A key logs in through the {@code api-key} provider as its user; a disabled key does not.
 */
final class UserApiKeyRoutes {

    /** The platform's limit of keys per user. */
    static final int MAX_KEYS_PER_USER = 20;
    private static final int MAX_NAME = 64;

    private final ApplicationAuth auth;
    private final Manifest manifest;

    UserApiKeyRoutes(ApplicationAuth auth, Manifest manifest) {
        this.auth = auth;
        this.manifest = manifest;
    }

    /**
     * @param keyId  the key in the path, or null for the collection
     * @param toggle "enable", "disable" or null
     */
    void handle(HttpServletRequest request, HttpServletResponse response, String keyId, String toggle)
            throws IOException {
        if (keyId == null) {
            ClientHttp.requireMethod(request, response, "GET", "POST");
        } else if (toggle == null) {
            ClientHttp.requireMethod(request, response, "GET", "DELETE");
        } else {
            ClientHttp.requireMethod(request, response, "PUT");
        }
        String userId = auth.sessionUser(ClientHttp.bearer(request));
        MongoCollection<BsonDocument> keys = auth.store().database().getCollection(UserStore.API_KEYS, BsonDocument.class);
        if (keyId == null && request.getMethod().equals("POST")) {
            ClientHttp.write(response, 201, create(keys, userId, ClientHttp.required(ClientHttp.jsonObject(request),
                    "name")).toString());
        } else if (keyId == null) {
            ArrayNode out = ClientHttp.JSON.createArrayNode();
            for (BsonDocument doc : keys.find(Filters.eq("userId", userId)).sort(Sorts.ascending("createdAt"))) {
                out.add(view(doc));
            }
            ClientHttp.write(response, 200, out.toString());
        } else {
            Bson own = Filters.and(Filters.eq("keyId", keyId), Filters.eq("userId", userId));
            if (toggle != null) {
                if (keys.updateOne(own, Updates.set("disabled", toggle.equals("disable"))).getMatchedCount() == 0) {
                    notFound(keyId);
                }
                response.setStatus(204);
            } else if (request.getMethod().equals("DELETE")) {
                if (keys.deleteOne(own).getDeletedCount() == 0) notFound(keyId);
                response.setStatus(204);
            } else {
                BsonDocument doc = keys.find(own).first();
                if (doc == null) notFound(keyId);
                ClientHttp.write(response, 200, view(doc).toString());
            }
        }
    }

    private ObjectNode create(MongoCollection<BsonDocument> keys, String userId, String name) {
        if (!apiKeyProviderEnabled()) {
            throw new HookError(ErrorCode.BadRequest, "the api-key authentication provider is not enabled for this "
                    + "app, so its keys could not log in; enable it in auth/providers.json");
        }
        UserStore.StoredUser user = auth.store().user(userId);
        if (user == null || !UserStore.NORMAL.equals(user.type())) {
            throw new HookError(ErrorCode.BadRequest, "only application users can create user API keys");
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new HookError(ErrorCode.BadRequest, "an API key name must be 1 to " + MAX_NAME
                    + " characters without control characters");
        }
        if (keys.countDocuments(Filters.eq("userId", userId)) >= MAX_KEYS_PER_USER) {
            throw new HookError(ErrorCode.BadRequest, "a user may have at most " + MAX_KEYS_PER_USER + " API keys");
        }
        if (keys.find(Filters.and(Filters.eq("userId", userId), Filters.eq("name", name))).first() != null) {
            throw new HookError(ErrorCode.ApiKeyAlreadyExists, "API key with name already exists: '" + name + "'");
        }
        String key = ApiKeys.generate();
        String keyId = new ObjectId().toHexString();
        auth.store().addUserApiKey(ApiKeys.hash(key), keyId, name, userId);
        ObjectNode out = ClientHttp.JSON.createObjectNode();
        out.put("_id", keyId);
        out.put("key", key);
        out.put("name", name);
        out.put("disabled", false);
        return out;
    }

    private boolean apiKeyProviderEnabled() {
        for (AuthProviderDef def : manifest.authProviders()) {
            if (ApplicationAuth.API_KEY.equals(def.type()) && !def.disabled()) return true;
        }
        return false;
    }

    private static ObjectNode view(BsonDocument doc) {
        ObjectNode out = ClientHttp.JSON.createObjectNode();
        out.put("_id", doc.getString("keyId").getValue());
        out.put("name", doc.getString("name").getValue());
        out.put("disabled", doc.getBoolean("disabled", BsonBoolean.FALSE).getValue());
        return out;
    }

    private static void notFound(String keyId) {
        throw new HookError(ErrorCode.ApiKeyNotFound, "API key not found: '" + keyId + "'");
    }
}
