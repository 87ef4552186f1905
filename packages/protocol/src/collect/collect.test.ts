import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { SpanRecord } from "../model.js";
import {
  type Column,
  decodeClientMessage,
  decodeSpan,
  encodeClientMessage,
  encodeSpan,
  fromRuns,
  MetricSamplesBuilder,
  metricInterval,
  readMetricSamples,
  SampleDecodeError,
  type SampleValue,
  StringInterner,
  StringTable,
  StringTableError,
} from "./index.js";
import { riceDecode, riceEncode } from "./rice.js";

function roundTrip(builder: MetricSamplesBuilder, columns: Map<number, Column>) {
  const bytes = encodeClientMessage({ batch: { seq: 1, metrics: builder.build() } });
  const decoded = decodeClientMessage(bytes);
  const seen: [number, SampleValue][] = [];
  readMetricSamples(
    decoded.batch?.metrics ?? {},
    (s) => columns.get(s),
    (s, v) => seen.push([s, v]),
  );
  return { seen, bytes: bytes.length };
}

describe("metric samples", () => {
  it("round-trip every column in series order, whatever order they were added in", () => {
    const b = new MetricSamplesBuilder();
    const columns = new Map<number, Column>([
      [3, "int"],
      [7, "double"],
      [8, "string"],
      [20, "distribution"],
      [21, "distribution"],
      [1000, "int"],
    ]);
    b.add(1000, { column: "int", value: -5 });
    b.add(20, { column: "distribution", value: { sum: 12.5, buckets: [[2, 3]], min: 0.5 } });
    b.add(3, { column: "int", value: 2 ** 40 });
    b.add(8, { column: "string", value: "ready" });
    b.add(21, { column: "distribution", value: { sum: 1, buckets: [], max: 9 } });
    b.add(7, { column: "double", value: 0.25 });
    b.addSampledMetric(4);
    b.addSampledMetric(1);
    const { seen } = roundTrip(b, columns);
    assert.deepEqual(seen, [
      [3, { column: "int", value: 2 ** 40 }],
      [7, { column: "double", value: 0.25 }],
      [8, { column: "string", value: "ready" }],
      [20, { column: "distribution", value: { sum: 12.5, buckets: [[2, 3]], min: 0.5 } }],
      [21, { column: "distribution", value: { sum: 1, buckets: [], max: 9 } }],
      [1000, { column: "int", value: -5 }],
    ]);
  });

  it("cost under two bytes per changed small counter and nothing per unchanged series", () => {
    const b = new MetricSamplesBuilder();
    const columns = new Map<number, Column>();
    for (let s = 0; s < 1000; s += 10) {
      columns.set(s + 1, "int");
      b.add(s + 1, { column: "int", value: (s % 7) + 1 });
    }
    for (let m = 1; m <= 10; m++) b.addSampledMetric(m);
    const { seen, bytes } = roundTrip(b, columns);
    assert.equal(seen.length, 100);
    assert.ok(bytes <= 190, `${bytes} bytes for 100 changed of 1000 series`);
  });

  it("reject samples that do not fit their definitions", () => {
    const cases: [string, Parameters<typeof readMetricSamples>[0]][] = [
      ["undefined series", { changed: [9], ints: [1] }],
      ["column too short", { changed: [1, 1], ints: [1] }],
      ["values left over", { changed: [1], ints: [1, 2] }],
      ["series twice", { changed: [1, 0], ints: [1, 2] }],
      ["bucket list too short", { changed: [3], buckets: [2 << 2, 1], doubles: [1] }],
      ["missing sum", { changed: [3], buckets: [0] }],
    ];
    const columns = new Map<number, Column>([
      [1, "int"],
      [2, "int"],
      [3, "distribution"],
    ]);
    for (const [what, samples] of cases) {
      assert.throws(
        () =>
          readMetricSamples(
            samples,
            (s) => columns.get(s),
            () => {},
          ),
        SampleDecodeError,
        what,
      );
    }
  });

  it("fuzz: random bytes either decode or throw, and never yield undefined series", () => {
    const columns = new Map<number, Column>([
      [1, "int"],
      [2, "double"],
      [3, "string"],
      [4, "distribution"],
    ]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const m = decodeClientMessage(bytes);
          if (m.batch?.metrics) {
            readMetricSamples(
              m.batch.metrics,
              (s) => columns.get(s),
              (s) => assert.ok(columns.has(s)),
            );
          }
        } catch (e) {
          assert.ok(e instanceof Error);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe("Rice-coded ids and metric runs", () => {
  it("round-trip any ascending id set", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 300 }),
        (list) => {
          const ids = [...list].sort((a, b) => a - b);
          assert.deepEqual(riceDecode(riceEncode(ids)), ids);
        },
      ),
    );
  });

  it("take about 5.5 bits per id for 100 random ids of 1,000 (varint gaps: 8)", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ids = new Set<number>();
    while (ids.size < 100) ids.add(1 + Math.floor(random() * 1000));
    const bytes = riceEncode([...ids].sort((a, b) => a - b)).length;
    assert.ok(bytes <= 75, `${bytes} bytes`);
  });

  it("reject truncated or inflated codes without allocating for them", () => {
    const good = riceEncode([3, 9, 40, 41, 300]);
    assert.throws(() => riceDecode(good.subarray(0, good.length - 1)), RangeError);
    assert.throws(() => riceDecode(Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 2, 0])), RangeError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          assert.ok(riceDecode(bytes).length <= bytes.length * 8);
        } catch (e) {
          assert.ok(e instanceof RangeError);
        }
      }),
    );
  });

  it("metric runs: consecutive ids cost two numbers", () => {
    const b = new MetricSamplesBuilder();
    for (const m of [1, 2, 3, 4, 5, 9, 10, 12]) b.addSampledMetric(m);
    const built = b.build();
    assert.deepEqual(built?.sampledMetrics, [1, 5, 4, 2, 2, 1]);
    assert.deepEqual(fromRuns(built?.sampledMetrics), [1, 2, 3, 4, 5, 9, 10, 12]);
    assert.throws(() => fromRuns([1]), SampleDecodeError);
    assert.throws(() => fromRuns([1, 0]), SampleDecodeError);
  });
});

