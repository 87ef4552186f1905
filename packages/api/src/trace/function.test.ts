import assert from "node:assert/strict";
import { test } from "node:test";
import { context } from "../context/api.js";
import { createContextKey, ROOT_CONTEXT } from "../context/context.js";
import { trace } from "./api.js";

test("without an SDK, trace(name, fn) only calls fn: this, arguments, results, errors", async () => {
  const counter = {
    total: 0,
    add: trace("add", function (this: { total: number }, a: number, b: number) {
      this.total += a + b;
      return this.total;
    }),
  };
  assert.equal(counter.add(2, 3), 5);
  assert.equal(counter.total, 5);
  const failure = new TypeError("nope");
  const throws = trace("throws", () => {
    throw failure;
  });
  assert.throws(
    () => throws(),
    (error) => error === failure,
  );
  const rejects = trace("rejects", async () => {
    throw failure;
  });
  await assert.rejects(rejects(), (error) => error === failure);
  assert.equal(await trace("resolves", async (x: string) => `${x}!`)("ok"), "ok!");
  assert.equal(trace.activeSpan(), undefined);
});

test("contexts: values shadow, deletions shadow, long chains stay correct", () => {
  const a = createContextKey("a");
  const b = createContextKey("b");
  const one = ROOT_CONTEXT.setValue(a, 1).setValue(b, 2);
  const two = one.setValue(a, 3);
  assert.equal(one.getValue(a), 1);
  assert.equal(two.getValue(a), 3);
  assert.equal(two.getValue(b), 2);
  const deleted = two.deleteValue(a);
  assert.equal(deleted.getValue(a), undefined);
  assert.equal(deleted.getValue(b), 2);
  assert.equal(deleted.deleteValue(a), deleted, "deleting an absent key returns the context");
  let long = ROOT_CONTEXT;
  const keys = Array.from({ length: 50 }, (_, i) => createContextKey(`k${i}`));
  for (let round = 0; round < 20; round++) {
    keys.forEach((key, i) => {
      long = long.setValue(key, round * 100 + i);
    });
  }
  long = long.deleteValue(keys[7]);
  keys.forEach((key, i) => {
    assert.equal(long.getValue(key), i === 7 ? undefined : 1900 + i);
  });
  assert.equal(context.active(), ROOT_CONTEXT, "no SDK: the root context is active");
});
