// The seed webhook: store "someField" and answer with the new document's id.
exports = async function(payload, response) {
  const body = EJSON.parse(payload.body.text());
  if (body.someField) {
    const mdb = context.services.get("mongodb-atlas");
    const requests = mdb.db("demo").collection("requests");
    const { insertedId } = await requests.insertOne({ someField: body.someField });
    response.setStatusCode(200);
    response.setBody(`Successfully saved "someField" with _id: ${insertedId}.`);
  } else {
    response.setStatusCode(400);
    response.setBody(`Could not find "someField" in the webhook request body.`);
  }
  // Ignored: the response object was used.
  return { msg: "finished!" };
};
