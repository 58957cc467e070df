exports = async function({ body }, response) {
  const { items = [] } = JSON.parse(body.text());
  const coll = context.services.get("mongodb-atlas").db("app").collection("items");
  const { insertedIds } = await coll.insertMany(items.map((i) => ({ ...i, owner: context.user.id })));
  response.setStatusCode(201);
  return Object.values(insertedIds);
};
