exports = function(payload, response) {
  response.setStatusCode(200);
  response.addHeader("X-Echo", "1");
  response.setBody(payload.body);
};
