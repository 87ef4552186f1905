import assert from "node:assert/strict";
import { test } from "node:test";
import { headersGetter, headersSetter, ROOT_CONTEXT, trace } from "@sonde/api";
import { traceContextPropagator } from "./trace-context.js";
import { normalizeTracestate } from "./tracestate.js";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

function extractedState(tracestate: string | string[]): string | undefined {
  const ctx = traceContextPropagator.extract(
    ROOT_CONTEXT,
    { traceparent: TRACEPARENT, tracestate },
    headersGetter,
  );
  return trace.getSpan(ctx)?.spanContext().traceState;
}

test("valid tracestate passes unchanged, as one header or several combined", () => {
  assert.equal(
    normalizeTracestate("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"),
    "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
  );
  assert.equal(
    normalizeTracestate(["rojo=00f067aa0ba902b7", "congo=t61rcWkgMzE"]),
    "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
  );
  assert.equal(extractedState("congo=t61rcWkgMzE"), "congo=t61rcWkgMzE");
  // Keys may start with a digit and contain _ - * / @; values any printable but "," and "=".
  const exotic = "0vendor_a-b*c/d@sys=a value!~";
  assert.equal(normalizeTracestate(exotic), exotic);
});

test("malformed members are dropped, the valid ones kept in order", () => {
  const header = [
    "Upper=1", // upper-case key
    "ok=1",
    "=novalue-key",
    "novalue",
    "eq=a=b", // "=" in the value
    "_under=1", // key must start with a letter or digit
    "sp ace=1",
    "tab=a\tb", // control character
    "utf=é",
    `long=${"x".repeat(257)}`, // value longer than 256
    `${"k".repeat(257)}=v`, // key longer than 256
    "last=2",
  ].join(",");
  assert.equal(normalizeTracestate(header), "ok=1,last=2");
});

test("OWS and empty members are removed; leading spaces of a value are kept", () => {
  assert.equal(normalizeTracestate(" a=1 ,, \t,b=2\t"), "a=1,b=2");
  assert.equal(normalizeTracestate("a=  x  "), "a=  x");
  assert.equal(normalizeTracestate(""), "");
  assert.equal(normalizeTracestate(" , ,"), "");
  assert.equal(normalizeTracestate(undefined), "");
});

test("duplicate keys keep the first (most recent) position", () => {
  assert.equal(normalizeTracestate("a=1,b=2,a=3"), "a=1,b=2");
});

test("at most 32 members are kept", () => {
  const members = Array.from({ length: 40 }, (_, i) => `k${i}=v${i}`);
  const kept = normalizeTracestate(members.join(",")).split(",");
  assert.deepEqual(kept, members.slice(0, 32));
});

test("past 512 characters, members over 128 characters go first, then members from the end", () => {
  const long = `big=${"x".repeat(200)}`;
  const small = Array.from({ length: 20 }, (_, i) => `vendor${i}=${"v".repeat(20)}`);
  const result = normalizeTracestate([long, ...small].join(","));
  assert.ok(result.length <= 512, `${result.length} characters`);
  assert.equal(result.includes("big="), false);
  const kept = result.split(",");
  assert.deepEqual(kept, small.slice(0, kept.length), "a prefix of the small members");
  assert.equal(kept.length, 17, "10 members of 28 characters and 7 of 29, with commas: 499");
  // Under the limit nothing is dropped, long members included.
  assert.equal(normalizeTracestate(`${long},a=1`), `${long},a=1`);
});

test("inject writes the normalized tracestate; tracestate without traceparent is ignored", () => {
  const headers: Record<string, string> = {};
  const span = trace.wrapSpanContext({
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    sampled: true,
    remote: false,
    traceState: "Bad=1, good=1",
  });
  traceContextPropagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, headersSetter);
  assert.deepEqual(headers, { traceparent: TRACEPARENT, tracestate: "good=1" });
  const ctx = traceContextPropagator.extract(ROOT_CONTEXT, { tracestate: "a=1" }, headersGetter);
  assert.equal(ctx, ROOT_CONTEXT);
  assert.equal(extractedState("Bad=1"), "", "an all-invalid tracestate becomes empty");
});
