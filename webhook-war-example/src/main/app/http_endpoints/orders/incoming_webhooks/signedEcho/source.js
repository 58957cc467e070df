// Modern JavaScript runs unchanged: classes, async/await, spread, optional chaining.
class Receipt {
  constructor(message) {
    this.message = message;
    this.length = message?.length ?? 0;
  }
  get summary() {
    return `${this.message} (${this.length} chars)`;
  }
}

const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 0));

exports = async function(payload, response) {
  const { message } = JSON.parse(payload.body.text());
  const receipt = await later(new Receipt(message));
  response.setStatusCode(201);
  response.setHeader("Content-Type", "application/json");
  response.setBody(JSON.stringify({ ...receipt, summary: receipt.summary }));
};
