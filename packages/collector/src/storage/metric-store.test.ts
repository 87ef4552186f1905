import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { HeatmapValue, QueryResult } from "@sonde/protocol/query";
import { type QueryError, runQuery } from "../query/index.js";
import { DuckDbStore } from "./duckdb-store.js";
import type { MetricSample, SeriesDescriptor } from "./metric-series.js";

const S = 1_000_000_000n;
/** A minute boundary (epoch seconds), so that 60 s buckets start here. */
const T0 = 1_699_999_980;
const at = (seconds: number) => BigInt(T0) * S + BigInt(Math.round(seconds * 1e3)) * 1_000_000n;
const iso = (seconds: number) => new Date((T0 + seconds) * 1000).toISOString();

const series = (over: Partial<SeriesDescriptor>): SeriesDescriptor => ({
  name: "/billing/charge_count",
  kind: "counter",
  valueType: "int",
  description: "Charges.",
  unit: "1",
  owner: "team-payments",
  stability: "stable",
  sourceFile: "/srv/billing.ts",
  sourceLine: 12,
  identity: { "service.name": "billing", "host.name": "h1" },
  tags: { route: "/a" },
  bounds: [],
  startTimeUnixNano: at(-100),
  ...over,
});

async function withStore(fn: (path: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), "sonde-metrics-"));
  try {
    await fn(join(dir, "m.duckdb"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const query = (store: DuckDbStore, metric: string, ops: string[], extra: object = {}) =>
  runQuery(store.reader, {
    dataset: "metrics",
    metric,
    time_range: { start: iso(0), end: iso(120) },
    granularity_s: 60,
    calculations: ops.map((op) => ({ op })),
    ...extra,
  }) as Promise<QueryResult>;

/**
 * Prometheus 2.x `extrapolatedRate` for a counter, written from its documented rules (not from
 * the SQL under test): resets by decrease, extrapolation to the window edges within 1.1 average
 * gaps (else half a gap), not below zero at the start; per second of the window.
 */
function promRate(points: [number, number][], rangeStart: number, rangeEnd: number): number | null {
  if (points.length < 2) return null;
  let result = points[points.length - 1][1] - points[0][1];
  for (let i = 1; i < points.length; i++) {
    if (points[i][1] < points[i - 1][1]) result += points[i - 1][1];
  }
  const [first, last] = [points[0], points[points.length - 1]];
  let toStart = first[0] - rangeStart;
  const toEnd = rangeEnd - last[0];
  const sampled = last[0] - first[0];
  const gap = sampled / (points.length - 1);
  if (result > 0 && first[1] >= 0) toStart = Math.min(toStart, sampled * (first[1] / result));
  let interval = sampled;
  interval += toStart < gap * 1.1 ? toStart : gap / 2;
  interval += toEnd < gap * 1.1 ? toEnd : gap / 2;
  return (result * (interval / sampled)) / (rangeEnd - rangeStart);
}

test("counter resets (new start time, then a decrease) give an exact INCREASE and Prometheus' RATE", async () => {
  await withStore(async (path) => {
    const store = await DuckDbStore.open(path);
    try {
      const [id] = await store.metrics.defineSeries([series({})]);
      // [seconds, cumulative value, start time]: unchanged at 25 s, a restart at 45 s, a decrease at 65 s.
      const stream: [number, number, bigint][] = [
        [5, 10, at(-100)],
        [15, 25, at(-100)],
        [25, 25, at(-100)],
        [35, 40, at(-100)],
        [45, 3, at(40)],
        [55, 8, at(40)],
        [65, 2, at(40)],
        [75, 6, at(40)],
      ];
      for (const [s, v, start] of stream) {
        if (s === 25) await store.metrics.appendSamples([], { timeUnixNano: at(s), series: [id] });
        else
          await store.metrics.appendSamples([
            { series: id, timeUnixNano: at(s), value: v, startTimeUnixNano: start },
          ]);
      }
      const r = await query(store, "/billing/charge_count", ["INCREASE", "RATE"]);
      // 10 counted since the known start, +15, +0, +15, 3 after the restart, +5, 2 after the decrease, +4.
      assert.equal(r.totals[0].values.INCREASE, 54);
      assert.deepEqual(
        r.series[0].points.map((pt) => pt.values.INCREASE),
        [48, 6],
      );
      const points = stream.map(([s, v]) => [s, v] as [number, number]);
      const rate = (from: number, to: number) =>
        promRate(
          points.filter(([s]) => s >= from && s < to),
          from,
          to,
        ) as number;
      const close = (a: unknown, b: number) =>
        assert.ok(Math.abs((a as number) - b) < 1e-9, `${a} ≈ ${b}`);
      close(r.series[0].points[0].values.RATE, rate(0, 60));
      close(r.series[0].points[1].values.RATE, rate(60, 120));
      close(r.totals[0].values.RATE, rate(0, 120));
    } finally {
      await store.close();
    }
  });
});

test("gauges: unchanged samples count in AVG as if stored; LAST sums series; breakdown and filter by identity and tag", async () => {
  await withStore(async (path) => {
    const store = await DuckDbStore.open(path);
    try {
      const [a, b] = await store.metrics.defineSeries([
        series({ name: "/proc/heap", kind: "gauge", valueType: "double", tags: {} }),
        series({
          name: "/proc/heap",
          kind: "gauge",
          valueType: "double",
          tags: {},
          identity: { "service.name": "web", "host.name": "h2" },
        }),
      ]);
      await store.metrics.appendSamples([
        { series: a, timeUnixNano: at(1), value: 10 },
        { series: b, timeUnixNano: at(1), value: 100 },
      ]);
      for (let s = 2; s <= 9; s++) {
        const changed: MetricSample[] =
          s === 5 ? [{ series: a, timeUnixNano: at(s), value: 4 }] : [];
        const same = s === 5 ? [b] : [a, b];
        await store.metrics.appendSamples(changed, { timeUnixNano: at(s), series: same });
      }
      // Series a: 10 ×4, then 4 ×5; series b: 100 ×9.
      const r = await query(store, "/proc/heap", ["AVG", "MIN", "MAX", "LAST"]);
      assert.deepEqual(r.totals[0].values, {
        AVG: (10 * 4 + 4 * 5 + 100 * 9) / 18,
        MIN: 4,
        MAX: 100,
        LAST: 104,
      });
      const byService = await query(store, "/proc/heap", ["AVG"], {
        breakdowns: ["service.name"],
      });
      assert.deepEqual(
        byService.totals.map((t) => [t.group["service.name"], t.values.AVG]),
        [
          ["web", 100],
          ["billing", 60 / 9],
        ],
      );
      const filtered = await query(store, "/proc/heap", ["MAX"], {
        filters: [{ column: "host.name", op: "=", value: "h1" }],
      });
      assert.equal(filtered.totals[0].values.MAX, 10);
      await assert.rejects(
        query(store, "/proc/heap", ["RATE"]),
        (e: QueryError) => e.path === "calculations[0].op" && /RATE does not apply/.test(e.message),
      );
      await assert.rejects(query(store, "/nope", ["AVG"]), (e: QueryError) => e.path === "metric");
    } finally {
      await store.close();
    }
  });
});

test("distributions merge buckets across series (cumulative and delta input): COUNT, SUM, percentiles, HEATMAP", async () => {
  await withStore(async (path) => {
    const store = await DuckDbStore.open(path);
    try {
      const bounds = [10, 20, 40];
      const [a, b] = await store.metrics.defineSeries([
        series({
          name: "/rpc/latency",
          kind: "distribution",
          valueType: "double",
          bounds,
          tags: { route: "/a" },
        }),
        series({
          name: "/rpc/latency",
          kind: "distribution",
          valueType: "double",
          bounds,
          tags: { route: "/b" },
        }),
      ]);
      const dist = (count: number, sum: number, bucketCounts: number[], delta: boolean) => ({
        count,
        sum,
        min: 1,
        max: 70,
        bucketCounts,
        delta,
      });
      // a: cumulative since its start — 2 observations, then 3 more; b: deltas of 4, then 1.
      await store.metrics.appendSamples([
        { series: a, timeUnixNano: at(10), distribution: dist(2, 15, [1, 1, 0, 0], false) },
        { series: b, timeUnixNano: at(10), distribution: dist(4, 100, [0, 0, 3, 1], true) },
      ]);
      await store.metrics.appendSamples([
        { series: a, timeUnixNano: at(70), distribution: dist(5, 60, [2, 2, 1, 0], false) },
        { series: b, timeUnixNano: at(70), distribution: dist(1, 30, [0, 0, 1, 0], true) },
      ]);
      const r = await query(store, "/rpc/latency", ["COUNT", "SUM", "P50", "P99", "HEATMAP"]);
      const total = r.totals[0].values;
      assert.equal(total.COUNT, 10);
      assert.equal(total.SUM, 60 + 130);
      // Merged: (≤10] 2, (10,20] 2, (20,40] 5, +Inf 1. Rank 5 falls in (20,40]: 20 + 20 × 1/5.
      assert.equal(total.P50, 24);
      // Rank 9.9 falls in the +Inf bucket: the highest finite bound.
      assert.equal(total.P99, 40);
      assert.deepEqual((total.HEATMAP as HeatmapValue).buckets, [
        { lower: 1, upper: 10, count: 2 },
        { lower: 10, upper: 20, count: 2 },
        { lower: 20, upper: 40, count: 5 },
        { lower: 40, upper: 70, count: 1 },
      ]);
      assert.deepEqual(
        r.series[0].points.map((pt) => pt.values.COUNT),
        [6, 4],
      );
      const byRoute = await query(store, "/rpc/latency", ["COUNT"], { breakdowns: ["route"] });
      assert.deepEqual(
        byRoute.totals.map((t) => [t.group.route, t.values.COUNT]),
        [
          ["/a", 5],
          ["/b", 5],
        ],
      );
    } finally {
      await store.close();
    }
  });
});

test("a store reopened mid-stream continues deltas, cumulative values and distributions exactly", async () => {
  await withStore(async (path) => {
    const counter = series({});
    const dist = series({
      name: "/rpc/latency",
      kind: "distribution",
      valueType: "double",
      bounds: [1],
    });
    let store = await DuckDbStore.open(path);
    let [c, d] = await store.metrics.defineSeries([counter, dist]);
    await store.metrics.appendSamples([
      { series: c, timeUnixNano: at(5), delta: 3 },
      {
        series: d,
        timeUnixNano: at(5),
        distribution: { count: 2, sum: 3, min: 1, max: 2, bucketCounts: [1, 1], delta: false },
      },
    ]);
    await store.metrics.appendSamples([{ series: c, timeUnixNano: at(15), delta: 4 }]);
    await store.close();

    store = await DuckDbStore.open(path);
    try {
      [c, d] = await store.metrics.defineSeries([counter, dist]);
      assert.deepEqual([c, d], [1, 2], "the same series get the same ids after a restart");
      await store.metrics.appendSamples([
        { series: c, timeUnixNano: at(25), delta: 5 },
        {
          series: d,
          timeUnixNano: at(25),
          distribution: { count: 5, sum: 9, min: 1, max: 3, bucketCounts: [2, 3], delta: false },
        },
      ]);
      await store.metrics.appendSamples([], { timeUnixNano: at(35), series: [c] });
      // A duplicate of an already stored sample is skipped.
      await store.metrics.appendSamples([{ series: c, timeUnixNano: at(25), delta: 5 }]);
      assert.equal(store.metrics.skippedSamples, 1);
      const r = await query(store, "/billing/charge_count", ["INCREASE"]);
      assert.equal(r.totals[0].values.INCREASE, 12);
      const values = await store.reader.runAndReadAll(
        "SELECT value FROM metric_samples WHERE series = 1 ORDER BY t",
      );
      assert.deepEqual(
        values.getRowObjectsJS().map((row) => row.value),
        [3, 7, 12, 12],
      );
      const q = await query(store, "/rpc/latency", ["COUNT", "SUM", "HEATMAP"]);
      assert.equal(q.totals[0].values.COUNT, 5);
      assert.equal(q.totals[0].values.SUM, 9);
      assert.deepEqual(
        (q.totals[0].values.HEATMAP as HeatmapValue).buckets.map((b) => b.count),
        [2, 3],
      );
    } finally {
      await store.close();
    }
  });
});

test("invalid samples are refused naming the field, and nothing of the call is stored", async () => {
  await withStore(async (path) => {
    const store = await DuckDbStore.open(path);
    try {
      const [id] = await store.metrics.defineSeries([series({})]);
      await assert.rejects(
        store.metrics.appendSamples([
          { series: id, timeUnixNano: at(1), value: 1 },
          { series: 99, timeUnixNano: at(1), value: 1 },
        ]),
        /samples\[1\]\.series: unknown series 99/,
      );
      await assert.rejects(
        store.metrics.defineSeries([series({ kind: "histogram" as "gauge" })]),
        /series\[0\]\.kind/,
      );
      const n = await store.reader.runAndReadAll(
        "SELECT count(*)::INTEGER AS n FROM metric_samples",
      );
      assert.equal(n.getRowObjectsJS()[0].n, 0);
    } finally {
      await store.close();
    }
  });
});
