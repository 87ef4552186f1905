import assert from "node:assert/strict";
import { test } from "node:test";
import type { MetricPointRecord, ResourceSpansRecord } from "../model.js";
import { decodeMetricsRequest, encodeMetricsRequest, metricsRequestFromObject } from "./metrics.js";
import { encodeTraceRequest } from "./trace-encoder.js";
import { decodeTraceRequest, traceRequestFromObject } from "./traces.js";
import { OtlpDecodeError } from "./values.js";

const batch: ResourceSpansRecord = {
  resource: { attributes: { "service.name": "billing", "process.pid": 42 } },
  scope: { name: "test", version: "1.0.0" },
  spans: [
    {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      parentSpanId: "",
      traceState: "congo=t61rcWkgMzE",
      name: "GET /charge",
      kind: "server",
      startTimeUnixNano: 1_700_000_000_123_456_789n,
      endTimeUnixNano: 1_700_000_000_223_456_789n,
      statusCode: "error",
      statusMessage: "card declined",
      attributes: {
        "http.request.method": "GET",
        "http.response.status_code": 502,
        ratio: 0.25,
        cached: false,
        big: 9_007_199_254_740_993n,
        tags: ["a", "b"],
      },
      events: [{ name: "retry", timeUnixNano: 1_700_000_000_200_000_000n, attributes: { n: 1 } }],
      links: [
        { traceId: "1af7651916cd43dd8448eb211c80319c", spanId: "c7ad6b7169203331", attributes: {} },
      ],
    },
  ],
};

test("trace request round-trips through OTLP protobuf", () => {
  const decoded = decodeTraceRequest(encodeTraceRequest([batch]));
  assert.deepEqual(decoded, [batch]);
});

test("OTLP/JSON trace request maps hex ids, string int64 and named enums", () => {
  const json = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "auth" } }] },
        scopeSpans: [
          {
            scope: { name: "s" },
            spans: [
              {
                traceId: "0AF7651916CD43DD8448EB211C80319C",
                spanId: "b7ad6b7169203331",
                parentSpanId: "",
                name: "login",
                kind: "SPAN_KIND_CLIENT",
                startTimeUnixNano: "1700000000000000000",
                endTimeUnixNano: 1700000000001000000,
                status: { code: 2 },
                attributes: [{ key: "n", value: { intValue: "7" } }],
              },
            ],
          },
        ],
      },
    ],
  };
  const [rs] = traceRequestFromObject(json);
  const s = rs.spans[0];
  assert.equal(s.traceId, "0af7651916cd43dd8448eb211c80319c");
  assert.equal(s.kind, "client");
  assert.equal(s.statusCode, "error");
  assert.equal(s.startTimeUnixNano, 1_700_000_000_000_000_000n);
  assert.equal(s.attributes.n, 7);
  assert.equal(rs.resource.attributes["service.name"], "auth");
});

