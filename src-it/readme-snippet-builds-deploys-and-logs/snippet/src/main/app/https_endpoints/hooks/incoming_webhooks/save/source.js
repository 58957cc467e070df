// Stores the message it is sent and answers with it.
exports = async function(payload) {
  const { message } = JSON.parse(payload.body.text());
  const { insertedId } = await context.services.get("mongodb-atlas").db("first").collection("messages")
    .insertOne({ message });
  return { saved: message, id: insertedId.toString() };
};
