import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "@sonde/api";
import { MetricRegistry } from "./registry.js";
import { startForTest } from "./sonde.test-util.js";

const many = metrics.counter("/test/read/many", {
  description: "One series per id.",
  unit: "1",
  tags: { id: "int" },
  maxSeries: 3000,
});
const unused = metrics.distribution("/test/read/unused", {
  description: "Declared, never recorded.",
  unit: "ms",
  owner: "team-read",
});
const build = metrics.constant("/test/read/build_timestamp", {
  description: "Build time.",
  unit: "s",
  value: 1300000000,
});

const last = metrics.counter("/test/read/last", { description: "Declared last.", unit: "1" });

test("readMetrics lists every declared metric, used or not, in declaration order", async () => {
  const { sonde } = startForTest();
  last.add(1); // used first, declared last
  many.add(1, { id: 7 });
  const snapshots = sonde.readMetrics();
  const names = snapshots.map((snapshot) => snapshot.declaration.name);
  const mine = names.filter((name) => name.startsWith("/test/read/"));
  assert.deepEqual(mine, [
    "/test/read/many",
    "/test/read/unused",
    "/test/read/build_timestamp",
    "/test/read/last",
  ]);
  assert.ok(names.includes("/sonde/sdk/metrics/dropped_samples"), "the SDK's own metrics too");
  const byName = new Map(snapshots.map((snapshot) => [snapshot.declaration.name, snapshot]));
  assert.equal(byName.get("/test/read/unused")?.declaration, unused.declaration);
  assert.deepEqual(byName.get("/test/read/unused")?.series, []);
  const [constant] = byName.get("/test/read/build_timestamp")?.series ?? [];
  assert.equal(constant.value, 1300000000n);
  assert.deepEqual([constant.tags, constant.overflow], [{}, false]);
  assert.equal(build.declaration.valueType, "int");
  const [series] = byName.get("/test/read/many")?.series ?? [];
  assert.deepEqual([series.tags, series.value, series.overflow], [{ id: 7 }, 1n, false]);
  assert.ok(Object.isFrozen(series.tags));
  await sonde.shutdown();
});

test("readMetricsIncrementally splits big metrics into chunks with event-loop turns between", async () => {
  const { sonde } = startForTest();
  for (let id = 0; id < 2500; id++) many.add(id + 1, { id });
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const chunks: { size: number; turns: number; first: unknown }[] = [];
  const seen: string[] = [];
  for await (const snapshot of sonde.readMetricsIncrementally(1000)) {
    seen.push(snapshot.declaration.name);
    if (snapshot.declaration !== many.declaration) continue;
    chunks.push({ size: snapshot.series.length, turns, first: snapshot.series[0]?.tags.id });
  }
  ticking = false;
  assert.deepEqual(
    chunks.map(({ size, first }) => [size, first]),
    [
      [1000, 0],
      [1000, 1000],
      [500, 2000],
    ],
  );
  assert.ok(chunks[0].turns < chunks[1].turns && chunks[1].turns < chunks[2].turns);
  assert.equal(new Set(seen).size, sonde.readMetrics().length, "every metric, once or split");
  const values: bigint[] = [];
  for await (const snapshot of sonde.readMetricsIncrementally()) {
    if (snapshot.declaration === many.declaration) {
      for (const series of snapshot.series) values.push(series.value as bigint);
    }
  }
  assert.equal(values.length, 2500, "default chunk size 1000");
  assert.ok(values.every((value, id) => value === BigInt(id + 1)));
  await sonde.shutdown();
});

test("a registry read directly works without the SDK installed; odd chunk sizes fall back", async () => {
  const registry = new MetricRegistry({ maxSeriesPerMetric: 2 });
  const counter = registry.counter(many.declaration);
  for (let id = 0; id < 5; id++) counter.add(1, { id });
  const snapshot = registry.readMetrics().find((s) => s.declaration === many.declaration);
  assert.equal(snapshot?.series.length, 5, "the metric's own limit (3000) wins over 2");
  const sizes: number[] = [];
  for await (const chunk of registry.readMetricsIncrementally(Number.NaN)) {
    if (chunk.declaration === many.declaration) sizes.push(chunk.series.length);
  }
  assert.deepEqual(sizes, [5]);
});
