// One module using every transpiled feature, to check the prelude defines each helper it references.
class Base { constructor(x) { this.x = x; } get twice() { return this.x * 2; } static of(x) { return new this(x); } }
class Derived extends Base { constructor(x) { super(x); this.y = 1; } field = 3; }
class Failure extends Error {}
function* gen() { yield 1; yield* [2, 3]; }
async function* agen() { yield 1; }
const tag = (s, ...v) => s.raw.join('') + v.join('');
exports = async function({ query, headers = {} }, [a, , ...rest] = []) {
  const { x, ...others } = { ...query, extra: 1 };
  const list = [...gen(), ...new Set([1, 2])];
  for (const [k, v] of new Map([[1, 2]])) list.push(k + v);
  for await (const v of agen()) list.push(v);
  let n = null; n ??= query?.deep?.value ?? 2 ** 3; n ||= 1;
  const fn = (...args) => Math.max(...args);
  await Promise.all([Promise.resolve(1)]);
  return [tag`a${1}`, fn(...list), x, others, rest, n, Derived.of(1).twice, new Failure('f') instanceof Error];
};
