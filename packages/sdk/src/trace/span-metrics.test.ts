import assert from "node:assert/strict";
import { test } from "node:test";
import { type DiagEvent, trace } from "@sonde/api";
import type { MetricPointRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { parentBasedSampler } from "../sampling/parent-based.js";
import { traceIdRatioSampler } from "../sampling/trace-id-ratio.js";
import { type SondeHandle, startSonde } from "../start.js";
import { MAX_SPAN_NAMES, OTHER_NAME, SPAN_DURATION_METRIC } from "./span-stats.js";

const tracer = trace.getTracer("span-metrics-test");
const T0 = 1_700_000_000_000_000_000n;
const at = (ms: number) => T0 + BigInt(ms) * 1_000_000n;

function durationPoints(sonde: SondeHandle): Map<string, MetricPointRecord> {
  const points = sonde.collectMetrics().filter((point) => point.name === SPAN_DURATION_METRIC);
  return new Map(
    points.map((point) => {
      const { name, kind, status } = point.attributes;
      return [`${name}|${kind}|${status}`, point];
    }),
  );
}

test("span metrics are exact with 1% sampling: every span timed and counted", async () => {
  const exporter = new InMemoryExporter();
  const sonde = startSonde({
    serviceName: "span-metrics-test",
    exporter,
    sampler: parentBasedSampler({ root: traceIdRatioSampler(0.01) }),
    instrumentHttp: false,
    instrumentFetch: false,
    maxQueueSize: 100_000,
  });
  const TRACES = 20_000;
  let checkoutSum = 0;
  for (let i = 0; i < TRACES; i++) {
    // checkout [0, 10 + i % 7] ms, two charges of 1 ms, every tenth second charge failing.
    const checkout = tracer.startSpan("checkout", { kind: "server", startTimeUnixNano: at(0) });
    for (let k = 0; k < 2; k++) {
      const charge = tracer.startSpan("charge", {
        kind: "client",
        parent: checkout,
        startTimeUnixNano: at(1 + k),
      });
      if (k === 1 && i % 10 === 0) charge.setStatus("error", "declined");
      charge.end(at(2 + k));
    }
    checkoutSum += 10 + (i % 7);
    checkout.end(at(10 + (i % 7)));
  }
  await sonde.forceFlush();
  const points = durationPoints(sonde);
  const checkout = points.get("checkout|server|unset");
  assert.ok(checkout, [...points.keys()].join());
  assert.equal(checkout.count, TRACES);
  assert.equal(checkout.value, checkoutSum, "sum of durations in ms");
  assert.equal(checkout.min, 10);
  assert.equal(checkout.max, 16);
  assert.equal(checkout.unit, "ms");
  assert.equal(points.get("charge|client|unset")?.count, 2 * TRACES - TRACES / 10);
  assert.equal(points.get("charge|client|error")?.count, TRACES / 10);
  assert.equal(points.get("charge|client|error")?.value, TRACES / 10);

  // Only about 1% of the traces were exported, each complete.
  const spans = exporter.spans();
  const traces = new Set(spans.map((span) => span.traceId));
  const sigma = Math.sqrt(TRACES * 0.01 * 0.99);
  assert.ok(Math.abs(traces.size - TRACES * 0.01) < 5 * sigma, `${traces.size} traces exported`);
  assert.equal(spans.length, traces.size * 3, "whole traces: a root and both children");
  await sonde.shutdown();
});

test("span names are bounded: beyond the limit they count as one name", async () => {
  const events: DiagEvent[] = [];
  const sonde = startSonde({
    serviceName: "span-names-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
    onDiagnostic: (event) => events.push(event),
  });
  for (let i = 0; i < MAX_SPAN_NAMES + 50; i++) tracer.startSpan(`order ${i}`).end();
  const points = durationPoints(sonde);
  assert.equal(points.size, MAX_SPAN_NAMES + 1);
  assert.equal(points.get(`${OTHER_NAME}|internal|unset`)?.count, 50);
  assert.ok(events.some((event) => event.code === "series_limit"));
  await sonde.shutdown();
});