test("malformed trace bodies fail with the offending field named", () => {
  assert.throws(() => decodeTraceRequest(Buffer.from([0x0a, 0xff, 0xff, 0x01])), OtlpDecodeError);
  const bad = (span: object) => ({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
  assert.throws(
    () => traceRequestFromObject(bad({ traceId: "xyz", spanId: "b7ad6b7169203331" })),
    /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.traceId/,
  );
  assert.throws(
    () =>
      traceRequestFromObject(
        bad({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "0000000000000000" }),
      ),
    /spanId/,
  );
  assert.throws(
    () => traceRequestFromObject({ resourceSpans: 5 }),
    /resourceSpans: expected a list/,
  );
});

test("metric points round-trip: counter, gauge and histogram", () => {
  const common = {
    resource: { "service.name": "web" },
    scope: "sonde",
    description: "d",
    attributes: { route: "/a" },
    startTimeUnixNano: 1_000n,
    timeUnixNano: 2_000n,
    count: null,
    min: null,
    max: null,
    explicitBounds: [],
    bucketCounts: [],
    metadata: { "sonde.owner": "team-web", "code.line.number": 12 },
    exemplars: [],
  };
  const points: MetricPointRecord[] = [
    {
      ...common,
      name: "/net/http/server/request_count",
      unit: "1",
      kind: "sum",
      monotonic: true,
      temporality: "cumulative",
      value: 12,
    },
    {
      ...common,
      name: "/proc/memory/heap_used",
      unit: "By",
      kind: "gauge",
      monotonic: false,
      temporality: "",
      value: 1.5,
    },
    {
      ...common,
      name: "/net/http/server/response_latency",
      unit: "ms",
      kind: "histogram",
      monotonic: false,
      temporality: "cumulative",
      value: 40,
      count: 4,
      min: 1,
      max: 20,
      explicitBounds: [2, 3, 5, 8, 13],
      bucketCounts: [1, 0, 1, 1, 0, 1],
      exemplars: [
        {
          value: 12.5,
          timeUnixNano: 1_500n,
          traceId: "0af7651916cd43dd8448eb211c80319c",
          spanId: "b7ad6b7169203331",
        },
        { value: 1, timeUnixNano: 1_600n, traceId: "", spanId: "" },
      ],
    },
  ];
  assert.deepEqual(decodeMetricsRequest(encodeMetricsRequest(points)), points);
});

test("exponential histogram buckets become explicit bounds", () => {
  const [p] = metricsRequestFromObject({
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: "lat",
                exponentialHistogram: {
                  aggregationTemporality: 2,
                  dataPoints: [
                    {
                      count: "6",
                      sum: 10,
                      scale: 0,
                      zeroCount: "1",
                      positive: { offset: 1, bucketCounts: ["2", "3"] },
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  });
  assert.deepEqual(p.explicitBounds, [0, 4, 8]);
  assert.deepEqual(p.bucketCounts, [1, 2, 3, 0]);
  assert.equal(p.temporality, "cumulative");
});

test("the span encoder handles long and non-ASCII strings, negative ints and large batches", () => {
  const long = "é€😀x".repeat(5000); // multi-byte UTF-8, ~45 kB: 3-byte length varints
  const spans = Array.from({ length: 3000 }, (_, i) => ({
    ...batch.spans[0],
    spanId: (i + 1).toString(16).padStart(16, "0"),
    // Times differing in both 32-bit halves, written before and after the buffer grows.
    startTimeUnixNano: 1_700_000_000_123_456_789n + BigInt(i) * 4_294_967_311n,
    endTimeUnixNano: 1_700_000_000_223_456_789n + BigInt(i) * 4_294_967_311n,
    name: i % 50 === 7 ? long : `op-${i}`,
    attributes: {
      n: -i - 1,
      big: -9_007_199_254_740_993n,
      s: i % 2 ? long.slice(0, 130) : "ü",
      f: -0.5,
    },
  }));
  const input: ResourceSpansRecord[] = [
    { ...batch, spans },
    { resource: { attributes: {} }, scope: { name: "", version: "" }, spans: [] },
  ];
  const body = encodeTraceRequest(input);
  assert.ok(body.length > 2 ** 21, "a ScopeSpans longer than 2 MiB");
  const decoded = decodeTraceRequest(body);
  assert.deepEqual(decoded, input);
});

test("repeated attributes encode as before: same, alternating, changing and retyped values", () => {
  // The encoder copies the bytes of a key and value seen before (KeyValueCache); every kind of
  // repetition must decode to exactly what was given, batch after batch.
  const values: (string | number | boolean)[] = ["GET", "POST", "PUT", "GET", 1, "1", true, 1.5];
  const spans = Array.from({ length: 400 }, (_, i) => ({
    ...batch.spans[0],
    spanId: (i + 1).toString(16).padStart(16, "0"),
    attributes: {
      same: "127.0.0.1",
      port: 8080,
      alternating: values[i % values.length],
      changing: `/users/${i}`,
      longChanging: `${"x".repeat(200)}${i}`,
      sometimes: i % 100 < 50 ? "a" : `b${i}`,
    },
    events: [{ name: "e", timeUnixNano: 1n, attributes: { same: "127.0.0.1", n: i } }],
  }));
  const input: ResourceSpansRecord[] = [{ ...batch, spans }];
  for (let round = 0; round < 3; round++) {
    assert.deepEqual(decodeTraceRequest(encodeTraceRequest(input)), input, `round ${round}`);
  }
  const first = encodeTraceRequest(input);
  assert.deepEqual(encodeTraceRequest(input), first, "the same spans encode to the same bytes");
});

test("int64 metric values beyond 2^53 round-trip exactly", () => {
  const [p] = decodeMetricsRequest(
    encodeMetricsRequest([
      {
        resource: {},
        scope: "s",
        name: "/big",
        description: "",
        unit: "1",
        metadata: {},
        kind: "sum",
        monotonic: true,
        temporality: "cumulative",
        attributes: {},
        startTimeUnixNano: 1n,
        timeUnixNano: 2n,
        value: 2n ** 60n + 1n,
        count: null,
        min: null,
        max: null,
        explicitBounds: [],
        bucketCounts: [],
        exemplars: [],
      },
    ]),
  );
  assert.equal(p.value, 2n ** 60n + 1n);
});

test("exponential histogram points are sent natively and decoded into explicit buckets", () => {
  const body = encodeMetricsRequest([
    {
      resource: {},
      scope: "s",
      name: "/latency",
      description: "",
      unit: "ms",
      metadata: {},
      kind: "exponential_histogram",
      monotonic: false,
      temporality: "cumulative",
      attributes: {},
      startTimeUnixNano: 1n,
      timeUnixNano: 2n,
      value: 30,
      count: 6,
      min: 0,
      max: 7,
      explicitBounds: [],
      bucketCounts: [],
      exemplars: [],
      exponential: {
        scale: 0,
        zeroCount: 1,
        positive: { offset: 1, bucketCounts: [2, 3] },
        negative: { offset: 0, bucketCounts: [] },
      },
    },
  ]);
  const [p] = decodeMetricsRequest(body);
  assert.equal(p.kind, "exponential_histogram");
  assert.equal(p.count, 6);
  assert.deepEqual(p.explicitBounds, [0, 4, 8]);
  assert.deepEqual(p.bucketCounts, [1, 2, 3, 0]);
});
