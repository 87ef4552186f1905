import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Client, credentials, type ServiceError, status } from "@grpc/grpc-js";
import { context, trace } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-grpc";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { encodeLogsRequest } from "@sonde/protocol";
import { type Collector, startCollector } from "../collector.js";

const dir = mkdtempSync(join(tmpdir(), "sonde-grpc-"));
const resource = resourceFromAttributes({ "service.name": "grpc-app" });
const TRACE_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
let collector: Collector;

before(async () => {
  collector = await startCollector({
    httpPort: 0,
    grpcPort: 0,
    storage: join(dir, "data.duckdb"),
    bodyLimit: 64 * 1024,
  });
});
after(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

const grpcUrl = () => `http://127.0.0.1:${collector.grpcPort}`;

async function count(sql: string): Promise<number> {
  const rows = (await collector.store.reader.runAndReadAll(sql)).getRows();
  return Number(rows[0][0]);
}

/** Sends `body` as a raw unary call (identity serializers); resolves with the error, if any. */
function rawExport(body: Buffer, method = TRACE_EXPORT): Promise<ServiceError | null> {
  const client = new Client(`127.0.0.1:${collector.grpcPort}`, credentials.createInsecure());
  return new Promise<ServiceError | null>((resolve) => {
    client.makeUnaryRequest(
      method,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      { deadline: Date.now() + 10_000 },
      (e) => resolve(e),
    );
  }).finally(() => client.close());
}

test("the collector reports the gRPC port it bound", () => {
  assert.ok(collector.grpcPort && collector.grpcPort > 0);
  assert.notEqual(collector.grpcPort, collector.port);
});

test("spans from the OpenTelemetry OTLP/gRPC exporter are stored with parent links", async () => {
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: grpcUrl() }))],
  });
  const tracer = provider.getTracer("grpc-test");
  const parent = tracer.startSpan("checkout", { attributes: { "order.items": 3 } });
  const child = tracer.startSpan(
    "charge card",
    { attributes: { "payment.provider": "acme" } },
    trace.setSpan(context.active(), parent),
  );
  child.end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();

  const traceId = parent.spanContext().traceId;
  const res = await fetch(`${collector.url}/api/traces/${traceId}`);
  assert.equal(res.status, 200, await res.clone().text());
  const { spans } = await res.json();
  assert.equal(spans.length, 2);
  const root = spans.find((s: { name: string }) => s.name === "checkout");
  const charge = spans.find((s: { name: string }) => s.name === "charge card");
  assert.equal(root.parent_span_id, "");
  assert.equal(root["order.items"], 3);
  assert.equal(charge.parent_span_id, root.span_id);
  assert.equal(charge["payment.provider"], "acme");
  assert.equal(charge["service.name"], "grpc-app");

  const query = await fetch(`${collector.url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      dataset: "spans",
      time_range: { start: "2000-01-01T00:00:00Z", end: "2100-01-01T00:00:00Z" },
      calculations: [{ op: "COUNT" }],
      filters: [{ column: "service.name", op: "=", value: "grpc-app" }],
    }),
  });
  assert.equal(query.status, 200);
  assert.equal((await query.json()).totals[0].values.COUNT, 2);
});

test("a counter from the OpenTelemetry OTLP/gRPC metric exporter is stored as counter series", async () => {
  const provider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: grpcUrl() }),
        exportIntervalMillis: 60_000,
      }),
    ],
  });
  const counter = provider.getMeter("grpc-test").createCounter("grpc_test_orders");
  counter.add(3, { route: "/a" });
  counter.add(4, { route: "/a" });
  counter.add(5, { route: "/b" });
  await provider.forceFlush();
  await provider.shutdown();

  const rows = (
    await collector.store.reader.runAndReadAll(
      `SELECT tag_str['route'], value, kind, identity['service.name'] FROM metric_series
       JOIN metric_samples ON series = id WHERE name = 'grpc_test_orders' ORDER BY 1, t DESC`,
    )
  ).getRows();
  // forceFlush and shutdown may each export a point per series; the newest holds the total.
  const latest = new Map<string, unknown[]>();
  for (const r of rows) if (!latest.has(String(r[0]))) latest.set(String(r[0]), r.slice(1));
  assert.deepEqual(Object.fromEntries(latest), {
    "/a": [7, "counter", "grpc-app"],
    "/b": [5, "counter", "grpc-app"],
  });
});

test("a malformed message gets INVALID_ARGUMENT, stores nothing, and the server keeps serving", async () => {
  const before = await count("SELECT count(*) FROM spans");
  // Field 1 (resource_spans), length-delimited, claims 16 bytes but has 2.
  const error = await rawExport(Buffer.from([0x0a, 0x10, 0x01, 0x02]));
  assert.equal(error?.code, status.INVALID_ARGUMENT);
  assert.match(error?.details ?? "", /malformed OTLP/);
  assert.equal(await count("SELECT count(*) FROM spans"), before);

  const metrics = await (await fetch(`${collector.url}/metrics`)).text();
  assert.match(metrics, /sonde_collector_rejected_requests_total [1-9]/);

  // An empty request is valid OTLP (no resource spans) and is answered OK.
  assert.equal(await rawExport(Buffer.alloc(0)), null);
});

test("a message over the body limit gets RESOURCE_EXHAUSTED", async () => {
  const error = await rawExport(Buffer.alloc(128 * 1024));
  assert.equal(error?.code, status.RESOURCE_EXHAUSTED);
  assert.equal(await rawExport(Buffer.alloc(0)), null);
});

test("a taken default gRPC port leaves HTTP running; a taken explicit one throws", async () => {
  // Hold 4317 ourselves (waiting while another test's collector has it, since that one may
  // let it go at any moment).
  const holder = createServer();
  for (let attempt = 0; ; attempt++) {
    const held = await new Promise<boolean>((resolve) => {
      holder.once("error", () => resolve(false));
      holder.listen(4317, "127.0.0.1", () => resolve(true));
    });
    if (held) break;
    assert.ok(attempt < 600, "port 4317 stayed taken for a minute");
    await new Promise((r) => setTimeout(r, 100));
  }
  const storage = join(dir, "second.duckdb");
  try {
    const second = await startCollector({ httpPort: 0, storage });
    try {
      assert.equal(second.grpcPort, null);
      assert.equal((await fetch(`${second.url}/healthz`)).status, 200);
    } finally {
      await second.close();
    }
    await assert.rejects(
      startCollector({ httpPort: 0, grpcPort: Number(collector.grpcPort), storage }),
    );
    // The failed start released the storage file.
    await (await startCollector({ httpPort: 0, grpcPort: false, storage })).close();
  } finally {
    holder.close();
  }
});

test("OTLP logs over gRPC: events, logs and errors are stored; malformed → INVALID_ARGUMENT", async () => {
  const method = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
  const t = BigInt(Date.now()) * 1_000_000n;
  const body = encodeLogsRequest([
    {
      resource: { "service.name": "grpc-logs" },
      logs: [
        {
          timeUnixNano: t,
          severityNumber: 13,
          severityText: "WARN",
          body: "disk almost full",
          attributes: { "disk.free_bytes": 1024 },
          traceId: "",
          spanId: "",
          loggerName: "storage",
        },
      ],
      errors: [
        {
          timeUnixNano: t,
          type: "RangeError",
          message: "bad size 12",
          template: "bad size <num>",
          fingerprint: "0123456789abcdef",
          owner: "team-storage",
          stack: "",
          traceId: "",
          spanId: "",
          source: "reported",
          attributes: {},
        },
      ],
    },
  ]);
  assert.equal(await rawExport(Buffer.from(body), method), null);
  assert.equal(
    await count(
      "SELECT count(*) FROM logs WHERE service_name = 'grpc-logs' AND body = 'disk almost full'",
    ),
    1,
  );
  assert.equal(
    await count(
      "SELECT count(*) FROM errors WHERE owner = 'team-storage' AND template = 'bad size <num>'",
    ),
    1,
  );
  const bad = await rawExport(Buffer.from([0x0a, 0xff, 0xff]), method);
  assert.equal(bad?.code, status.INVALID_ARGUMENT);
});
