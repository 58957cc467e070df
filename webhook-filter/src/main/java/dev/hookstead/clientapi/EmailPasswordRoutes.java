package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.auth.PasswordHasher;
import dev.hookstead.auth.UserStore;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.request.ClientAddress;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.FunctionRunner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The email/password provider's own routes under {@code .../auth/providers/<provider>/}, driven by its config:
 * <ul>
 *   <li>{@code register} {@code {email, password}} → 201. With {@code autoConfirm} the user exists at once; with
 *       {@code runConfirmationFunction} the {@code confirmationFunctionName} function gets {@code {token, tokenId,
 *       username}} and answers {@code {status: "success"|"pending"|"fail"}}; pending users log in only once confirmed.</li>
 *   <li>{@code confirm} {@code {token, tokenId}} → 204 confirms a pending user; {@code confirm/call} {@code {email}}
 *       → 204 runs the confirmation function again with a new pair.</li>
 *   <li>{@code reset/call} {@code {email, password, arguments}} → 204 runs {@code resetFunctionName} with
 *       {@code {token, tokenId, username, password}} and the arguments; "success" sets the password at once,
 *       "pending" waits for {@code reset} {@code {token, tokenId, password}} → 204.</li>
 * </ul>
 * Hookstead sends no email: {@code confirm/send} and {@code reset/send}, and registration without autoConfirm or a
 * confirmation function, are refused with 400 saying what to configure instead.
 */
final class EmailPasswordRoutes {

    static final String PENDING_USERS = "pendingUsers";
    static final String PASSWORD_RESETS = "passwordResets";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final String NO_EMAIL = "Hookstead sends no email; ";

    private final ApplicationAuth auth;
    private final Manifest manifest;
    private final FunctionRunner runner;
    private final ClientAddress clientAddress;
    private final PasswordHasher passwords = new PasswordHasher();

    /** @throws IllegalArgumentException when a provider's confirmation or reset function is not in the app */
    EmailPasswordRoutes(ApplicationAuth auth, Manifest manifest, FunctionRunner runner, ClientAddress clientAddress) {
        this.auth = auth;
        this.manifest = manifest;
        this.runner = runner;
        this.clientAddress = clientAddress;
        for (AuthProviderDef def : manifest.authProviders()) {
            if (!ApplicationAuth.LOCAL_USERPASS.equals(def.type())) continue;
            for (String[] option : new String[][]{{"runConfirmationFunction", "confirmationFunctionName"},
                    {"runResetFunction", "resetFunctionName"}}) {
                String name = def.config() == null ? null : ClientHttp.text(def.config(), option[1]);
                if (flag(def, option[0]) && (name == null || manifest.function(name) == null)) {
                    throw new IllegalArgumentException(def.source() + ": provider '" + def.name() + "' sets "
                            + option[0] + " but " + option[1] + " '" + name + "' is not a function of this app; "
                            + "export the function too, or set " + option[0] + " to false");
                }
            }
        }
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String providerName, String action)
            throws IOException {
        ClientHttp.requireMethod(request, response, "POST");
        AuthProviderDef provider = provider(providerName);
        JsonNode body = ClientHttp.jsonObject(request);
        switch (action) {
            case "register" -> {
                register(request, provider, email(body), password(body));
                response.setStatus(201);
                return;
            }
            case "confirm" -> confirm(ClientHttp.required(body, "token"), ClientHttp.required(body, "tokenId"));
            case "confirm/call" -> retryConfirmation(request, provider, email(body));
            case "reset/call" -> resetByFunction(request, provider, email(body), password(body), body.get("arguments"));
            case "reset" -> reset(ClientHttp.required(body, "token"), ClientHttp.required(body, "tokenId"),
                    password(body));
            default -> throw new HookError(ErrorCode.BadRequest, NO_EMAIL + "use "
                    + (action.startsWith("confirm") ? "autoConfirm or runConfirmationFunction" : "runResetFunction")
                    + " in the provider's config to " + (action.startsWith("confirm") ? "confirm users" : "reset passwords"));
        }
        response.setStatus(204);
    }

