import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { type DiagEvent, diag, metrics, trace } from "@sonde/api";
import { decodeMetricsRequest, decodeTraceRequest } from "@sonde/protocol";
import { startSonde } from "../start.js";
import { InMemoryExporter } from "./memory.js";
import { OtlpHttpExporter, otlpUrls } from "./otlp-http.js";

// The collector stand-in runs in its own process, as a collector would: a server in this
// process would itself be traced by the HTTP instrumentation.
const RECEIVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("base64");
    const { "content-type": type, "content-encoding": encoding, "x-api-key": key } = req.headers;
    console.log(JSON.stringify({ path: req.url, type, encoding, key, body }));
    res.statusCode = req.url.startsWith("/fail") ? 500 : 200;
    res.end();
  });
});
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
`;

interface Received {
  path: string;
  type: string;
  encoding?: string;
  key?: string;
  body: string;
}

let receiver: ChildProcess;
let endpoint: string;
const received: Received[] = [];

before(async () => {
  receiver = spawn(process.execPath, ["-e", RECEIVER], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: receiver.stdout as NodeJS.ReadableStream });
  const [first] = (await once(lines, "line")) as [string];
  endpoint = `http://127.0.0.1:${(JSON.parse(first) as { port: number }).port}`;
  lines.on("line", (line) => received.push(JSON.parse(line) as Received));
});
after(() => {
  receiver.kill();
});

