// Greets the caller with a plain value, and shows which partner API key (a secret-backed value) is configured
// without revealing it.
exports = function({ query }) {
  const greeting = context.values.get("greeting");
  const apiKey = context.values.get("partnerApiKey");
  return {
    message: `${greeting}, ${query.name || "stranger"}!`,
    partnerKey: apiKey === undefined ? "not configured" : `…${apiKey.slice(-4)}`
  };
};
