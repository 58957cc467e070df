package dev.hookstead.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.hookstead.bson.Ejson;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Application authentication: turns request credentials or a login body into a user of the {@link UserStore}, through
 * the manifest's auth providers ({@code local-userpass}, {@code api-key}, {@code custom-token}). Unknown users and
 * wrong secrets give the same error after the same work. One instance per filter; thread-safe.
 */
public final class ApplicationAuth {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationAuth.class);

    public static final String LOCAL_USERPASS = "local-userpass";
    public static final String API_KEY = "api-key";
    public static final String CUSTOM_TOKEN = "custom-token";
    /** The user store's service when the app has no MongoDB data source. */
    public static final String INTERNAL_SERVICE = "hookstead-users";
    static final String NO_USER = "invalid session: error finding user for endpoint";
    static final String BAD_TOKEN = "invalid session";
    static final String SIGNING_KEY_NAME = "accessTokenSigningKey";
    private static final String NO_DEVICE = "000000000000000000000000";

    private final Map<String, AuthProviderDef> providersByName = new LinkedHashMap<>();
    private final Map<String, AuthProviderDef> providersByType = new LinkedHashMap<>();
    private final CustomTokenVerifier customToken;
    private final CustomUserData customUserData;
    private final PasswordHasher passwords = new PasswordHasher();
    private final AccessTokens tokens;
    private final MongoServices mongo;
    private final String service;
    private final String database;
    private final String configuredSigningKey;
    private final Clock clock;
    private UserStore store;
    private byte[] signingKey;

    /** A login's answer, as the client API returns it. */
    public record Session(String userId, String accessToken, String refreshToken, String deviceId) {
    }

    /**
     * @throws IllegalArgumentException when a provider, the custom user data or a setting cannot work
     */
    public ApplicationAuth(Manifest manifest, Settings settings, MongoServices mongo, Clock clock) {
        this.mongo = mongo;
        for (AuthProviderDef def : manifest.authProviders()) {
            providersByName.putIfAbsent(def.name(), def);
            providersByType.putIfAbsent(def.type(), def);
        }
        String appId = manifest.app() == null ? null : manifest.app().clientAppId();
        AuthProviderDef jwt = providersByType.get(CUSTOM_TOKEN);
        customToken = jwt == null ? null : new CustomTokenVerifier(jwt, appId, settings::secret);
        customUserData = new CustomUserData(manifest.customUserData(), mongo);
        service = userService(manifest, settings);
        String db = settings.raw(Settings.USERS_DATABASE.name());
        database = db == null ? Settings.USERS_DATABASE.defaultValue() : db;
        configuredSigningKey = settings.raw(Settings.AUTH_TOKEN_SIGNING_KEY.name());
        if (configuredSigningKey != null && configuredSigningKey.length() < 32) {
            throw new IllegalArgumentException(Settings.AUTH_TOKEN_SIGNING_KEY.name() + " is " + configuredSigningKey.length()
                    + " characters long; use at least 32 random characters (e.g. openssl rand -base64 48)");
        }
        tokens = new AccessTokens(this::signingKey, appId, clock);
        this.clock = clock;
    }

    /** Whether the app needs a user store: it declares auth providers, or a webhook or endpoint authenticates. */
    public static boolean needsUsers(Manifest manifest) {
        if (!manifest.authProviders().isEmpty()) return true;
        for (WebhookDef w : manifest.webhooks()) if (w.runAs().mode() == RunAs.Mode.APPLICATION) return true;
        for (EndpointDef e : manifest.endpoints()) {
            FunctionDef f = manifest.function(e.functionName());
            if (f != null && f.runAs().mode() == RunAs.Mode.APPLICATION) return true;
        }
        return false;
    }

    /** The services Hookstead adds for itself: {@link #INTERNAL_SERVICE} when users have nowhere else to live. */
    public static List<String> internalServices(Manifest manifest, Settings settings) {
        boolean own = needsUsers(manifest) && settings.raw(Settings.USERS_SERVICE.name()) == null
                && manifest.dataSources().isEmpty();
        return own ? List.of(INTERNAL_SERVICE) : List.of();
    }

    private String userService(Manifest manifest, Settings settings) {
        String configured = settings.raw(Settings.USERS_SERVICE.name());
        if (configured != null) {
            if (!mongo.has(configured)) {
                throw new IllegalArgumentException(Settings.USERS_SERVICE.name() + " is '" + configured
                        + "', which is not a MongoDB data source of this app; use one of " + mongo.names());
            }
            return configured;
        }
        return manifest.dataSources().isEmpty() ? INTERNAL_SERVICE : manifest.dataSources().get(0).name();
    }

    /** The user store, connected on first use. */
    public synchronized UserStore store() {
        if (store == null) store = new UserStore(mongo.client(service).getDatabase(database));
        return store;
    }

    /**
     * The user a request authenticates as.
     *
     * @param createUserOnAuth create a custom-token user on its first valid JWT
     * @throws HookError 400 for missing or ambiguous credentials, 401 InvalidSession for anything not valid
     */
    public AppUser authenticate(HttpRequestData request, boolean createUserOnAuth) {
        Credentials credentials = CredentialReader.read(request);
        UserStore.StoredUser user = switch (credentials.kind()) {
            case BEARER -> bearer(credentials.secret());
            case EMAIL_PASSWORD -> userPass(credentials.identifier(), credentials.secret(), NO_USER);
            case API_KEY -> apiKey(credentials.secret(), NO_USER);
            case JWT -> customToken(credentials.secret(), createUserOnAuth);
        };
        return store().appUser(user, new BsonDocument());
    }

    /** The user with {@code custom_data} loaded from the custom user data collection. */
    public AppUser withCustomData(AppUser user) {
        if (user.isSystem() || !customUserData.enabled()) return user;
        return new AppUser(user.id(), user.type(), user.data(), customUserData.load(user.id()), user.identities());
    }

    /**
     * The client API login: {@code {username, password}}, {@code {key}} or {@code {token}} for the provider named in
     * the URL. A custom-token user is created on its first login, as on the platform.
     */
    public Session login(String providerName, JsonNode body) {
        AuthProviderDef def = providersByName.containsKey(providerName) ? providersByName.get(providerName)
                : providersByType.get(providerName);
        if (def == null) {
            throw new HookError(ErrorCode.InvalidSession, "authentication provider '" + providerName
                    + "' is not configured for this app");
        }
        UserStore.StoredUser user = switch (def.type()) {
            case LOCAL_USERPASS -> userPass(text(body, "username"), text(body, "password"), "invalid username/password");
            case API_KEY -> apiKey(text(body, "key"), "invalid API key");
            case CUSTOM_TOKEN -> customToken(text(body, "token"), true);
            default -> throw new HookError(ErrorCode.InvalidSession, "authentication provider '" + providerName
                    + "' (" + def.type() + ") is not supported by Hookstead");
        };
        String device = body == null ? null : text(body.path("options").path("device"), "deviceId");
        return new Session(user.id(), accessToken(user.id()),
                tokens.issue(user.id(), AccessTokens.REFRESH), device == null ? NO_DEVICE : device);
    }

    /** A new access token for a valid refresh token. */
    public String refresh(String refreshToken) {
        return accessToken(sessionUser(refreshToken));
    }

    /** With custom user data enabled, the token carries it as {@code user_data}, read then, as on the platform. */
    private String accessToken(String userId) {
        if (!customUserData.enabled()) return tokens.issue(userId, AccessTokens.ACCESS);
        try {
            return tokens.issue(userId, AccessTokens.ACCESS,
                    Map.of("user_data", JSONObjectUtils.parse(Ejson.relaxed(customUserData.load(userId)))));
        } catch (ParseException e) {
            throw new IllegalStateException("custom user data of " + userId + " is not a JSON object", e);
        }
    }

    /**
     * The user id of a valid refresh token that was not logged out, of an enabled user.
     *
     * @throws HookError 401 InvalidSession otherwise
     */
    public String sessionUser(String refreshToken) {
        String userId = tokens.verify(refreshToken, AccessTokens.REFRESH);
        if (userId == null) throw new HookError(ErrorCode.InvalidSession, BAD_TOKEN);
        UserStore.StoredUser user = store().tokenRevoked(ApiKeys.hash(refreshToken)) ? null : store().user(userId);
        if (user == null) {
            // logged out, or the user deleted: the SDK's logOut ignores this message, as it did on the platform
            throw new HookError(ErrorCode.InvalidSession, "invalid session: failed to find refresh token");
        }
        if (user.disabled()) throw new HookError(ErrorCode.InvalidSession, BAD_TOKEN);
        return userId;
    }

    /** Logs out: the refresh token no longer refreshes. Access tokens already issued run out within 30 minutes. */
    public void logout(String refreshToken) {
        sessionUser(refreshToken);
        store().revokeToken(ApiKeys.hash(refreshToken), clock.instant().plus(AccessTokens.REFRESH_LIFETIME));
    }

    /** The user of a valid access token, as {@code context.user} shows it. */
    public AppUser profile(String accessToken) {
        return store().appUser(bearer(accessToken), new BsonDocument());
    }

    private UserStore.StoredUser bearer(String token) {
        String userId = tokens.verify(token, AccessTokens.ACCESS);
        UserStore.StoredUser user = userId == null ? null : store().user(userId);
        if (user == null || user.disabled()) throw new HookError(ErrorCode.InvalidSession, BAD_TOKEN);
        return user;
    }

    private UserStore.StoredUser userPass(String email, String password, String failure) {
        enabled(LOCAL_USERPASS);
        if (email == null || password == null) throw new HookError(ErrorCode.MissingParameter, CredentialReader.INCOMPLETE);
        UserStore.StoredIdentity identity = store().identity(LOCAL_USERPASS, normaliseEmail(email));
        boolean valid = identity == null || identity.passwordHash() == null ? passwords.verifyNobody(password)
                : passwords.verify(password, identity.passwordHash());
        if (!valid) throw new HookError(failureCode(failure), failure);
        return active(store().user(identity.userId()), failure);
    }

    private UserStore.StoredUser apiKey(String key, String failure) {
        enabled(API_KEY);
        if (key == null) throw new HookError(ErrorCode.MissingParameter, CredentialReader.INCOMPLETE);
        UserStore.StoredApiKey found = store().apiKeyByHash(ApiKeys.hash(key));
        if (found == null) throw new HookError(ErrorCode.InvalidSession, failure);
        return active(store().user(found.userId()), failure);
    }

    private UserStore.StoredUser customToken(String token, boolean createUserOnAuth) {
        enabled(CUSTOM_TOKEN);
        if (token == null) throw new HookError(ErrorCode.MissingParameter, CredentialReader.INCOMPLETE);
        CustomTokenVerifier.VerifiedToken verified = customToken.verify(token);
        UserStore store = store();
        UserStore.StoredIdentity identity = store.identity(CUSTOM_TOKEN, verified.subject());
        if (identity == null) {
            if (!createUserOnAuth) throw new HookError(ErrorCode.InvalidSession, NO_USER);
            try {
                return store.createUser(UserStore.NORMAL, verified.metadata(), CUSTOM_TOKEN, verified.subject(),
                        verified.subject(), verified.metadata(), null);
            } catch (UserStore.DuplicateIdentityException e) {
                identity = store.identity(CUSTOM_TOKEN, verified.subject()); // created meanwhile by another request
                if (identity == null) throw new HookError(ErrorCode.InvalidSession, NO_USER);
            }
        }
        UserStore.StoredUser user = active(store.user(identity.userId()), NO_USER);
        if (!user.data().equals(verified.metadata())) {
            store.updateData(user.id(), CUSTOM_TOKEN, verified.subject(), verified.metadata());
            user = new UserStore.StoredUser(user.id(), user.type(), false, verified.metadata(), user.createdAt());
        }
        return user;
    }

    private void enabled(String type) {
        AuthProviderDef def = providersByType.get(type);
        if (def == null) {
            throw new HookError(ErrorCode.InvalidSession, "authentication provider " + type
                    + " is not configured for this app");
        }
        if (def.disabled()) {
            throw new HookError(ErrorCode.InvalidSession, "authentication provider '" + def.name() + "' ("
                    + type + ") is disabled");
        }
    }

    private static UserStore.StoredUser active(UserStore.StoredUser user, String failure) {
        if (user == null) throw new HookError(failureCode(failure), failure);
        if (user.disabled()) throw new HookError(ErrorCode.InvalidSession, "invalid session: the user is disabled");
        return user;
    }

    private static ErrorCode failureCode(String failure) {
        return failure.startsWith("invalid username") ? ErrorCode.InvalidPassword : ErrorCode.InvalidSession;
    }

    /** Emails are matched case-insensitively. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private synchronized byte[] signingKey() {
        if (signingKey == null) {
            String key = configuredSigningKey != null ? configuredSigningKey : store().serverKey(SIGNING_KEY_NAME, () -> {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                LOG.info("Created the access-token signing key in the user store ({}.{}); set {} to manage it yourself",
                        database, UserStore.KEYS, Settings.AUTH_TOKEN_SIGNING_KEY.name());
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            });
            signingKey = key.getBytes(StandardCharsets.UTF_8);
        }
        return signingKey;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
