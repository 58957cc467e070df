// HTTPS endpoint GET /orders/status?id=...: the return value is the body, even after setStatusCode.
// return_type JSON answers plain JSON (dates as ISO strings, decimals as strings);
// a caller sending "Accept: application/ejson" gets canonical EJSON instead.
exports = function({ query }, response) {
  if (!query.id) {
    response.setStatusCode(400);
    return { error: "pass the order id as ?id=" };
  }
  response.setHeader("Cache-Control", "no-store");
  return {
    id: query.id,
    status: "shipped",
    shippedAt: new Date(Date.UTC(2024, 2, 17, 9, 30, 0)),
    total: BSON.Decimal128.fromString("42.50"),
    items: 3,
  };
};
