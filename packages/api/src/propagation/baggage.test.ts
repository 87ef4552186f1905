import assert from "node:assert/strict";
import { test } from "node:test";
import { ROOT_CONTEXT } from "../context/context.js";
import { propagation } from "./api.js";
import { createBaggage, getBaggage } from "./baggage.js";
import { fetchHeadersGetter, headersGetter, mapGetter, mapSetter } from "./carriers.js";

test("baggage is immutable: setEntry and removeEntry return new baggage", () => {
  const empty = createBaggage();
  const one = empty.setEntry("tenant", { value: "acme", metadata: "ttl=30" });
  const two = one.setEntry("user", { value: "alice" }).setEntry("tenant", { value: "other" });
  assert.equal(empty.size, 0);
  assert.deepEqual(one.getAllEntries(), [["tenant", { value: "acme", metadata: "ttl=30" }]]);
  assert.deepEqual(two.getAllEntries(), [
    ["tenant", { value: "other" }],
    ["user", { value: "alice" }],
  ]);
  assert.equal(two.removeEntry("missing"), two);
  assert.deepEqual(two.removeEntry("tenant").getAllEntries(), [["user", { value: "alice" }]]);
  assert.equal(one.getEntry("tenant")?.value, "acme", "earlier baggage unchanged");
});

test("createBaggage takes strings or entries; odd input is coerced, never thrown", () => {
  const baggage = createBaggage({ a: "1", b: { value: "2", metadata: "" } });
  assert.deepEqual(baggage.getAllEntries(), [
    ["a", { value: "1" }],
    ["b", { value: "2" }],
  ]);
  const odd = createBaggage().setEntry("n", { value: 5 } as unknown as { value: string });
  assert.deepEqual(odd.getEntry("n"), { value: "5" });
});

test("contexts carry baggage; without an SDK propagation is a noop", () => {
  assert.equal(getBaggage(ROOT_CONTEXT), undefined);
  const ctx = propagation.setBaggage(ROOT_CONTEXT, createBaggage({ k: "v" }));
  assert.equal(propagation.getBaggage(ctx)?.getEntry("k")?.value, "v");
  assert.equal(propagation.getBaggage(propagation.deleteBaggage(ctx)), undefined);
  assert.equal(propagation.getBaggage(), undefined, "the active (root) context has none");
  // Baggage made by another copy of the api (another class) is still found.
  const foreign = { getAllEntries: () => [], getEntry: () => undefined, size: 0 };
  const withForeign = ROOT_CONTEXT.setValue(Symbol.for("sonde.context.baggage"), foreign);
  assert.equal(propagation.getBaggage(withForeign), foreign);
  const headers: Record<string, string> = {};
  propagation.inject(headers, undefined, ctx);
  assert.deepEqual(headers, {});
  assert.equal(propagation.extract({ baggage: "k=v" }, undefined, ROOT_CONTEXT), ROOT_CONTEXT);
  assert.deepEqual(propagation.fields(), []);
});

test("carrier getters read what they can and ignore the rest", () => {
  const headers = { a: "1", n: 2, list: ["x", "y"], mixed: ["x", 3] } as unknown as Record<
    string,
    string
  >;
  assert.equal(headersGetter.get(headers, "a"), "1");
  assert.equal(headersGetter.get(headers, "n"), "2");
  assert.deepEqual(headersGetter.get(headers, "list"), ["x", "y"]);
  assert.equal(headersGetter.get(headers, "mixed"), undefined);
  assert.deepEqual(headersGetter.keys(headers), ["a", "n", "list", "mixed"]);
  const fetchHeaders = new Headers([
    ["Baggage", "a=1"],
    ["baggage", "b=2"],
  ]);
  assert.equal(fetchHeadersGetter.get(fetchHeaders, "baggage"), "a=1, b=2");
  assert.equal(fetchHeadersGetter.get(fetchHeaders, "traceparent"), undefined);
  const map = new Map<string, unknown>([["size", 3]]);
  mapSetter.set(map, "traceparent", "x");
  assert.equal(mapGetter.get(map, "traceparent"), "x");
  assert.equal(mapGetter.get(map, "size"), undefined);
  assert.deepEqual(mapGetter.keys(map), ["size", "traceparent"]);
});
