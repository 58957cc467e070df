// One webhook, several methods: branch on context.request.httpMethod.
exports = function({ query, body }, response) {
  switch (context.request.httpMethod) {
    case "GET":
      return { order: query.id ?? null, status: "shipped", query: context.request.rawQueryString };
    case "POST": {
      const { id, status = "new", ...rest } = JSON.parse(body.text());
      return { order: id, status, extra: Object.keys(rest) };
    }
    default:
      response.setStatusCode(405);
      response.setBody(`${context.request.httpMethod} is not supported`);
  }
};
