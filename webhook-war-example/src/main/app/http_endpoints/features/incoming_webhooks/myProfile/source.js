// Application authentication: the caller's own credentials (here a custom JWT in the jwtTokenString header)
// pick the user; create_user_on_auth makes the user on first sight.
exports = function() {
  const { id, type, data, identities } = context.user;
  return { id, type, name: data.name ?? null, providers: identities.map((i) => i.provider_type) };
};
