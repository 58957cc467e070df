exports = function(doc) {
  const { _id, ...rest } = doc;
  return { id: _id.toString(), ...rest };
};
