import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics, type SpanContext, trace } from "@sonde/api";
import {
  decodeMetricsRequest,
  encodeMetricsRequest,
  type MetricPointRecord,
} from "@sonde/protocol";
import { startForTest } from "../metrics/sonde.test-util.js";
import { InMemoryExporter } from "./memory.js";
import { METRICS_SCOPE, toMetricPoints } from "./metric-exporter.js";

const requests = metrics.counter("/test/export_points/request_count", {
  description: "Requests served.",
  unit: "1",
  owner: "team-web",
  stability: "stable",
  tags: { route: "string" },
  maxSeries: 1,
});
const temperature = metrics.gauge("/test/export_points/temperature", {
  description: "Temperature.",
  unit: "Cel",
});
const threads = metrics.gauge("/test/export_points/threads", {
  description: "Threads.",
  unit: "{thread}",
  valueType: "int",
});
const role = metrics.gauge("/test/export_points/role", {
  description: "Role.",
  unit: "1",
  valueType: "string",
  tags: { shard: "int" },
});
const healthy = metrics.gauge("/test/export_points/healthy", {
  description: "Healthy.",
  unit: "1",
  valueType: "bool",
});
const revision = metrics.constant("/test/export_points/revision", {
  description: "Revision.",
  unit: "1",
  value: "git:da39a3ee",
});
const latency = metrics.distribution("/test/export_points/latency", {
  description: "Latency.",
  unit: "s",
  buckets: [2, 3, 5, 8, 13],
});
const sizes = metrics.distribution("/test/export_points/sizes", {
  description: "Sizes.",
  unit: "By",
  bucketer: { type: "exponential", maxSize: 8 },
});
const unused = metrics.distribution("/test/export_points/unused", {
  description: "Never recorded.",
  unit: "s",
});

const SAMPLED: SpanContext = {
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  sampled: true,
  remote: true,
  traceState: "",
};

function byName(points: MetricPointRecord[], name: string): MetricPointRecord[] {
  return points.filter((point) => point.name === name);
}

test("snapshots become OTLP points with metadata, and survive the protobuf encoding", async () => {
  const exporter = new InMemoryExporter();
  const { sonde } = startForTest({ exporter, resource: { "deployment.environment.name": "t" } });
  requests.add(2, { route: "/" });
  requests.add(3, { route: "/users" }); // beyond maxSeries 1: the overflow series
  temperature.set(21.5);
  threads.set(2n ** 53n + 1n);
  role.set("primary", { shard: 3 });
  healthy.set(false);
  trace.withSpan(trace.wrapSpanContext(SAMPLED), () => latency.record(4));
  latency.record(20);
  for (const size of [100, 1000, 10_000]) sizes.record(size);

  const points = toMetricPoints(sonde.readMetrics(), { resource: sonde.resource, scope: "s" });
  const untimed = (point: MetricPointRecord) => ({ ...point, scope: "", timeUnixNano: 0n });
  assert.deepEqual(points.map(untimed), sonde.collectMetrics().map(untimed));
  const decoded = decodeMetricsRequest(encodeMetricsRequest(points));
  for (const point of [...points, ...decoded]) {
    assert.equal(point.resource["deployment.environment.name"], "t");
  }
  for (const set of [points, decoded]) {
    const [ok, overflow] = byName(set, requests.declaration.name);
    assert.deepEqual(
      [ok.kind, ok.monotonic, ok.temporality, ok.value, ok.attributes],
      ["sum", true, "cumulative", 2, { route: "/" }],
    );
    assert.deepEqual([overflow.value, overflow.attributes], [3, { "sonde.overflow": true }]);
    const source = requests.declaration.source;
    assert.ok(source);
    assert.deepEqual(ok.metadata, {
      "sonde.kind": "counter",
      "sonde.value_type": "int",
      "sonde.stability": "stable",
      "sonde.owner": "team-web",
      "code.file.path": source.file,
      "code.line.number": source.line,
      "code.column.number": source.column,
    });
    assert.match(source.file, /metric-exporter\.test\.js$/);
    assert.ok(ok.startTimeUnixNano > 0n && ok.startTimeUnixNano <= ok.timeUnixNano);

    const [gauge] = byName(set, temperature.declaration.name);
    assert.deepEqual([gauge.kind, gauge.temporality, gauge.value], ["gauge", "", 21.5]);
    assert.equal(byName(set, threads.declaration.name)[0].value, 2n ** 53n + 1n, "exact in OTLP");
    const [text] = byName(set, role.declaration.name);
    assert.deepEqual([text.value, text.attributes], [1, { shard: 3, "sonde.value": "primary" }]);
    const [flag] = byName(set, healthy.declaration.name);
    assert.deepEqual([flag.value, flag.attributes], [1, { "sonde.value": false }]);
    const [constant] = byName(set, revision.declaration.name);
    assert.deepEqual(
      [constant.kind, constant.value, constant.attributes, constant.metadata["sonde.kind"]],
      ["gauge", 1, { "sonde.value": "git:da39a3ee" }, "constant"],
    );

    const [histogram] = byName(set, latency.declaration.name);
    assert.deepEqual(
      [histogram.kind, histogram.temporality, histogram.count, histogram.value],
      ["histogram", "cumulative", 2, 24],
    );
    assert.deepEqual([histogram.min, histogram.max], [4, 20]);
    assert.deepEqual(histogram.explicitBounds, [2, 3, 5, 8, 13]);
    assert.deepEqual(histogram.bucketCounts, [0, 0, 1, 0, 0, 1]);
    assert.deepEqual(
      histogram.exemplars.map((e) => [e.value, e.traceId, e.spanId]),
      [[4, SAMPLED.traceId, SAMPLED.spanId]],
    );
    const [exponential] = byName(set, sizes.declaration.name);
    assert.equal(
      exponential.kind,
      "exponential_histogram",
      "sent as an OTLP exponential histogram",
    );
    assert.equal(exponential.count, 3);
    assert.equal(
      exponential.bucketCounts.reduce((a, b) => a + b, 0),
      3,
    );
    assert.equal(exponential.bucketCounts.length, exponential.explicitBounds.length + 1);
    assert.deepEqual(byName(set, unused.declaration.name), [], "empty distributions are left out");
  }

  await sonde.forceFlush();
  const exported = exporter.metricExports.at(-1) ?? [];
  assert.deepEqual(
    exported.map((point) => [point.name, point.scope, point.value]),
    points.map((point) => [point.name, METRICS_SCOPE, point.value]),
    "the periodic exporter sends the same points",
  );
  await sonde.shutdown();
});
