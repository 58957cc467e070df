// The page's whole client: realm-web as any browser app used it against App Services. Only baseUrl differs: by
// default the webapp this page is served from (this page sits in its /client/ folder); ?api=<url> points elsewhere.
"use strict";
const APP_ID = "hookstead-example-abcde";
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
$("api").value = params.get("api") || new URL("..", location.href).href.replace(/\/$/, "");
for (const field of ["email", "password"]) if (params.has(field)) $(field).value = params.get(field);

async function run() {
  $("status").textContent = "working";
  $("error").textContent = "";
  try {
    const app = new Realm.App({ id: APP_ID, baseUrl: $("api").value });
    const email = $("email").value;
    const password = $("password").value;
    try {
      await app.emailPasswordAuth.registerUser({ email, password });
    } catch (e) {
      if (e.errorCode !== "AccountNameInUse") throw e; // registered before: just log in
    }
    const user = await app.logIn(Realm.Credentials.emailPassword(email, password));
    $("user").textContent = JSON.stringify({ id: user.id, email: user.profile.email });

    const response = await fetch(`${$("api").value}/app/${APP_ID}/endpoint/orders/status?id=o-7`,
      { headers: { Authorization: `Bearer ${user.accessToken}` } });
    $("endpoint").textContent = `${response.status} ${await response.text()}`;

    $("function").textContent = JSON.stringify(await user.functions.greetMe("Ada"));
    $("status").textContent = "done";
  } catch (e) {
    $("error").textContent = `${e.errorCode || e.name}: ${e.message}`;
    $("status").textContent = "failed";
  }
}

$("form").addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
if (params.has("run")) run();
