import assert from "node:assert/strict";
import { test } from "node:test";
import { entropyFloor } from "./collection-entropy.js";
import { collectionWorkload, steadySamples } from "./collection-workload.js";

test("the workload has issue 5's shape and is the same for the same seed", () => {
  const w = collectionWorkload();
  assert.equal(w.series.length, 1000);
  const kinds = w.series.map((s) => s.metric.kind);
  assert.deepEqual(
    ["counter", "gauge", "distribution"].map((k) => kinds.filter((x) => x === k).length),
    [600, 300, 100],
  );
  assert.equal(
    new Set(w.series.map((s) => `${s.metric.name}${s.tags.route}${s.tags.method}`)).size,
    1000,
  );
  assert.equal(w.start.changes.length, 1000);
  assert.equal(w.intervals.length, 600);
  assert.equal(steadySamples(w), 590_000);
  for (const interval of w.intervals) {
    const ids = interval.changes.map((c) => c.series);
    assert.equal(ids.length, 100);
    assert.ok(
      ids.every((id, i) => i === 0 || id > ids[i - 1]),
      "ids ascending and distinct",
    );
  }
  assert.deepEqual(collectionWorkload().intervals[599], w.intervals[599]);
  assert.notDeepEqual(collectionWorkload({ seed: 6 }).intervals[0], w.intervals[0]);
});

test("each change is consistent with the series' previous value", () => {
  const w = collectionWorkload();
  const value = new Map<number, number>();
  for (const interval of [w.start, ...w.intervals]) {
    for (const c of interval.changes) {
      const kind = w.series[c.series].metric.kind;
      const before = value.get(c.series) ?? 0;
      if (kind === "counter") assert.ok(c.delta >= 1 && c.delta <= 10);
      if (kind === "gauge" && interval.index >= 0) {
        assert.ok(Math.abs(c.delta) >= 1 && Math.abs(c.delta) <= 3);
      }
      if (kind === "gauge") assert.ok(c.value >= 0);
      if (kind === "distribution") {
        assert.ok(c.observations.length >= 1 && c.observations.length <= 5);
        assert.equal(c.delta, c.observations.length);
        assert.ok(c.observations.every((v) => v > 0 && Number.isFinite(v)));
      } else assert.equal(c.observations.length, 0);
      if (interval.index >= 0 || kind !== "gauge") assert.equal(c.value, before + c.delta);
      value.set(c.series, c.value);
    }
  }
});

test("the entropy floor counts which series changed and one varint per simple change", () => {
  const w = collectionWorkload();
  const floor = entropyFloor(w);
  // log2 C(1000, 100) ≈ 464.4 bits per interval.
  assert.ok(Math.abs(floor.whichBytes / 590 - 58.05) < 0.1, `${floor.whichBytes / 590}`);
  // ~90 one-byte counter/gauge changes per interval, and ~10 distributions of 3–11 bytes each
  // (a count, then 1–5 (bucket gap, count) pairs).
  const perInterval = floor.valueBytes / 590;
  assert.ok(perInterval > 120 && perInterval < 200, `${perInterval}`);
  assert.equal(floor.samples, 590_000);
});
