import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { context, type HeadersCarrier, propagation, ROOT_CONTEXT, trace } from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { parseTraceparent } from "./trace-context.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN_ID = "00f067aa0ba902b7";
const VALID = `00-${TRACE_ID}-${SPAN_ID}-01`;
let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "propagation-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
  });
});
after(() => sonde.shutdown());

test("inject then extract round-trips trace id, span id, sampled flag and tracestate", () => {
  const tracer = trace.getTracer("propagation-test");
  const headers: HeadersCarrier = {};
  const span = tracer.startSpan("outgoing");
  trace.withSpan(span, () => propagation.inject(headers));
  const { traceId, spanId } = span.spanContext();
  assert.deepEqual(headers, { traceparent: `00-${traceId}-${spanId}-01` });

  const incoming = { traceparent: VALID, tracestate: "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7" };
  const extracted = trace.getSpan(propagation.extract(incoming, undefined, ROOT_CONTEXT));
  assert.deepEqual(extracted?.spanContext(), {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    sampled: true,
    remote: true,
    traceState: incoming.tracestate,
  });
  assert.equal(extracted?.isRecording(), false);

  const child = context.with(propagation.extract(incoming), () => tracer.startSpan("child"));
  assert.equal(child.spanContext().traceId, TRACE_ID);
  const forwarded: HeadersCarrier = {};
  propagation.inject(forwarded, undefined, trace.setSpan(ROOT_CONTEXT, child));
  assert.equal(forwarded.traceparent, `00-${TRACE_ID}-${child.spanContext().spanId}-01`);
  assert.equal(forwarded.tracestate, incoming.tracestate, "tracestate passes through");
  span.end();
  child.end();
});

test("an unsampled parent yields non-recording children that still propagate", () => {
  const parent = propagation.extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` });
  const child = context.with(parent, () => trace.getTracer("t").startSpan("unsampled"));
  assert.equal(child.isRecording(), false);
  assert.equal(child.spanContext().traceId, TRACE_ID);
  const headers: HeadersCarrier = {};
  propagation.inject(headers, undefined, trace.setSpan(ROOT_CONTEXT, child));
  assert.match(String(headers.traceparent), new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
});

test("malformed traceparent headers are ignored", () => {
  const bad: Array<string | string[]> = [
    "",
    "garbage",
    `00-${TRACE_ID}-${SPAN_ID}`, // missing flags
    `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`, // upper-case hex
    `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`, // short trace id
    `00-${TRACE_ID}-${SPAN_ID}0-01`, // long span id
    `00-00000000000000000000000000000000-${SPAN_ID}-01`, // zero trace id
    `00-${TRACE_ID}-0000000000000000-01`, // zero span id
    `ff-${TRACE_ID}-${SPAN_ID}-01`, // forbidden version
    `00-${TRACE_ID}-${SPAN_ID}-01-extra`, // version 00 has exactly four fields
    `0-${TRACE_ID}-${SPAN_ID}-01`, // short version
    `00-${TRACE_ID}-${SPAN_ID}-0g`, // non-hex flags
    `00_${TRACE_ID}_${SPAN_ID}_01`, // wrong separators
    `${VALID}, ${VALID}`, // two headers joined by Node
    [VALID, VALID], // two headers
  ];
  for (const traceparent of bad) {
    const ctx = propagation.extract({ traceparent }, undefined, ROOT_CONTEXT);
    assert.equal(ctx, ROOT_CONTEXT, `ignored: ${JSON.stringify(traceparent)}`);
  }
  assert.equal(propagation.extract({}, undefined, ROOT_CONTEXT), ROOT_CONTEXT);
});

test("future versions may append fields; surrounding whitespace is allowed", () => {
  assert.deepEqual(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-03-what-comes-next`), {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    sampled: true,
  });
  assert.equal(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01x`), undefined);
  assert.equal(parseTraceparent(` ${VALID} `)?.traceId, TRACE_ID);
  assert.equal(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-02`)?.sampled, false);
});

test("a custom getter and setter work with any carrier", () => {
  const carrier = new Map<string, string>([["traceparent", VALID]]);
  const ctx = propagation.extract(carrier, {
    get: (map, key) => map.get(key),
    keys: (map) => [...map.keys()],
  });
  const out = new Map<string, string>();
  propagation.inject(out, { set: (map, key, value) => map.set(key, value) }, ctx);
  assert.equal(out.get("traceparent"), VALID);
});
