// Formats each posted order with the private formatOrder function.
exports = async function(payload) {
  const { orders = [] } = JSON.parse(payload.body.text());
  const lines = [];
  for (const order of orders) {
    lines.push(await context.functions.execute("formatOrder", order));
  }
  return { count: lines.length, lines };
};
