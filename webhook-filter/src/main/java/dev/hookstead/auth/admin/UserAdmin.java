package dev.hookstead.auth.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.hookstead.auth.ApiKeys;
import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.auth.PasswordHasher;
import dev.hookstead.auth.UserStore;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.types.ObjectId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * User administration without code, for build tools and scripts: the same store the filter reads
 * ({@link UserStore}), reached through a MongoDB URI and database name.
 */
public final class UserAdmin implements AutoCloseable {

    /** Limits of the platform: server API keys per app, local-userpass password length. */
    public static final int MAX_API_KEYS = 100;
    public static final int MIN_PASSWORD = 6;
    public static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserStore store;
    private final PasswordHasher passwords = new PasswordHasher();
    private final MongoClient ownClient;

    public record UserSummary(String id, String type, boolean disabled, List<String> logins) {
    }

    /** A new server API key; {@code key} is shown this once and never stored. */
    public record NewApiKey(String keyId, String name, String key, String userId) {
    }

    public record ImportResult(int imported, List<String> userIds) {
    }

    public UserAdmin(MongoDatabase database) {
        this.store = new UserStore(database);
        this.ownClient = null;
    }

    private UserAdmin(MongoClient client, String database) {
        this.store = new UserStore(client.getDatabase(database));
        this.ownClient = client;
    }

