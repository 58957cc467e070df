// Drives the official realm-web SDK against a Hookstead filter, unmodified but for its baseUrl.
// Prints one JSON line per step: {"step": name, "value": ...} or {"step": name, "error": {...}}.
// RealmWebSdkTest starts the server, runs this script and asserts on every line.
"use strict";
const Realm = require("realm-web");
const crypto = require("crypto");

const base = process.env.HOOKSTEAD_BASE_URL;
const appId = process.env.HOOKSTEAD_APP_ID;
const jwtKey = process.env.HOOKSTEAD_JWT_KEY;

function print(step, result) {
  console.log(JSON.stringify({ step, ...result }));
}

async function step(name, fn) {
  try {
    const value = await fn();
    print(name, { value: value === undefined ? null : value });
    return value;
  } catch (e) {
    print(name, { error: { message: e.message, statusCode: e.statusCode, errorCode: e.errorCode, error: e.error } });
    return undefined;
  }
}

function jwt(sub, name) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = enc({ alg: "HS256", typ: "JWT" }) + "." + enc({ sub, aud: appId, exp: now + 300, iat: now, name });
  return body + "." + crypto.createHmac("sha256", jwtKey).update(body).digest("base64url");
}

async function raw(method, path, token) {
  const response = await fetch(base + path, { method, headers: token ? { Authorization: "Bearer " + token } : {} });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function main() {
  const app = new Realm.App({ id: appId, baseUrl: base });
  const auth = app.emailPasswordAuth;
  const login = (email, password) => app.logIn(Realm.Credentials.emailPassword(email, password));

  // registration: the confirmation function confirms at once unless the email starts with "later"
  await step("register", () => auth.registerUser({ email: "Ada@Example.com", password: "secret-1" }));
  await step("registerTaken", () => auth.registerUser({ email: "ada@example.com", password: "secret-1" }));
  await step("registerShortPassword", () => auth.registerUser({ email: "bob@example.com", password: "12345" }));
  const user = await login("ada@example.com", "secret-1");
  await step("profile", () => ({ id: user.id, email: user.profile.email, providers: user.identities.map((i) => i.providerType),
    state: user.state, customData: user.customData }));

  // functions, with EJSON arguments, as the calling user
  await step("sum", () => user.functions.sum(2, 3));
  await step("echo", () => user.functions.echo({ when: new Date(86400000), id: new Realm.BSON.ObjectId("5f0a1b2c3d4e5f6a7b8c9d01"),
    big: Realm.BSON.Long.fromString("9007199254740993"), dec: Realm.BSON.Decimal128.fromString("1.10") }).then((r) => ({
      whenIsDate: r.when instanceof Date, when: r.when.toISOString(), id: r.id.toHexString(), big: r.big.toString(),
      dec: r.dec.toString(), types: r.types })));
  await step("whoami", () => user.functions.whoami());
  await step("asSystem", () => user.functions.asSystem());
  await step("private", () => user.functions.hidden());
  await step("unknown", () => user.callFunction("noSuchFunction"));
  await step("throws", () => user.functions.thrower());
  await step("denied", () => user.functions.onlyServers());

  // an endpoint and a webhook called with the SDK's access token
  await step("endpoint", async () => {
    const r = await fetch(base + "/app/" + appId + "/endpoint/hello", { headers: { Authorization: "Bearer " + user.accessToken } });
    return { status: r.status, body: await r.json() };
  });

  // refresh
  await step("refresh", async () => {
    const before = user.accessToken;
    await user.refreshAccessToken();
    return { changed: before !== user.accessToken, sum: await user.functions.sum(1, 1) };
  });
  await step("expiredAccessTokenIsRefreshed", async () => {
    user.accessToken = user.accessToken.slice(0, -4) + "AAAA";
    return user.functions.sum(20, 22);
  });

  // custom user data travels in the access token and is re-read when it is refreshed
  await step("customData", async () => {
    const before = user.customData;
    await user.functions.setPlan(user.id, "gold");
    return { before, after: (await user.refreshCustomData()).plan };
  });

  // user API keys
  const key = await step("apiKeyCreate", () => user.apiKeys.create("laptop"));
  await step("apiKeyCreateTaken", () => user.apiKeys.create("laptop"));
  await step("apiKeyList", () => user.apiKeys.fetchAll());
  await step("apiKeyFetch", () => user.apiKeys.fetch(key._id));
  await step("apiKeyLogin", async () => (await app.logIn(Realm.Credentials.apiKey(key.key))).id === user.id);
  await step("apiKeyDisable", () => user.apiKeys.disable(key._id));
  await step("apiKeyDisabledLogin", () => app.logIn(Realm.Credentials.apiKey(key.key)));
  await step("apiKeyEnable", async () => {
    await user.apiKeys.enable(key._id);
    return (await app.logIn(Realm.Credentials.apiKey(key.key))).id === user.id;
  });
  await step("apiKeyDelete", async () => {
    await user.apiKeys.delete(key._id);
    return user.apiKeys.fetchAll();
  });
  await step("apiKeyDeletedFetch", () => user.apiKeys.fetch(key._id));
  await step("apiKeyDeletedLogin", () => app.logIn(Realm.Credentials.apiKey(key.key)));

  // a pending registration, confirmed with the token the confirmation function saw
  await step("registerPending", () => auth.registerUser({ email: "later@example.com", password: "secret-9" }));
  await step("pendingLogin", () => login("later@example.com", "secret-9"));
  await step("retryConfirmation", () => auth.retryCustomConfirmation({ email: "later@example.com" }));
  const pending = await step("pendingToken", () => user.functions.lastToken("later@example.com"));
  await step("confirm", () => auth.confirmUser({ token: pending.token, tokenId: pending.tokenId }));
  await step("confirmAgain", () => auth.confirmUser({ token: pending.token, tokenId: pending.tokenId }));
  await step("confirmedLogin", async () => (await login("later@example.com", "secret-9")).profile.email);
  await step("confirmationEmail", () => auth.resendConfirmationEmail({ email: "later@example.com" }));

  // password reset through the reset function: "now" succeeds at once, "wait" is pending
  await step("resetNow", () => auth.callResetPasswordFunction({ email: "ada@example.com", password: "secret-2" }, "now"));
  await step("oldPassword", () => login("ada@example.com", "secret-1"));
  await step("newPassword", async () => (await login("ada@example.com", "secret-2")).id === user.id);
  await step("resetWait", () => auth.callResetPasswordFunction({ email: "ada@example.com", password: "ignored" }, "wait"));
  const reset = await step("resetToken", () => user.functions.lastToken("ada@example.com"));
  await step("reset", () => auth.resetPassword({ token: reset.token, tokenId: reset.tokenId, password: "secret-3" }));
  await step("resetPasswordLogin", async () => (await login("ada@example.com", "secret-3")).id === user.id);
  await step("resetUnknownUser", () => auth.callResetPasswordFunction({ email: "nobody@example.com", password: "secret-4" }));
  await step("resetEmail", () => auth.sendResetPasswordEmail({ email: "ada@example.com" }));

  // custom JWT, the login of the report
  await step("jwtLogin", async () => {
    const jwtUser = await app.logIn(Realm.Credentials.jwt(jwt("sub-42", "Grace")));
    return { name: jwtUser.profile.name, whoami: await jwtUser.functions.whoami() === jwtUser.id };
  });

  // logout revokes the refresh token; deleting a user removes it
  const current = await login("ada@example.com", "secret-3");
  const refreshToken = current.refreshToken;
  await step("logout", async () => {
    await current.logOut();
    return current.state;
  });
  await step("refreshAfterLogout", () => raw("POST", "/api/client/v2.0/auth/session", refreshToken));
  await step("logoutAgain", () => raw("DELETE", "/api/client/v2.0/auth/session", refreshToken));
  await step("deleteUser", async () => {
    const doomed = await login("later@example.com", "secret-9");
    await app.deleteUser(doomed);
    return Object.keys(app.allUsers).includes(doomed.id);
  });
  await step("deletedLogin", () => login("later@example.com", "secret-9"));
}

main().then(() => print("done", { value: true }), (e) => {
  print("crashed", { error: { message: e.message, stack: e.stack } });
  process.exitCode = 1;
});
