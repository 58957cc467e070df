exports = function(payload) {
  return { pong: true, items: [1, 2, 3].length, pi: 3.14159, who: payload.query.name || "anonymous" };
};
