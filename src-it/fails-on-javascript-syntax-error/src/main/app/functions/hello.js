exports = function({ query }) {
  const name = query.name || ;
  return `Hello, ${name}!`;
};