describe("string table", () => {
  it("interns from id 1, sends new strings once, and inlines past capacity or length", () => {
    const interner = new StringInterner(2, 5);
    assert.equal(interner.intern("a"), 1);
    assert.equal(interner.intern("b"), 2);
    assert.equal(interner.intern("a"), 1);
    assert.equal(interner.intern("c"), -1);
    assert.deepEqual(interner.takeNew(), { first: 1, strings: ["a", "b"] });
    assert.deepEqual(interner.takeNew(), { first: 3, strings: [] });
    assert.equal(new StringInterner(10, 5).intern("toolong"), -1);
  });

  it("accepts a repeated Define and rejects gaps, conflicts and unknown ids", () => {
    const table = new StringTable();
    table.define(1, ["a", "b"]);
    table.define(1, ["a", "b", "c"]);
    assert.equal(table.get(3), "c");
    assert.equal(table.get(0), "");
    assert.throws(() => table.define(5, ["x"]), StringTableError);
    assert.throws(() => table.define(2, ["z"]), StringTableError);
    assert.throws(() => table.get(4), StringTableError);
  });
});

describe("spans", () => {
  const span: SpanRecord = {
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: "b7ad6b7169203331",
    parentSpanId: "00f067aa0ba902b7",
    traceState: "congo=t61rcWkgMzE",
    name: "GET /users/:id",
    kind: "server",
    startTimeUnixNano: 1_700_000_000_123_456_789n,
    endTimeUnixNano: 1_700_000_000_125_000_000n,
    statusCode: "error",
    statusMessage: "boom",
    attributes: { "http.route": "/users/:id", n: 3, ratio: 0.5, ok: false, list: ["a", 1] },
    events: [{ name: "exception", timeUnixNano: 1_700_000_000_124_000_000n, attributes: {} }],
    links: [{ traceId: "1".repeat(32), spanId: "2".repeat(16), attributes: { k: "v" } }],
  };
  const base = 1_700_000_000_200_000_000n;

  it("round-trip through the wire form with interned and inline strings", () => {
    for (const interner of [new StringInterner(), new StringInterner(3)]) {
      const wire = encodeSpan(span, interner, 1, base);
      const bytes = encodeClientMessage({ batch: { seq: 1, spans: [wire] } });
      const table = new StringTable();
      const { first, strings } = interner.takeNew();
      table.define(first, strings);
      const back = decodeSpan(decodeClientMessage(bytes).batch?.spans?.[0] ?? {}, table, base);
      assert.deepEqual(back, span);
    }
  });

  it("a second span with the same strings is much smaller", () => {
    const interner = new StringInterner();
    const batch = () => {
      const spans = [encodeSpan(span, interner, 1, base)];
      const { first, strings } = interner.takeNew();
      return encodeClientMessage({ batch: { define: { firstStringId: first, strings }, spans } });
    };
    const first = batch();
    const second = batch();
    assert.ok(second.length < first.length * 0.7, `${second.length} vs ${first.length}`);
  });

  it("reject unknown string ids and bad ids", () => {
    const wire = encodeSpan(span, new StringInterner(), 1, base);
    assert.throws(() => decodeSpan(wire, new StringTable(), base), StringTableError);
    assert.throws(
      () => decodeSpan({ ...wire, traceId: new Uint8Array(3) }, new StringTable(), base),
      RangeError,
    );
  });
});

describe("policy rules", () => {
  // The seed's example policy.
  const rules = [
    { prefix: "/build/", intervalMs: 600_000 },
    { prefix: "/proc/", intervalMs: 5_000 },
    { prefix: "/net/rpc/server/", intervalMs: 5_000 },
    { name: "/net/rpc/client/response_latency", intervalMs: 5_000 },
  ];
  it("match by exact name, then longest prefix; unmatched metrics are not pushed", () => {
    assert.equal(metricInterval(rules, "/build/version"), 600_000);
    assert.equal(metricInterval(rules, "/proc/memory/rss"), 5_000);
    assert.equal(metricInterval(rules, "/net/rpc/client/response_latency"), 5_000);
    assert.equal(metricInterval(rules, "/net/rpc/client/request_count"), 0);
    assert.equal(
      metricInterval([...rules, { prefix: "/proc/gc/", intervalMs: 0 }], "/proc/gc/count"),
      0,
    );
  });
});
