import assert from "node:assert/strict";
import { test } from "node:test";
import { diag, metrics } from "@sonde/api";
import type { MetricPointRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { OVERFLOW_ATTRIBUTES } from "./series-table.js";

// Declared and bound at import time, before any SDK exists, as libraries do.
const requests = metrics.counter("/test/metrics/request_count", {
  description: "Requests handled.",
  unit: "1",
  tags: { route: "string", status: "int", cached: "bool" },
});
const okHome = requests.bind({ route: "/", status: 200, cached: false });
const sizes = metrics.distribution("/test/metrics/response_size", {
  description: "Response sizes.",
  unit: "By",
  buckets: [10, 100, 1000],
});
const boundSizes = sizes.bind();

function start(maxSeriesPerMetric?: number): SondeHandle {
  return startSonde({
    serviceName: "metrics-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    maxSeriesPerMetric,
    onDiagnostic: () => {},
  });
}

function points(sonde: SondeHandle, name: string): MetricPointRecord[] {
  return sonde.collectMetrics().filter((point) => point.name === name);
}

function values(sonde: SondeHandle, name: string): Array<[unknown, number | null]> {
  return points(sonde, name).map((point) => [point.attributes, point.value]);
}

test("metrics declared before the SDK record once it is installed, bound handles too", async () => {
  requests.add(5, { route: "/", status: 200, cached: false });
  okHome.add(7);
  const sonde = start();
  assert.deepEqual(values(sonde, "/test/metrics/request_count"), [], "nothing recorded before");
  requests.add(1, { route: "/", status: 200, cached: false });
  okHome.add(2);
  requests.add(3, { route: "/users", status: 404, cached: true });
  assert.deepEqual(values(sonde, "/test/metrics/request_count"), [
    [{ route: "/", status: 200, cached: false }, 3],
    [{ route: "/users", status: 404, cached: true }, 3],
  ]);
  const [point] = points(sonde, "/test/metrics/request_count");
  assert.equal(point.kind, "sum");
  assert.equal(point.monotonic, true);
  assert.equal(point.temporality, "cumulative");
  assert.equal(point.scope, "sonde");
  assert.ok(point.startTimeUnixNano <= point.timeUnixNano);
  await sonde.shutdown();
  okHome.add(100);
  requests.add(100, { route: "/", status: 200, cached: false });

  const again = start();
  okHome.add(1);
  assert.deepEqual(
    values(again, "/test/metrics/request_count"),
    [[{ route: "/", status: 200, cached: false }, 1]],
    "a restarted SDK starts from zero and the old handles follow it",
  );
  await again.shutdown();
});

test("negative, fractional and non-numeric increments are dropped and counted", async () => {
  const sonde = start();
  const before = diag.counts().invalid_counter_increment ?? 0;
  const tags = { route: "/", status: 200, cached: false };
  requests.add(2, tags);
  requests.add(-1, tags);
  requests.add(1.5, tags);
  requests.add(Number.NaN, tags);
  okHome.add(-4);
  requests.add("3" as unknown as number, tags);
  assert.equal(diag.counts().invalid_counter_increment, before + 5);
  assert.deepEqual(values(sonde, "/test/metrics/request_count"), [[tags, 2]]);
  await sonde.shutdown();
});

test("tags that do not match the declared schema are dropped and counted", async () => {
  const sonde = start();
  const before = diag.counts().invalid_tags ?? 0;
  const add = requests.add.bind(requests) as (n: number, tags?: unknown) => void;
  add(1, { route: "/", status: 200 }); // missing
  add(1, { route: "/", status: 200, cached: false, extra: "x" }); // extra
  add(1, { route: "/", status: "200", cached: false }); // int given as string
  add(1, { route: "/", status: 200.5, cached: false }); // not an integer
  add(1, { route: "/", status: 200, cached: 1 }); // bool given as number
  add(1); // none
  add(1, "route=/"); // not an object
  const bindAny = requests.bind.bind(requests) as (tags?: unknown) => { add(n: number): void };
  const badHandle = bindAny({});
  badHandle.add(1);
  assert.equal(diag.counts().invalid_tags, before + 8);
  assert.deepEqual(values(sonde, "/test/metrics/request_count"), []);
  await sonde.shutdown();
});

test("distributions count values into explicit buckets with sum, min and max", async () => {
  const sonde = start();
  const before = diag.counts().invalid_distribution_value ?? 0;
  for (const value of [10, 10.5, 100, 5000]) sizes.record(value);
  boundSizes.record(-3);
  boundSizes.record(Number.POSITIVE_INFINITY);
  sizes.record(Number.NaN);
  assert.equal(diag.counts().invalid_distribution_value, before + 2);
  const [point] = points(sonde, "/test/metrics/response_size");
  assert.equal(point.kind, "histogram");
  assert.equal(point.temporality, "cumulative");
  assert.equal(point.unit, "By");
  assert.deepEqual(point.explicitBounds, [10, 100, 1000]);
  // Upper bounds are inclusive: 10 falls in the first bucket, 100 in the second.
  assert.deepEqual(point.bucketCounts, [2, 2, 0, 1]);
  assert.deepEqual([point.count, point.value, point.min, point.max], [5, 5117.5, -3, 5000]);
  await sonde.shutdown();
});

test("tag sets beyond the series limit share one overflow series", async () => {
  const sonde = start(2);
  const before = diag.counts().series_limit ?? 0;
  for (const route of ["/a", "/b", "/c", "/d"])
    requests.add(1, { route, status: 200, cached: false });
  requests.add(1, { route: "/a", status: 200, cached: false });
  assert.deepEqual(values(sonde, "/test/metrics/request_count"), [
    [{ route: "/a", status: 200, cached: false }, 2],
    [{ route: "/b", status: 200, cached: false }, 1],
    [OVERFLOW_ATTRIBUTES, 2],
  ]);
  assert.equal(diag.counts().series_limit, before + 2);
  await sonde.shutdown();
});
