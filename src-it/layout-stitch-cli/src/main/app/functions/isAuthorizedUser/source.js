exports = async function(userId) {
  const admins = context.values.get("adminIds") || [];
  return admins.includes(userId);
};
