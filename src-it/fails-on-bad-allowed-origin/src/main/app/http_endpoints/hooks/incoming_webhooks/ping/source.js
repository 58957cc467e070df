// Answers a ping with the time it was received.
exports = async function(payload, response) {
  const body = payload.body ? JSON.parse(payload.body.text()) : {};
  response.setStatusCode(200);
  return { pong: true, echo: body.message ?? null, at: new Date().toISOString() };
};
