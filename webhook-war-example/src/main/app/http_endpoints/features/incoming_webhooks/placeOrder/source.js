// Runs as the caller (run_as_authed_user), so the MongoDB rules of shop.orders apply: its rules.json lets every user
// read orders but write none. The read succeeds; the insert is refused with 403 "insert not permitted".
exports = async function(payload) {
  const orders = context.services.get("mongodb-atlas").db("shop").collection("orders");
  const visible = await orders.count({});
  const { item, qty = 1 } = JSON.parse(payload.body.text());
  const { insertedId } = await orders.insertOne({ item, qty, owner_id: context.user.id });
  return { visible, insertedId };
};
