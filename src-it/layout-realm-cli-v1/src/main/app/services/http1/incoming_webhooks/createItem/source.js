// Stores the posted document and answers with its id.
exports = async function(payload, response) {
  const doc = EJSON.parse(payload.body.text());
  const { insertedId } = await context.services
    .get("mongodb-atlas")
    .db("db")
    .collection("c")
    .insertOne({ someField: doc.someField ?? "x", receivedAt: new Date() });
  response.setStatusCode(201);
  return insertedId;
};
