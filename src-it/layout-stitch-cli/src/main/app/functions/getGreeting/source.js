exports = function(name) {
  const greeting = context.values.get("greeting");
  return `${greeting}, ${name ?? "stranger"}!`;
};