    /**
     * Connects to {@code mongoUri}; close the admin to disconnect.
     *
     * @throws AdminException for a URI that is not a MongoDB connection string
     */
    public static UserAdmin connect(String mongoUri, String database) {
        if (mongoUri == null || mongoUri.isBlank()) {
            throw new AdminException("no MongoDB URI: set mongoUri (-Dwebhook.mongoUri=mongodb://host:27017)");
        }
        if (database == null || database.isBlank()) throw new AdminException("no database name given");
        ConnectionString uri;
        try {
            uri = new ConnectionString(mongoUri);
        } catch (IllegalArgumentException e) {
            // never echo the URI: it may hold a password
            throw new AdminException("mongoUri is not a MongoDB connection string; use mongodb://host:27017 or "
                    + "mongodb+srv://host");
        }
        MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS)).build());
        return new UserAdmin(client, database);
    }

    /**
     * Adds a local-userpass user.
     *
     * @return the new user's id
     */
    public String addUser(String email, String password) {
        checkEmail(email);
        checkPassword(email, password);
        return create(email, passwords.hash(password), new BsonDocument());
    }

    public List<UserSummary> listUsers() {
        List<UserSummary> result = new ArrayList<>();
        for (UserStore.StoredUser user : store.users()) {
            List<String> logins = new ArrayList<>();
            for (UserStore.StoredIdentity identity : store.identities(user.id())) {
                BsonDocument data = identity.data();
                String label = data.isString("email") ? data.getString("email").getValue()
                        : data.isString("name") ? data.getString("name").getValue() : identity.id();
                logins.add(identity.providerType() + ":" + label);
            }
            result.add(new UserSummary(user.id(), user.type(), user.disabled(), logins));
        }
        return result;
    }

    /**
     * Disables (or re-enables) a user, found by id or by local-userpass email.
     *
     * @return the user's id
     */
    public String setDisabled(String idOrEmail, boolean disabled) {
        String id = idOrEmail == null ? null : idOrEmail.trim();
        if (id == null || id.isEmpty()) throw new AdminException("name the user by id or email");
        if (store.user(id) == null) {
            UserStore.StoredIdentity identity = store.identity(ApplicationAuth.LOCAL_USERPASS,
                    ApplicationAuth.normaliseEmail(id));
            if (identity == null) throw new AdminException("no user with id or email '" + id + "'");
            id = identity.userId();
        }
        store.setDisabled(id, disabled);
        return id;
    }

    /** Creates a server API key and its user (type "server"). */
    public NewApiKey createApiKey(String name) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new AdminException("API key name '" + name + "' is invalid; use 1-64 letters, digits, '_', '.' or '-'");
        }
        if (store.apiKeyCount() >= MAX_API_KEYS) {
            throw new AdminException("this app already has " + MAX_API_KEYS + " server API keys, the platform's limit;"
                    + " revoke one first");
        }
        String keyId = new ObjectId().toHexString();
        BsonDocument data = new BsonDocument("name", new BsonString(name));
        UserStore.StoredUser user;
        try {
            user = store.createUser(UserStore.SERVER, data, ApplicationAuth.API_KEY, name, keyId, data, null);
        } catch (UserStore.DuplicateIdentityException e) {
            throw new AdminException("an API key named '" + name + "' already exists; choose another name");
        }
        String key = ApiKeys.generate();
        store.addApiKey(ApiKeys.hash(key), keyId, name, user.id());
        return new NewApiKey(keyId, name, key, user.id());
    }

    public List<UserStore.StoredApiKey> listApiKeys() {
        return store.apiKeys();
    }

    /** Deletes a key, found by id or name, and disables its user. */
    public UserStore.StoredApiKey revokeApiKey(String idOrName) {
        UserStore.StoredApiKey revoked = idOrName == null ? null : store.revokeApiKey(idOrName.trim());
        if (revoked == null) throw new AdminException("no API key with id or name '" + idOrName + "'");
        return revoked;
    }

    /**
     * Imports local-userpass users from a JSON array of {@code {"email", "password" | "passwordHash", "data"?,
     * "disabled"?}}; {@code passwordHash} takes an existing bcrypt hash ({@code $2a$}/{@code $2b$}/{@code $2y$}).
     * Every entry is checked before any is written: a bad entry or an email already in the store imports nothing.
     */
    public ImportResult importUsers(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AdminException("cannot read " + file + " as JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new AdminException(file + " must hold a JSON array of {\"email\", \"password\"} objects");
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String where = file.getFileName() + "[" + i + "]";
            try {
                if (!entry.isObject()) throw new AdminException("is not an object");
                String email = entry.path("email").asText(null);
                checkEmail(email);
                String key = ApplicationAuth.normaliseEmail(email);
                if (!seen.add(key)) throw new AdminException("repeats the email " + email);
                if (store.identity(ApplicationAuth.LOCAL_USERPASS, key) != null) {
                    throw new AdminException("email " + email + " is already a user");
                }
                if (entry.has("passwordHash")) {
                    if (!BCRYPT.matcher(entry.path("passwordHash").asText("")).matches()) {
                        throw new AdminException("passwordHash is not a bcrypt hash ($2a$, $2b$ or $2y$)");
                    }
                } else {
                    checkPassword(email, entry.path("password").asText(null));
                }
                if (entry.has("data") && !entry.get("data").isObject()) throw new AdminException("data is not an object");
                entries.add(entry);
            } catch (AdminException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AdminException("nothing imported; fix these entries:\n  " + String.join("\n  ", problems));
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : entries) {
            String hash = entry.has("passwordHash") ? entry.get("passwordHash").asText()
                    : passwords.hash(entry.get("password").asText());
            BsonDocument data = entry.has("data") ? BsonDocument.parse(entry.get("data").toString()) : new BsonDocument();
            String id = create(entry.get("email").asText(), hash, data);
            if (entry.path("disabled").asBoolean(false)) store.setDisabled(id, true);
            ids.add(id);
        }
        return new ImportResult(ids.size(), ids);
    }

    private String create(String email, String hash, BsonDocument data) {
        String key = ApplicationAuth.normaliseEmail(email);
        try {
            return store.createUser(UserStore.NORMAL, data, ApplicationAuth.LOCAL_USERPASS, key, null,
                    new BsonDocument("email", new BsonString(key)), hash).id();
        } catch (UserStore.DuplicateIdentityException e) {
            throw new AdminException("a user with email " + email + " already exists");
        }
    }

    private static void checkEmail(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new AdminException("email '" + email + "' is not an email address");
        }
    }

    private static void checkPassword(String email, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new AdminException("the password for " + email + " must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long");
        }
    }

    @Override
    public void close() {
        if (ownClient != null) ownClient.close();
    }
}
