// Runs as a fixed service-account user (run_as_user_id): the user every call is recorded against.
exports = function() {
  return { id: context.user.id, type: context.user.type };
};
