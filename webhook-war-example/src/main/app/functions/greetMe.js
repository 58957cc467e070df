// Called by client apps with the SDK: user.functions.greetMe("Ada"). With no run_as_* setting a function runs as
// the calling user, so context.user is whoever logged in (and MongoDB rules apply to what it reads or writes).
exports = function(name) {
  return {
    message: `${context.values.get("greeting")}, ${name || context.user.data.email}!`,
    userId: context.user.id,
    email: context.user.data.email,
  };
};
