exports = function({ query, headers, body }) {
  const name = query.name || "world";
  return { message: `Hello, ${name}!`, seen: new Date() };
};
