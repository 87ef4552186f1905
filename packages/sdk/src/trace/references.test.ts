import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { diag, type SpanContext, trace } from "@sonde/api";
import type { SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { REFERENCE_TYPE_ATTRIBUTE } from "./span.js";

const exporter = new InMemoryExporter();
const tracer = trace.getTracer("references-test");
let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "references-test",
    exporter,
    instrumentHttp: false,
    instrumentFetch: false,
    onDiagnostic: () => {},
  });
});
after(() => sonde.shutdown());
beforeEach(() => exporter.reset());

async function finished(): Promise<Map<string, SpanRecord>> {
  await sonde.forceFlush();
  return new Map(exporter.spans().map((span) => [span.name, span]));
}

const REMOTE: SpanContext = {
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
  sampled: true,
  remote: true,
  traceState: "",
};

test("several references are exported as links marked with their type", async () => {
  const request = tracer.startSpan("request");
  const message = tracer.startSpan("message", { parent: null });
  const job = tracer.startSpan("job", {
    references: [
      { type: "follows_from", context: request },
      { type: "child_of", context: message.spanContext(), attributes: { queue: "billing" } },
      { type: "follows_from", context: REMOTE },
    ],
  });
  job.end();
  request.end();
  message.end();
  const spans = await finished();
  const record = spans.get("job");
  assert.ok(record);
  const link = (spanId: string) => record.links.find((l) => l.spanId === spanId)?.attributes;
  assert.equal(record.links.length, 3);
  assert.deepEqual(link(request.spanContext().spanId), {
    [REFERENCE_TYPE_ATTRIBUTE]: "follows_from",
  });
  assert.deepEqual(link(message.spanContext().spanId), {
    queue: "billing",
    [REFERENCE_TYPE_ATTRIBUTE]: "child_of",
  });
  assert.deepEqual(link(REMOTE.spanId), { [REFERENCE_TYPE_ATTRIBUTE]: "follows_from" });
  // The first child_of reference is the parent (OpenTelemetry's OpenTracing shim rule).
  assert.equal(record.parentSpanId, message.spanContext().spanId);
  assert.equal(record.traceId, message.spanContext().traceId);
});

test("a span with only follows_from references continues the first referenced trace", async () => {
  const request = tracer.startSpan("enqueue");
  tracer
    .startSpan("background", {
      references: [
        { type: "follows_from", context: request },
        { type: "follows_from", context: REMOTE },
      ],
    })
    .end();
  request.end();
  const spans = await finished();
  const background = spans.get("background");
  assert.equal(background?.traceId, request.spanContext().traceId);
  assert.equal(background?.parentSpanId, request.spanContext().spanId);
  assert.equal(background?.links[0].attributes[REFERENCE_TYPE_ATTRIBUTE], "follows_from");
});

test("references replace the active span as parent; an explicit parent wins over both", async () => {
  await tracer.startActiveSpan("active", async (active) => {
    tracer.startSpan("by-reference", { references: [{ type: "child_of", context: REMOTE }] }).end();
    tracer
      .startSpan("explicit", {
        parent: active,
        references: [{ type: "child_of", context: REMOTE }],
      })
      .end();
    tracer
      .startSpan("invalid-reference-ignored", {
        references: [{ type: "child_of", context: { ...REMOTE, traceId: "0".repeat(32) } }],
      })
      .end();
  });
  const spans = await finished();
  const active = spans.get("active");
  assert.equal(spans.get("by-reference")?.parentSpanId, REMOTE.spanId);
  assert.equal(spans.get("by-reference")?.traceId, REMOTE.traceId);
  assert.equal(spans.get("explicit")?.parentSpanId, active?.spanId);
  assert.equal(spans.get("explicit")?.links.length, 1, "the reference is still a link");
  const invalid = spans.get("invalid-reference-ignored");
  assert.equal(invalid?.parentSpanId, "", "no valid reference: a new trace");
  assert.equal(invalid?.links.length, 0);
});

test("links can be added after start (invalid ones dropped); attributes are typed", async () => {
  const invalidLinks = diag.counts().invalid_link ?? 0;
  const span = tracer.startSpan("typed");
  span
    .setAttribute("text", "x")
    .setAttribute("int", 42)
    .setAttribute("double", 2.5)
    .setAttribute("big", 2n ** 62n)
    .setAttribute("flag", false)
    .setAttribute("names", ["a", "b"])
    .setAttribute("mixed", [1, "a"] as never)
    .addLink({ context: REMOTE, attributes: { why: "retry of" } })
    .addLink({ context: { ...REMOTE, spanId: "not hex" } })
    .addLink(undefined as never)
    .end();
  const record = (await finished()).get("typed");
  assert.deepEqual(record?.attributes, {
    text: "x",
    int: 42,
    double: 2.5,
    big: 2n ** 62n,
    flag: false,
    names: ["a", "b"],
  });
  assert.deepEqual(record?.links, [
    { traceId: REMOTE.traceId, spanId: REMOTE.spanId, attributes: { why: "retry of" } },
  ]);
  assert.equal(diag.counts().invalid_link, invalidLinks + 2);
});

test("exceptions of any shape are recorded with type, message and stack", async () => {
  const span = tracer.startSpan("failures");
  span.recordException(new TypeError("bad input"));
  span.recordException({ name: "GatewayError", message: "timeout", stack: "at gateway" });
  span.recordException("plain text");
  span.recordException(Object.create(null));
  span.end();
  const events = (await finished()).get("failures")?.events.map((event) => event.attributes);
  assert.equal(events?.[0]["exception.type"], "TypeError");
  assert.equal(events?.[0]["exception.message"], "bad input");
  assert.match(String(events?.[0]["exception.stacktrace"]), /bad input/);
  assert.deepEqual(events?.[1], {
    "exception.type": "GatewayError",
    "exception.message": "timeout",
    "exception.stacktrace": "at gateway",
  });
  assert.deepEqual(events?.[2], { "exception.type": "string", "exception.message": "plain text" });
  assert.equal(events?.[3]["exception.type"], "Object");
});

test("times come from the monotonic clock; explicit times are kept exactly", async () => {
  const start = 1_700_000_000_123_456_789n;
  tracer.startSpan("explicit-times", { startTimeUnixNano: start }).end(start + 1_500n);
  const span = tracer.startSpan("clock");
  const wallBefore = BigInt(Date.now()) * 1_000_000n;
  span.end();
  const spans = await finished();
  const explicit = spans.get("explicit-times");
  assert.equal(explicit?.startTimeUnixNano, start);
  assert.equal(explicit?.endTimeUnixNano, start + 1_500n);
  const clock = spans.get("clock");
  assert.ok(clock);
  const duration = clock.endTimeUnixNano - clock.startTimeUnixNano;
  assert.ok(duration >= 0n && duration < 50_000_000n, `duration ${duration} ns`);
  assert.ok(clock.startTimeUnixNano - wallBefore < 1_000_000_000n, "UNIX nanoseconds");
});
