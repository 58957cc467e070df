/**
 * The {@code can_evaluate} JSON expression language (spec section 4): {@link dev.hookstead.expression.ExpressionParser}
 * parses once, {@link dev.hookstead.expression.Expression#evaluate} runs per request against
 * {@link dev.hookstead.expression.Expansions}.
 *
 * <p>Semantics where the platform's docs are silent (recorded in docs/compatibility.md):
 * <ul>
 *   <li>Every operator takes either prefix ({@code %in}, {@code $in}), including %and/%or, which also work inside a
 *       field ({@code {"n": {"%and": [{"$gt": 0}, {"$lte": 42}]}}} tests n). %not, %nor and $regex/$options are
 *       supported with MongoDB meaning; other MongoDB query operators ($all, $size, $elemMatch, ...) are rejected.</li>
 *   <li>A plain key means {@code %%args.<key>}. {@code %%root}, {@code %%prevRoot}, {@code %%this}, {@code %%prev} and
 *       {@code %%partition} parse but are missing unless the caller supplies them.</li>
 *   <li>Strings starting with {@code %%} are expanded wherever a value stands, also inside arrays, documents and
 *       {@code %function} arguments; objects whose first key is an Extended JSON wrapper ({@code $oid}, ...) are BSON
 *       literals; an object with {@code %%} keys used as a value is a nested expression giving true or false.</li>
 *   <li>Missing is not null: a missing field equals only a {@code null} literal; a missing expansion used as a value
 *       equals nothing (so two missing sides never match); $ne, $nin, $not and {@code $exists: false} are true on
 *       missing; $in, comparisons, $regex and {@code $exists: true} are false. A missing or non-array $in/$nin list is
 *       an evaluation error.</li>
 *   <li>Arrays: equality, $in and comparisons match the whole array or any element; a path segment through an array of
 *       documents collects that field from each element; a numeric segment indexes.</li>
 *   <li>Comparisons follow BSON order within a type bracket (numbers compare exactly across Int32, Int64, Double and
 *       Decimal128; strings by code point; dates by time) and are false across brackets.</li>
 *   <li>Keys, %and and %or evaluate in document order and stop early, so later {@code %function}s may not run.</li>
 *   <li>Only {@code %%request.requestHeaders.<name>} matches its key ignoring case.</li>
 *   <li>Failures (a function threw, a conversion got bad input) throw {@link dev.hookstead.expression.ExpressionException};
 *       conversions of a missing value stay missing.</li>
 * </ul>
 */
package dev.hookstead.expression;
