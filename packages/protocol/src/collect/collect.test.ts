import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Attributes, SpanRecord } from "../model.js";
import {
  appendToBatch,
  type Column,
  decodeClientMessage,
  decodeSpan,
  encodeClientMessage,
  encodeSpans,
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

  /** One span batch as the SDK session sends it: spans, then the strings they added. */
  function encodeBatch(spans: SpanRecord[], interner: StringInterner, seq = 1): Uint8Array {
    const fields = encodeSpans(spans, interner, 1, base);
    const { first, strings } = interner.takeNew();
    const define = strings.length > 0 ? { firstStringId: first, strings } : undefined;
    return appendToBatch(encodeClientMessage({ batch: { seq, define } }), fields);
  }

  /** The collector's side: decode, define the batch's strings, decode its spans. */
  function decodeBatch(bytes: Uint8Array, table = new StringTable()): SpanRecord[] {
    const batch = decodeClientMessage(bytes).batch ?? {};
    table.define(batch.define?.firstStringId ?? 1, batch.define?.strings ?? []);
    return (batch.spans ?? []).map((w) => decodeSpan(w, table, base));
  }

  it("round-trip with interned and inline strings", () => {
    for (const interner of [new StringInterner(), new StringInterner(3), new StringInterner(0)]) {
      assert.deepEqual(decodeBatch(encodeBatch([span], interner)), [span]);
    }
  });

  it("write the bytes protobufjs writes for the same message", () => {
    const root = { ...span, parentSpanId: "", traceState: "", events: [], links: [] };
    const interner = new StringInterner();
    const fields = encodeSpans([root], interner, 7, base);
    const wire = {
      traceId: Buffer.from(span.traceId, "hex"),
      spanId: Buffer.from(span.spanId, "hex"),
      identityId: 7,
      name: 1,
      kind: 2,
      startOffsetNs: -76_543_211,
      durationNs: 1_543_211,
      statusCode: 2,
      statusMessage: 2,
      attributes: [
        { key: 3, stringRef: 4 },
        { key: 5, intValue: 3 },
        { key: 6, doubleValue: 0.5 },
        { key: 7, boolValue: false },
        { key: 8, jsonValue: '["a",1]' },
      ],
    };
    const expected = encodeClientMessage({ batch: { seq: 1, spans: [wire] } });
    assert.deepEqual(appendToBatch(encodeClientMessage({ batch: { seq: 1 } }), fields), expected);
  });

  it("write integers past 2^53 as protobufjs does (wrapping past 64 bits)", () => {
    const big = [2n ** 53n + 2n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 64n + 2n ** 40n, 10n ** 400n];
    const attributes = Object.fromEntries(big.map((v, i) => [`k${i}`, v]));
    const root = { ...span, parentSpanId: "", traceState: "", statusMessage: "", events: [] };
    const fields = encodeSpans([{ ...root, attributes, links: [] }], new StringInterner(), 1, base);
    const wire = {
      traceId: Buffer.from(span.traceId, "hex"),
      spanId: Buffer.from(span.spanId, "hex"),
      identityId: 1,
      name: 1,
      kind: 2,
      startOffsetNs: -76_543_211,
      durationNs: 1_543_211,
      statusCode: 2,
      attributes: big.map((v, i) => ({ key: i + 2, intValue: Number(v) })),
    };
    const expected = encodeClientMessage({ batch: { seq: 1, spans: [wire] } });
    assert.deepEqual(appendToBatch(encodeClientMessage({ batch: { seq: 1 } }), fields), expected);
  });

  it("round-trip every attribute type; null and undefined are left out", () => {
    const values = {
      s: "x",
      empty: "",
      long: "é".repeat(300),
      zero: 0,
      negativeZero: -0,
      small: -5,
      edges: [2 ** 30 - 1, 2 ** 30, -(2 ** 30), -(2 ** 30) - 1, 2 ** 31, -(2 ** 31), 2 ** 32],
      safe: Number.MAX_SAFE_INTEGER,
      unsafeMin: Number.MIN_SAFE_INTEGER,
      huge: 2 ** 60,
      double: -1.25,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      t: true,
      f: false,
      big: 12n,
      bigNegative: -(2n ** 40n),
      bigHuge: 2n ** 62n + 1n,
      nested: [1n, ["a", null], true],
      gone: null,
      missing: undefined as unknown as null,
    };
    const input = { ...span, attributes: values };
    const [back] = decodeBatch(encodeBatch([input], new StringInterner()));
    assert.deepEqual(back?.attributes, {
      s: "x",
      empty: "",
      long: "é".repeat(300),
      zero: 0,
      negativeZero: 0,
      small: -5,
      edges: values.edges,
      safe: Number.MAX_SAFE_INTEGER,
      unsafeMin: Number.MIN_SAFE_INTEGER,
      huge: 2 ** 60,
      double: -1.25,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      t: true,
      f: false,
      big: 12,
      bigNegative: -(2 ** 40),
      bigHuge: 2 ** 62,
      nested: [1, ["a", null], true],
    });
  });

  it("round-trip roots, events, links, statuses and offsets on both sides of the batch", () => {
    const spans: SpanRecord[] = [
      { ...span, parentSpanId: "", traceState: "", statusCode: "unset", statusMessage: "" },
      { ...span, statusCode: "ok", statusMessage: "", events: [], links: [] },
      { ...span, kind: "internal", startTimeUnixNano: base, endTimeUnixNano: base },
      {
        ...span,
        kind: "client",
        startTimeUnixNano: base + 3_000_000_000n,
        endTimeUnixNano: base + 3_000_000_001n,
      },
      { ...span, kind: "producer", endTimeUnixNano: span.startTimeUnixNano + 10n ** 13n },
      {
        ...span,
        kind: "consumer",
        events: [
          { name: "a", timeUnixNano: base, attributes: { k: 1, on: true } },
          { name: "b", timeUnixNano: base - 10n ** 12n, attributes: { k: "é", x: [2] } },
        ],
        links: [
          { traceId: "3".repeat(32), spanId: "4".repeat(16), attributes: {} },
          { traceId: "5".repeat(32), spanId: "6".repeat(16), attributes: { n: -1.5 } },
        ],
      },
    ];
    assert.deepEqual(decodeBatch(encodeBatch(spans, new StringInterner(4))), spans);
  });

  it("define strings once per session; later batches refer to them", () => {
    const interner = new StringInterner();
    const table = new StringTable();
    const first = encodeBatch([span], interner, 1);
    const second = encodeBatch([span], interner, 2);
    assert.ok(second.length < first.length * 0.7, `${second.length} vs ${first.length}`);
    assert.equal(decodeClientMessage(second).batch?.define, null);
    assert.deepEqual(decodeBatch(first, table), [span]);
    assert.deepEqual(decodeBatch(second, table), [span]);
    const third = { ...span, name: "new name" };
    assert.deepEqual(decodeBatch(encodeBatch([third, span], interner, 3), table), [third, span]);
  });

  it("keep each session's string ids to itself", () => {
    const sessions = [new StringInterner(), new StringInterner(0), new StringInterner(1)];
    const tables = sessions.map(() => new StringTable());
    for (let round = 0; round < 3; round++) {
      sessions.forEach((interner, i) => {
        assert.deepEqual(decodeBatch(encodeBatch([span], interner, round + 1), tables[i]), [span]);
      });
    }
  });

  it("round-trip large batches and spans (lengths of several varint bytes)", () => {
    const big = { ...span, attributes: { ...span.attributes, body: "x".repeat(100_000) } };
    const spans = Array.from({ length: 3000 }, (_, i) => ({ ...span, name: `n${i % 300}` }));
    spans.splice(1500, 0, big);
    const bytes = encodeBatch(spans, new StringInterner());
    assert.ok(bytes.length > 2 ** 14 * 30, `${bytes.length} bytes`);
    assert.deepEqual(decodeBatch(bytes), spans);
  });

  it("fuzz: random spans round-trip as the decoder reads them", () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
    const time = fc.bigInt({ min: base - 10n ** 15n, max: base + 10n ** 15n });
    const text = fc.string({ unit: "grapheme", maxLength: 40 });
    const value = fc.oneof(
      text,
      fc.double(),
      fc.integer(),
      fc.maxSafeInteger(),
      fc.boolean(),
      fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
      fc.array(fc.oneof(text, fc.double(), fc.boolean()), { maxLength: 3 }),
      fc.constant(null),
    );
    const attributes = fc.dictionary(
      text.filter((k) => k !== "__proto__"),
      value,
      { maxKeys: 6, noNullPrototype: true },
    );
    const record = fc.record({
      traceId: hex(32),
      spanId: hex(16),
      parentSpanId: fc.oneof(fc.constant(""), hex(16)),
      traceState: text,
      name: text,
      kind: fc.constantFrom("internal", "server", "client", "producer", "consumer"),
      startTimeUnixNano: time,
      durationNs: fc.bigInt({ min: 0n, max: 10n ** 14n }),
      statusCode: fc.constantFrom("unset", "ok", "error"),
      statusMessage: text,
      attributes,
      events: fc.array(fc.record({ name: text, timeUnixNano: time, attributes }), {
        maxLength: 2,
      }),
      links: fc.array(fc.record({ traceId: hex(32), spanId: hex(16), attributes }), {
        maxLength: 2,
      }),
    });
    // What the decoder gives back: no null attributes, bigints and -0 as numbers, arrays as JSON.
    const read = (a: Attributes): Attributes => {
      const out: Attributes = {};
      for (const [k, v] of Object.entries(a)) {
        if (v === null) continue;
        if (Array.isArray(v)) out[k] = JSON.parse(JSON.stringify(v));
        else if (typeof v === "bigint") out[k] = Number(v);
        else out[k] = Object.is(v, -0) ? 0 : v;
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), fc.nat(12), (list, capacity) => {
        const spans: SpanRecord[] = list.map(({ durationNs, ...s }) => ({
          ...s,
          endTimeUnixNano: s.startTimeUnixNano + durationNs,
        }));
        const expected = spans.map((s) => ({
          ...s,
          attributes: read(s.attributes),
          events: s.events.map((e) => ({ ...e, attributes: read(e.attributes) })),
          links: s.links.map((l) => ({ ...l, attributes: read(l.attributes) })),
        }));
        // Two batches of one session: the second meets strings the first defined, at new places.
        const interner = new StringInterner(capacity, 8);
        const table = new StringTable();
        const half = spans.length >> 1;
        const back = [
          ...decodeBatch(encodeBatch(spans.slice(half), interner, 1), table),
          ...decodeBatch(encodeBatch(spans.slice(0, half).reverse(), interner, 2), table),
        ];
        assert.deepEqual(back, [...expected.slice(half), ...expected.slice(0, half).reverse()]);
      }),
      { numRuns: 300 },
    );
  });

  it("reject unknown string ids and bad ids", () => {
    const [wire] =
      decodeClientMessage(encodeBatch([span], new StringInterner())).batch?.spans ?? [];
    assert.ok(wire);
    assert.throws(() => decodeSpan(wire, new StringTable(), base), StringTableError);
    assert.throws(
      () => decodeSpan({ ...wire, traceId: new Uint8Array(3) }, new StringTable(), base),
      RangeError,
    );
  });

  it("append only to a message holding just a batch", () => {
    const fields = encodeSpans([span], new StringInterner(), 1, base);
    assert.throws(() => appendToBatch(encodeClientMessage({ define: {} }), fields), RangeError);
    const batch = encodeClientMessage({ batch: { seq: 1 } });
    assert.throws(() => appendToBatch(batch.subarray(0, batch.length - 1), fields), RangeError);
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
