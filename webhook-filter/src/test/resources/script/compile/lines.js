// Transpiling reshapes lines 5 to 13 (class, destructuring, spread), so the throw on line 14 moves.
exports = function(input) {
  var total = 0;

  class Adder {
    constructor(start) { this.value = start; }
    get doubled() { return this.value * 2; }
    add(...more) { for (const m of more) this.value += m; return this; }
  }
  const { a,
          b = 10,
          ...others } = input;
  const [first, second = b] = [a, ...Object.keys(others)];
  if (first) throw new Error("boom " + new Adder(a).add(b, second).doubled);
  return total;
};
