// Runs as the user its run_as_user_id_script_source picked from the request.
exports = function() {
  return { id: context.user.id, type: context.user.type };
};
