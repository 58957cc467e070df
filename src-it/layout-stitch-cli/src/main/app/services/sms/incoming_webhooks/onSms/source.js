exports = function(payload) {
  const { From: from, Body: body } = payload;
  const reply = context.values.get("greeting") + ", " + from + "! You said: " + body;
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${reply}</Message></Response>`;
};
