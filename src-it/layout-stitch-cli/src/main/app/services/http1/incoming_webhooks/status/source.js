exports = async function({ query, headers }, response) {
  const coll = context.services.get("mongodb-atlas").db("db").collection("c");
  const count = await coll.count({ someField: query.field || "x" });
  response.setHeader("Content-Type", "application/json");
  response.setBody(JSON.stringify({ count, agent: headers["User-Agent"]?.[0] ?? null }));
};
