exports = function({ query }) {
  const name = query.name || "world";
  return `Hello, ${name}!`;
};
