exports = function(order) {
  return `${order.id}: ${order.status}`;
};
