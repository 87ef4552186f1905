import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Context,
  createContextKey,
  headersGetter,
  headersSetter,
  isValidSpanContext,
  propagation,
  ROOT_CONTEXT,
  trace,
} from "@sonde/api";
import fc from "fast-check";
import { BAGGAGE_LIMITS, parseBaggage, serializeBaggage } from "./baggage.js";
import { w3cPropagator } from "./composite.js";
import { parseTraceparent } from "./trace-context.js";
import { normalizeTracestate } from "./tracestate.js";

// The propagator itself is exercised, not the api wrapper (which would hide a throw).
const RUNS = 3000;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MARKER = createContextKey("marker");
const START = ROOT_CONTEXT.setValue(MARKER, 1);

const VALID = {
  traceparent: [
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-future",
  ],
  tracestate: ["congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", "a@b=x y, 0k=v"],
  baggage: ["k1=v1;p1;p2=x, k2 = DF%2028", "u=%E2%82%AC,z=1"],
};

/** A valid header with random edits: characters replaced, inserted or removed, or cut. */
function mutated(samples: string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: "binary-ascii", maxLength: 3 }));
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(edit, { maxLength: 4 }))
    .map(([sample, edits]) =>
      edits.reduce((text, [at, remove, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + remove);
      }, sample),
    );
}

/** Anything a header could hold: random text of any code points, random bytes, near-misses. */
function headerValue(samples: string[]): fc.Arbitrary<string | string[]> {
  // Members made distinct by a numeric prefix (still a valid key start), so lists can be long.
  const members = samples.flatMap((sample) => sample.split(","));
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    mutated(samples),
    fc.constantFrom(...samples),
    // Long lists of near-valid members, to reach the count and size limits.
    fc
      .array(mutated(members), { minLength: 1, maxLength: 400, size: "max" })
      .map((parts) => parts.map((part, i) => `${i}${part.trim()}`).join(",")),
  );
  return fc.oneof(text, fc.array(text, { maxLength: 3 }));
}

const carrier = fc.record(
  {
    traceparent: headerValue(VALID.traceparent),
    tracestate: headerValue(VALID.tracestate),
    baggage: headerValue(VALID.baggage),
  },
  { requiredKeys: [] },
);

/** Asserts that whatever `extract` added to START is well-formed; returns what it added. */
function checkExtracted(ctx: Context): { span: boolean; baggage: boolean } {
  const span = trace.getSpan(ctx);
  if (span !== undefined) {
    const spanContext = span.spanContext();
    assert.ok(isValidSpanContext(spanContext), JSON.stringify(spanContext));
    assert.equal(spanContext.remote, true);
    assert.equal(typeof spanContext.sampled, "boolean");
    assert.equal(normalizeTracestate(spanContext.traceState), spanContext.traceState);
    assert.ok(spanContext.traceState.length <= 512);
    assert.ok(spanContext.traceState.split(",").length <= 32);
    // What comes in goes out again, readable by the next hop.
    const out: Record<string, string> = {};
    w3cPropagator.inject(ctx, out, headersSetter);
    const reparsed = parseTraceparent(out.traceparent);
    assert.equal(reparsed?.traceId, spanContext.traceId);
    assert.equal(reparsed?.spanId, spanContext.spanId);
    assert.equal(out.tracestate ?? "", spanContext.traceState);
  }
  const baggage = propagation.getBaggage(ctx);
  if (baggage !== undefined) {
    const all = baggage.getAllEntries();
    assert.ok(all.length > 0 && all.length <= BAGGAGE_LIMITS.members, `${all.length} members`);
    for (const [key, entry] of all) {
      assert.match(key, TOKEN);
      assert.equal(typeof entry.value, "string");
    }
    const header = serializeBaggage(all);
    assert.ok(header.length <= BAGGAGE_LIMITS.bytes);
    // Round trip: what is sent again decodes to the same entries (unless dropped for size).
    for (const [key, entry] of parseBaggage(header)) assert.deepEqual(entry, baggage.getEntry(key));
  }
  return { span: span !== undefined, baggage: baggage !== undefined };
}

test("extract never throws on random carriers and never yields an invalid context", () => {
  const seen = { span: 0, baggage: 0, unchanged: 0 };
  fc.assert(
    fc.property(carrier, (headers) => {
      const ctx = w3cPropagator.extract(START, headers, headersGetter);
      assert.equal(ctx.getValue(MARKER), 1, "extract builds on the given context");
      if (ctx === START) {
        seen.unchanged++;
        return;
      }
      const added = checkExtracted(ctx);
      assert.ok(added.span || added.baggage, "a changed context carries a span or baggage");
      if (added.span) seen.span++;
      if (added.baggage) seen.baggage++;
    }),
    { numRuns: RUNS },
  );
  // The generators reach the interesting paths, not only rejections.
  assert.ok(seen.span > RUNS / 20, `valid traceparent in ${seen.span} runs`);
  assert.ok(seen.baggage > RUNS / 20, `valid baggage in ${seen.baggage} runs`);
  assert.ok(seen.unchanged > RUNS / 20, `nothing valid in ${seen.unchanged} runs`);
});

test("a getter answering anything at all does not make extract throw", () => {
  const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: true });
  fc.assert(
    fc.property(anything, anything, anything, (traceparent, tracestate, baggage) => {
      const values: Record<string, unknown> = { traceparent, tracestate, baggage };
      const getter = {
        get: (_: unknown, key: string) => values[key] as string | undefined,
        keys: () => Object.keys(values),
      };
      checkExtracted(w3cPropagator.extract(ROOT_CONTEXT, {}, getter));
    }),
    { numRuns: RUNS },
  );
});

test("parsers are idempotent on their own output", () => {
  fc.assert(
    fc.property(headerValue(VALID.tracestate), headerValue(VALID.baggage), (state, baggage) => {
      const normalized = normalizeTracestate(state);
      assert.equal(normalizeTracestate(normalized), normalized);
      const header = serializeBaggage(parseBaggage(baggage));
      assert.equal(serializeBaggage(parseBaggage(header)), header);
    }),
    { numRuns: RUNS },
  );
});
