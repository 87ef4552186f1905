import assert from "node:assert/strict";
import { test } from "node:test";
import { context } from "../context/api.js";
import { createContextKey, ROOT_CONTEXT } from "../context/context.js";
import { propagation } from "../propagation/api.js";
import { trace } from "./api.js";
import { INVALID_SPAN_CONTEXT, isValidSpanContext } from "./non-recording.js";

test("without an SDK, tracers return non-recording spans and run callbacks", async () => {
  const tracer = trace.getTracer("noop-test");
  const span = tracer.startSpan("x", { attributes: { a: 1 } });
  assert.equal(span.isRecording(), false);
  assert.deepEqual(span.spanContext(), INVALID_SPAN_CONTEXT);
  span.setAttribute("a", 1).addEvent("e").setStatus("error").recordException(new Error("x")).end();
  assert.equal(
    tracer.startActiveSpan("sync", () => 7),
    7,
  );
  assert.equal(await tracer.startActiveSpan("async", {}, async () => 8), 8);
  const failure = new Error("boom");
  await assert.rejects(
    tracer.startActiveSpan("rejects", async () => {
      throw failure;
    }),
    (error) => error === failure,
  );
  assert.throws(() =>
    tracer.startActiveSpan("throws", () => {
      throw failure;
    }),
  );
  assert.equal(trace.activeSpan(), undefined);
});

test("without an SDK, propagation leaves carriers and contexts alone", () => {
  const headers = {};
  propagation.inject(headers);
  assert.deepEqual(headers, {});
  const ctx = propagation.extract({
    traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  });
  assert.equal(ctx, context.active());
  assert.deepEqual(propagation.fields(), []);
});

test("contexts are immutable maps keyed by symbols", () => {
  const key = createContextKey("tenant");
  const withTenant = ROOT_CONTEXT.setValue(key, "acme");
  assert.equal(withTenant.getValue(key), "acme");
  assert.equal(ROOT_CONTEXT.getValue(key), undefined);
  assert.equal(withTenant.deleteValue(key).getValue(key), undefined);
  assert.equal(withTenant.getValue(key), "acme");
  const span = trace.wrapSpanContext({ ...INVALID_SPAN_CONTEXT, traceId: "1".repeat(32) });
  assert.equal(trace.getSpan(trace.setSpan(withTenant, span)), span);
});

test("span context validity follows W3C Trace Context", () => {
  const valid = { ...INVALID_SPAN_CONTEXT, traceId: "a".repeat(32), spanId: "b".repeat(16) };
  assert.equal(isValidSpanContext(valid), true);
  assert.equal(isValidSpanContext(INVALID_SPAN_CONTEXT), false);
  assert.equal(isValidSpanContext({ ...valid, traceId: "A".repeat(32) }), false);
  assert.equal(isValidSpanContext({ ...valid, spanId: "b".repeat(15) }), false);
});