    private AuthProviderDef provider(String name) {
        for (AuthProviderDef def : manifest.authProviders()) {
            if ((def.name().equals(name) || def.type().equals(name)) && ApplicationAuth.LOCAL_USERPASS.equals(def.type())) {
                if (def.disabled()) {
                    throw new HookError(ErrorCode.AuthError, "authentication provider '" + name + "' is disabled");
                }
                return def;
            }
        }
        throw new HookError(ErrorCode.AuthError, "authentication provider '" + name
                + "' is not an email/password provider of this app");
    }

    private void register(HttpServletRequest request, AuthProviderDef provider, String email, String password) {
        UserStore store = auth.store();
        if (store.identity(ApplicationAuth.LOCAL_USERPASS, email) != null) nameInUse();
        PendingTokens pending = pending();
        BsonDocument waiting = pending.find(email);
        if (waiting != null && waiting.getDateTime("expiresAt").getValue() > System.currentTimeMillis()) nameInUse();
        String hash = passwords.hash(password);
        if (flag(provider, "autoConfirm")) {
            if (!createUser(email, hash)) nameInUse();
            return;
        }
        if (!flag(provider, "runConfirmationFunction")) {
            throw new HookError(ErrorCode.BadRequest, NO_EMAIL + "set autoConfirm or runConfirmationFunction in the "
                    + "config of provider '" + provider.name() + "' to let users register");
        }
        runConfirmation(request, provider, email, new BsonDocument("passwordHash", new BsonString(hash))
                .append("createdAt", new BsonDateTime(System.currentTimeMillis())));
    }

    private void retryConfirmation(HttpServletRequest request, AuthProviderDef provider, String email) {
        if (auth.store().identity(ApplicationAuth.LOCAL_USERPASS, email) != null) {
            throw new HookError(ErrorCode.UserAlreadyConfirmed, "already confirmed");
        }
        BsonDocument waiting = pending().find(email);
        if (waiting == null) throw new HookError(ErrorCode.UserNotFound, "user not found");
        if (!flag(provider, "runConfirmationFunction")) {
            throw new HookError(ErrorCode.BadRequest, "provider '" + provider.name() + "' has no confirmation function");
        }
        runConfirmation(request, provider, email, new BsonDocument("passwordHash", waiting.get("passwordHash"))
                .append("createdAt", waiting.get("createdAt")));
    }

    private void runConfirmation(HttpServletRequest request, AuthProviderDef provider, String email,
                                 BsonDocument entry) {
        PendingTokens pending = pending();
        PendingTokens.Pair pair = pending.issue(email, entry);
        String status = status(request, provider, "confirmationFunctionName", pair, email, null, List.of());
        switch (status) {
            case "success" -> confirm(pair.token(), pair.tokenId());
            case "pending" -> { }
            default -> {
                pending.delete(email);
                throw new HookError(ErrorCode.BadRequest, "the confirmation function answered '" + status
                        + "': the user is not registered");
            }
        }
    }

    private void confirm(String token, String tokenId) {
        BsonDocument entry = pending().take(token, tokenId);
        if (entry == null) throw new HookError(ErrorCode.BadRequest, "invalid token data");
        String email = entry.getString("_id").getValue();
        if (!createUser(email, entry.getString("passwordHash").getValue())) {
            throw new HookError(ErrorCode.UserAlreadyConfirmed, "already confirmed");
        }
    }

