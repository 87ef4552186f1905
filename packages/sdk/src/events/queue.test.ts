import assert from "node:assert/strict";
import { test } from "node:test";
import { diag } from "@sonde/api";
import { BoundedQueue } from "./queue.js";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

test("first in, first out across wrapping, growing and partial takes", () => {
  const queue = new BoundedQueue<number>("test", 5000);
  let next = 0;
  let expected = 0;
  // Sizes that wrap the 1,024-slot ring, grow it (to 2,048 and 4,096) and empty it.
  for (const [pushes, takes] of [
    [700, 300],
    [600, 200],
    [1500, 1000],
    [2000, 3300],
    [10, 5],
    [0, 5],
  ]) {
    for (let i = 0; i < pushes; i++) assert.equal(queue.push(next++), true);
    const taken = queue.take(takes);
    assert.deepEqual(taken, range(expected, expected + takes));
    expected += takes;
    assert.equal(queue.size, next - expected);
  }
  assert.deepEqual(queue.take(), []);
  assert.equal(queue.dropped, 0);
});

test("take() hands everything over, and the queue goes on", () => {
  const queue = new BoundedQueue<string>("test", 10);
  for (const item of ["a", "b", "c"]) queue.push(item);
  const all = queue.take();
  assert.deepEqual(all, ["a", "b", "c"]);
  queue.push("d");
  assert.deepEqual(all, ["a", "b", "c"], "the batch handed over is not reused");
  assert.deepEqual(queue.take(Number.POSITIVE_INFINITY), ["d"]);
  queue.push("e");
  assert.deepEqual(queue.take(0), []);
  assert.deepEqual(queue.take(-1), []);
  assert.deepEqual(queue.take(Number.NaN), []);
  assert.deepEqual(queue.take(1.7), ["e"]);
  assert.equal(queue.size, 0);
});

test("a full queue drops the newest items, counts them and reports queue_full", () => {
  const reports: string[] = [];
  const unsubscribe = diag.subscribe((event) => reports.push(`${event.code} ${event.key}`));
  try {
    const queue = new BoundedQueue<number>("bounded-test", 3);
    assert.deepEqual(
      range(0, 5).map((n) => queue.push(n)),
      [true, true, true, false, false],
    );
    assert.equal(queue.dropped, 2);
    assert.deepEqual(reports, ["queue_full bounded-test"]);
    assert.deepEqual(queue.take(2), [0, 1]);
    assert.equal(queue.push(5), true);
    assert.equal(queue.push(6), true);
    assert.equal(queue.push(7), false);
    assert.deepEqual(queue.take(), [2, 5, 6]);
    assert.equal(queue.dropped, 3);
  } finally {
    unsubscribe();
  }
});

test("a queue of capacity 0 keeps nothing", () => {
  const queue = new BoundedQueue<number>("empty-test", 0);
  assert.equal(queue.push(1), false);
  assert.equal(queue.dropped, 1);
  assert.deepEqual(queue.take(), []);
});