/** Waits until the receiver has seen `count` requests for `path`. */
async function requestsFor(path: string, count: number): Promise<Received[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const matching = received.filter((request) => request.path === path);
    if (matching.length >= count || Date.now() > deadline) return matching;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const charges = metrics.counter("/test/export/charge_count", {
  description: "Charges attempted.",
  unit: "1",
  tags: { outcome: "string" },
});
const latency = metrics.distribution("/test/export/charge_latency", {
  description: "Charge latency.",
  unit: "ms",
  buckets: [10, 100],
});

test("spans and metrics reach the collector as OTLP/HTTP protobuf, exporter untraced", async () => {
  const sonde = startSonde({
    serviceName: "export-test",
    endpoint,
    resource: { "deployment.environment.name": "test" },
    exportIntervalMs: 60_000,
    metricExportIntervalMs: 60_000,
  });
  const tracer = trace.getTracer("export-test", "0.0.1");
  tracer.startActiveSpan("checkout", { kind: "server" }, () => {
    tracer.startSpan("charge", { attributes: { amount_cents: 1250, currency: "EUR" } }).end();
  });
  charges.add(2, { outcome: "ok" });
  latency.record(5);
  latency.record(50);
  latency.record(500);
  await sonde.forceFlush();

  const [traces] = await requestsFor("/v1/traces", 1);
  assert.equal(traces.type, "application/x-protobuf");
  const batches = decodeTraceRequest(Buffer.from(traces.body, "base64"));
  assert.equal(batches.length, 1);
  const [batch] = batches;
  assert.deepEqual(batch.scope, { name: "export-test", version: "0.0.1" });
  assert.equal(batch.resource.attributes["service.name"], "export-test");
  assert.equal(batch.resource.attributes["telemetry.sdk.name"], "sonde");
  assert.equal(batch.resource.attributes["telemetry.sdk.language"], "nodejs");
  assert.equal(batch.resource.attributes["process.pid"], process.pid);
  assert.equal(typeof batch.resource.attributes["host.name"], "string");
  assert.equal(batch.resource.attributes["deployment.environment.name"], "test");
  const byName = new Map(batch.spans.map((span) => [span.name, span]));
  const checkout = byName.get("checkout");
  const charge = byName.get("charge");
  assert.ok(checkout && charge);
  assert.equal(batch.spans.length, 2);
  assert.equal(checkout.kind, "server");
  assert.equal(charge.parentSpanId, checkout.spanId);
  assert.equal(charge.traceId, checkout.traceId);
  assert.deepEqual(charge.attributes, { amount_cents: 1250, currency: "EUR" });
  assert.ok(checkout.endTimeUnixNano >= charge.endTimeUnixNano);

  const [metricRequest] = await requestsFor("/v1/metrics", 1);
  const points = decodeMetricsRequest(Buffer.from(metricRequest.body, "base64"));
  const count = points.find((point) => point.name === "/test/export/charge_count");
  assert.ok(count);
  assert.equal(count.kind, "sum");
  assert.equal(count.monotonic, true);
  assert.equal(count.temporality, "cumulative");
  assert.equal(count.value, 2);
  assert.deepEqual(count.attributes, { outcome: "ok" });
  assert.equal(count.unit, "1");
  assert.equal(count.description, "Charges attempted.");
  assert.equal(count.resource["service.name"], "export-test");
  assert.ok(count.startTimeUnixNano > 0n && count.startTimeUnixNano <= count.timeUnixNano);
  const histogram = points.find((point) => point.name === "/test/export/charge_latency");
  assert.ok(histogram);
  assert.equal(histogram.kind, "histogram");
  assert.equal(histogram.temporality, "cumulative");
  assert.deepEqual(histogram.explicitBounds, [10, 100]);
  assert.deepEqual(histogram.bucketCounts, [1, 1, 1]);
  assert.deepEqual(
    [histogram.count, histogram.value, histogram.min, histogram.max],
    [3, 555, 5, 500],
  );

  // The export requests above must not have produced spans of their own.
  await sonde.forceFlush();
  await requestsFor("/v1/metrics", 2);
  assert.equal((await requestsFor("/v1/traces", 1)).length, 1, "no feedback spans");
  await sonde.shutdown();
});

test("a failing collector is reported through diag, never thrown", async () => {
  const events: DiagEvent[] = [];
  const before = diag.counts().export_failed ?? 0;
  const sonde = startSonde({
    serviceName: "export-fail-test",
    endpoint: `${endpoint}/fail`,
    exportIntervalMs: 60_000,
    metricExportIntervalMs: 60_000,
    onDiagnostic: (event) => events.push(event),
  });
  trace.getTracer("t").startSpan("lost").end();
  charges.add(1, { outcome: "ok" });
  await sonde.forceFlush();
  await sonde.shutdown();
  assert.equal(received.filter((r) => r.path === "/fail/v1/traces").length, 1);
  assert.ok((diag.counts().export_failed ?? 0) >= before + 2);
  const reported = events.filter((event) => event.code === "export_failed");
  assert.deepEqual(reported.map((event) => event.key).sort(), ["metrics", "spans"]);
  assert.match(reported[0].message, /HTTP 500/);
});

test("an unreachable collector and a full queue never block or throw", async () => {
  const sonde = startSonde({
    serviceName: "export-queue-test",
    endpoint: "http://127.0.0.1:1",
    exportIntervalMs: 60_000,
    maxQueueSize: 3,
    onDiagnostic: () => {},
  });
  const before = diag.counts().span_queue_full ?? 0;
  for (let i = 0; i < 5; i++) trace.getTracer("t").startSpan(`s${i}`).end();
  assert.equal(diag.counts().span_queue_full, before + 2);
  await sonde.forceFlush();
  await sonde.shutdown();
});

test("the in-memory exporter receives the same batches", async () => {
  const exporter = new InMemoryExporter();
  const sonde = startSonde({ serviceName: "memory-test", exporter, instrumentHttp: false });
  trace.getTracer("t").startSpan("kept").end();
  charges.add(3, { outcome: "ok" });
  await sonde.forceFlush();
  assert.deepEqual(
    exporter.spans().map((span) => span.name),
    ["kept"],
  );
  assert.deepEqual(
    exporter.metricExports.map((points) =>
      points
        .filter((point) => point.name.startsWith("/test/"))
        .map((point) => [point.name, point.value]),
    ),
    [[["/test/export/charge_count", 3]]],
    "a new SDK starts from zero",
  );
  await sonde.shutdown();
});

test("endpoints: a base URL gets /v1/<signal> appended; a full signal URL gives both", () => {
  const urls = (endpoint: string) => {
    const { traces, metrics, logs } = otlpUrls(endpoint);
    assert.equal(logs, traces.replace(/traces$/, "logs"));
    return [traces, metrics];
  };
  assert.deepEqual(urls("http://127.0.0.1:4318"), [
    "http://127.0.0.1:4318/v1/traces",
    "http://127.0.0.1:4318/v1/metrics",
  ]);
  assert.deepEqual(urls("https://otlp.example.com/otlp/"), [
    "https://otlp.example.com/otlp/v1/traces",
    "https://otlp.example.com/otlp/v1/metrics",
  ]);
  assert.deepEqual(urls("https://api.example.com/v1/traces"), [
    "https://api.example.com/v1/traces",
    "https://api.example.com/v1/metrics",
  ]);
  assert.deepEqual(urls("http://gw:4318/prefix/v1/metrics"), [
    "http://gw:4318/prefix/v1/traces",
    "http://gw:4318/prefix/v1/metrics",
  ]);
});

test("headers and gzip reach the receiver; explicit signal URLs are used as given", async () => {
  const exporter = new OtlpHttpExporter({
    endpoint: `${endpoint}/ignored`,
    tracesEndpoint: `${endpoint}/custom/traces`,
    headers: { "x-api-key": "secret-key" },
    compression: "gzip",
  });
  const sonde = startSonde({
    serviceName: "export-gzip-test",
    exporter,
    instrumentHttp: false,
    instrumentFetch: false,
  });
  trace.getTracer("t").startSpan("compressed").end();
  await sonde.forceFlush();
  await sonde.shutdown();
  const [request] = await requestsFor("/custom/traces", 1);
  assert.equal(request.encoding, "gzip");
  assert.equal(request.key, "secret-key");
  const batches = decodeTraceRequest(gunzipSync(Buffer.from(request.body, "base64")));
  assert.deepEqual(
    batches.flatMap((batch) => batch.spans.map((span) => span.name)),
    ["compressed"],
  );
});
