import assert from "node:assert/strict";
import type { IncomingMessage, Server } from "node:http";
import { createRequire } from "node:module";
import { after, before, beforeEach, test } from "node:test";
import * as otel from "@opentelemetry/api";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { context, trace } from "@sonde/api";
import type { SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";

const exporter = new InMemoryExporter();
const tracer = trace.getTracer("app");
let sonde: SondeHandle;
let instrumentation: HttpInstrumentation;
// The CommonJS module object, which instrumentation-http patches when it is required.
let http: typeof import("node:http");

before(() => {
  sonde = startSonde({
    serviceName: "bridge-test",
    exporter,
    // Sonde's own HTTP instrumentation off: OpenTelemetry's traces HTTP here.
    instrumentHttp: false,
    instrumentFetch: false,
    openTelemetry: otel,
  });
  instrumentation = new HttpInstrumentation();
  http = createRequire(import.meta.url)("node:http");
});
after(async () => {
  instrumentation.disable();
  await sonde.shutdown();
});
beforeEach(() => exporter.reset());

async function exported(count: number): Promise<SpanRecord[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    await sonde.forceFlush();
    const spans = exporter.spans();
    if (spans.length >= count || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function only(spans: SpanRecord[], predicate: (span: SpanRecord) => boolean): SpanRecord {
  const matching = spans.filter(predicate);
  assert.equal(
    matching.length,
    1,
    JSON.stringify(spans, (_k, v) => (typeof v === "bigint" ? `${v}` : v)),
  );
  return matching[0];
}

test("an @opentelemetry/instrumentation-http span is a Sonde span with the right parent", async () => {
  const server: Server = http.createServer((_request, response) => {
    // Sonde code inside the OpenTelemetry server span.
    tracer.startSpan("handler-work").end();
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    await tracer.startActiveSpan(
      "outer",
      () =>
        new Promise<void>((resolve, reject) => {
          http
            .get(`http://127.0.0.1:${port}/users/7`, (response: IncomingMessage) => {
              response.resume();
              response.on("end", resolve);
            })
            .on("error", reject);
        }),
    );
    const spans = await exported(4);
    const outer = only(spans, (span) => span.name === "outer");
    const client = only(spans, (span) => span.kind === "client");
    const serverSpan = only(spans, (span) => span.kind === "server");
    const work = only(spans, (span) => span.name === "handler-work");
    assert.equal(client.parentSpanId, outer.spanId, "OpenTelemetry client span under Sonde span");
    assert.equal(serverSpan.parentSpanId, client.spanId, "traceparent sent and read");
    assert.equal(work.parentSpanId, serverSpan.spanId, "Sonde span under OpenTelemetry span");
    for (const span of [client, serverSpan, work]) assert.equal(span.traceId, outer.traceId);
    assert.equal(client.attributes["http.request.method"], "GET");
    assert.equal(client.attributes["http.response.status_code"], 200);
    assert.equal(serverSpan.attributes["url.path"], "/users/7");
    const scopes = exporter.spanBatches.map((batch) => batch.scope.name);
    assert.ok(scopes.includes("@opentelemetry/instrumentation-http"), scopes.join());
  } finally {
    server.close();
  }
});

test("the OpenTelemetry API maps kinds, attributes, events, links, status and times", async () => {
  const otelTracer = otel.trace.getTracer("otel-user", "1.0.0");
  const linked = otelTracer.startSpan("linked");
  linked.end();
  const start: otel.HrTime = [1_700_000_000, 5];
  const result = otelTracer.startActiveSpan(
    "consume",
    {
      kind: otel.SpanKind.CONSUMER,
      attributes: { "messaging.system": "kafka", skipped: undefined },
      links: [{ context: linked.spanContext(), attributes: { why: "batch" } }],
      startTime: start,
    },
    (span) => {
      span.addEvent("received", { count: 3 }, [1_700_000_000, 1_000]);
      span.setStatus({ code: otel.SpanStatusCode.ERROR, message: "poison message" });
      span.recordException(new RangeError("offset"));
      // Sonde sees the OpenTelemetry span as active, and the other way round.
      assert.equal(trace.activeSpan()?.spanContext().spanId, span.spanContext().spanId);
      tracer.startActiveSpan("sonde-child", (child) => {
        assert.equal(otel.trace.getActiveSpan()?.spanContext().spanId, child.spanContext().spanId);
        assert.equal(otel.context.active(), context.active());
        child.end();
      });
      span.end([1_700_000_001, 0]);
      return 42;
    },
  );
  assert.equal(result, 42);
  const spans = await exported(3);
  const consume = only(spans, (span) => span.name === "consume");
  assert.equal(consume.kind, "consumer");
  assert.deepEqual(consume.attributes, { "messaging.system": "kafka" });
  assert.equal(consume.statusCode, "error");
  assert.equal(consume.statusMessage, "poison message");
  assert.equal(consume.startTimeUnixNano, 1_700_000_000_000_000_005n);
  assert.equal(consume.endTimeUnixNano, 1_700_000_001_000_000_000n);
  assert.deepEqual(consume.events[0], {
    name: "received",
    timeUnixNano: 1_700_000_000_000_001_000n,
    attributes: { count: 3 },
  });
  assert.equal(consume.events[1].attributes["exception.type"], "RangeError");
  assert.deepEqual(consume.links, [
    {
      traceId: linked.spanContext().traceId,
      spanId: linked.spanContext().spanId,
      attributes: { why: "batch" },
    },
  ]);
  assert.equal(only(spans, (span) => span.name === "sonde-child").parentSpanId, consume.spanId);
  const batch = exporter.spanBatches.find((b) => b.spans.some((span) => span.name === "consume"));
  assert.deepEqual(batch?.scope, { name: "otel-user", version: "1.0.0" });
});

test("OpenTelemetry spans are sampled like Sonde's and honor OpenTelemetry's suppression", async () => {
  const otelTracer = otel.trace.getTracer("otel-user");
  const root = otelTracer.startSpan("root", { root: true });
  assert.equal(root.isRecording(), true);
  assert.equal(root.spanContext().traceFlags & otel.TraceFlags.SAMPLED, otel.TraceFlags.SAMPLED);
  const remote = otel.trace.setSpanContext(otel.ROOT_CONTEXT, {
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    traceFlags: otel.TraceFlags.NONE,
    isRemote: true,
  });
  const unsampled = otelTracer.startSpan("follows-unsampled-parent", {}, remote);
  assert.equal(unsampled.isRecording(), false);
  assert.equal(unsampled.spanContext().traceId, "4bf92f3577b34da6a3ce929d0e0e4736");
  const suppressed = remote.setValue(
    Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING"),
    true,
  );
  assert.equal(otelTracer.startSpan("suppressed", {}, suppressed).isRecording(), false);
  unsampled.end();
  root.end();
  const spans = await exported(1);
  assert.deepEqual(
    spans.map((span) => span.name),
    ["root"],
  );
});