    private void resetByFunction(HttpServletRequest request, AuthProviderDef provider, String email, String password,
                                 JsonNode arguments) {
        if (!flag(provider, "runResetFunction")) {
            throw new HookError(ErrorCode.BadRequest, NO_EMAIL + "set runResetFunction and resetFunctionName in the "
                    + "config of provider '" + provider.name() + "' to reset passwords");
        }
        if (auth.store().identity(ApplicationAuth.LOCAL_USERPASS, email) == null) {
            throw new HookError(ErrorCode.UserNotFound, "user not found");
        }
        List<BsonValue> args = new ArrayList<>();
        if (arguments != null && !arguments.isNull()) {
            BsonValue parsed = Ejson.parse(arguments.toString());
            if (!parsed.isArray()) throw new HookError(ErrorCode.InvalidParameter, "'arguments' must be an array");
            args.addAll(parsed.asArray().getValues());
        }
        PendingTokens resets = resets();
        PendingTokens.Pair pair = resets.issue(email, new BsonDocument());
        String status = status(request, provider, "resetFunctionName", pair, email, password, args);
        switch (status) {
            case "success" -> reset(pair.token(), pair.tokenId(), password);
            case "pending" -> { }
            default -> {
                resets.delete(email);
                throw new HookError(ErrorCode.BadRequest, "the reset function answered '" + status
                        + "': the password is unchanged");
            }
        }
    }

    private void reset(String token, String tokenId, String password) {
        BsonDocument entry = resets().take(token, tokenId);
        if (entry == null) throw new HookError(ErrorCode.BadRequest, "invalid token data");
        if (!auth.store().setPasswordHash(entry.getString("_id").getValue(), passwords.hash(password))) {
            throw new HookError(ErrorCode.UserNotFound, "user not found");
        }
    }

    /** Runs the provider's confirmation or reset function as System; its {@code status}. */
    private String status(HttpServletRequest request, AuthProviderDef provider, String option,
                          PendingTokens.Pair pair, String email, String password, List<BsonValue> extra) {
        FunctionDef function = manifest.function(ClientHttp.text(provider.config(), option));
        BsonDocument details = new BsonDocument("token", new BsonString(pair.token()))
                .append("tokenId", new BsonString(pair.tokenId()))
                .append("username", new BsonString(email));
        if (password != null) details.put("password", new BsonString(password));
        List<BsonValue> args = new ArrayList<>();
        args.add(details);
        args.addAll(extra);
        BsonValue result = runner.call(function.script(), args,
                ClientHttp.requestData(request, null, function.name(), clientAddress), AppUser.SYSTEM,
                option.replace("Name", "") + " " + function.name());
        BsonValue status = result != null && result.isDocument() ? result.asDocument().get("status") : null;
        if (status == null || !status.isString()) {
            throw new HookError(ErrorCode.FunctionExecutionError, "function '" + function.name()
                    + "' must return {status: \"success\"}, {status: \"pending\"} or {status: \"fail\"}");
        }
        return status.asString().getValue();
    }

    /** @return false when the email already belongs to a user */
    private boolean createUser(String email, String passwordHash) {
        try {
            auth.store().createUser(UserStore.NORMAL, new BsonDocument("email", new BsonString(email)),
                    ApplicationAuth.LOCAL_USERPASS, email, null, new BsonDocument("email", new BsonString(email)),
                    passwordHash);
            return true;
        } catch (UserStore.DuplicateIdentityException e) {
            return false;
        }
    }

    private static void nameInUse() {
        throw new HookError(ErrorCode.AccountNameInUse, "name already in use");
    }

    private PendingTokens pending() {
        return new PendingTokens(auth.store().database().getCollection(PENDING_USERS, BsonDocument.class));
    }

    private PendingTokens resets() {
        return new PendingTokens(auth.store().database().getCollection(PASSWORD_RESETS, BsonDocument.class));
    }

    private static boolean flag(AuthProviderDef provider, String option) {
        return provider.config() != null && provider.config().path(option).asBoolean(false);
    }

    private static String email(JsonNode body) {
        String email = ClientHttp.required(body, "email");
        if (!EMAIL.matcher(email.trim()).matches()) throw new HookError(ErrorCode.BadRequest, "email invalid");
        return ApplicationAuth.normaliseEmail(email);
    }

    private static String password(JsonNode body) {
        String password = ClientHttp.required(body, "password");
        if (password.length() < UserAdmin.MIN_PASSWORD || password.length() > UserAdmin.MAX_PASSWORD) {
            throw new HookError(ErrorCode.BadRequest, "password must be between " + UserAdmin.MIN_PASSWORD + " and "
                    + UserAdmin.MAX_PASSWORD + " characters");
        }
        return password;
    }
}
