// HTTPS endpoint POST /orders/notify, signed with Endpoint-Signature (secret "notifySecret", supplied at run time
// as HOOKSTEAD_SECRET_NOTIFYSECRET). respond_result is false: a correctly signed call always gets 204 No Content.
exports = function({ body }) {
  const { message } = JSON.parse(body.text());
  console.log(`order notification: ${message}`);
};
