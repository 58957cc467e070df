package dev.hookstead.auth;

import com.mongodb.client.model.Filters;
import dev.hookstead.manifest.CustomUserDataDef;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code context.user.custom_data}: the first document of the configured collection whose user-id field holds
 * the user id, as a string or (since 2023) as an ObjectId; {@code {}} when custom user data is off or nothing matches.
 */
public final class CustomUserData {

    private final CustomUserDataDef def;
    private final MongoServices mongo;

    /** @throws IllegalArgumentException when the config is enabled but names no known MongoDB service */
    public CustomUserData(CustomUserDataDef def, MongoServices mongo) {
        this.def = def != null && def.enabled() ? def : null;
        this.mongo = mongo;
        if (this.def != null) {
            if (def.serviceName() == null || !mongo.has(def.serviceName())) {
                throw new IllegalArgumentException("custom user data: mongo service '" + def.serviceName()
                        + "' is not a MongoDB data source of this app; known: " + mongo.names()
                        + ". Fix auth/custom_user_data.json or disable custom user data");
            }
            if (def.databaseName() == null || def.collectionName() == null || def.userIdField() == null) {
                throw new IllegalArgumentException("custom user data needs database_name, collection_name and "
                        + "user_id_field; fix auth/custom_user_data.json or disable custom user data");
            }
        }
    }

    public boolean enabled() {
        return def != null;
    }

    public BsonDocument load(String userId) {
        if (def == null || userId == null) return new BsonDocument();
        List<BsonValue> ids = new ArrayList<>(List.of(new BsonString(userId)));
        if (ObjectId.isValid(userId)) ids.add(new BsonObjectId(new ObjectId(userId)));
        BsonDocument found = mongo.client(def.serviceName()).getDatabase(def.databaseName())
                .getCollection(def.collectionName(), BsonDocument.class)
                .find(Filters.in(def.userIdField(), ids)).first();
        return found == null ? new BsonDocument() : found;
    }
}
