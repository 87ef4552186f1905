import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics, type SpanContext, trace } from "@sonde/api";
import { bucketIndex, lowerBoundary } from "./buckets/exponential.js";
import { dropped, startForTest } from "./sonde.test-util.js";

const latency = metrics.distribution("/test/distribution/response_latency", {
  description: "Time to answer, in the seed's buckets.",
  unit: "s",
  buckets: [2, 3, 5, 8, 13],
});
const exponential = metrics.distribution("/test/distribution/exponential", {
  description: "Exponential buckets.",
  unit: "ms",
  bucketer: { type: "exponential" },
});
const small = metrics.distribution("/test/distribution/small", {
  description: "Exponential buckets, 4 at most.",
  unit: "ms",
  bucketer: { type: "exponential", maxSize: 4 },
});
const decades = metrics.distribution("/test/distribution/decades", {
  description: "Buckets of 10.",
  unit: "ms",
  bucketer: { type: "function", upperBound: (v) => 10 * Math.ceil(v / 10), maxBuckets: 4 },
});

function snapshot(recorder: ReturnType<typeof startForTest>["recorder"], name: string) {
  const [series] = recorder.series(name);
  assert.ok(series?.distribution, `a series of ${name}`);
  return series.distribution;
}

test("explicit buckets: the seed's 2, 3, 5, 8, 13 s, upper bounds inclusive (OTLP)", async () => {
  const { sonde, recorder } = startForTest();
  for (const value of [1.5, 2, 2.5, 4, 4.9, 5, 6, 9, 12, 20, -1, 0]) latency.record(value);
  latency.bind().record(-0);
  const distribution = snapshot(recorder, latency.declaration.name);
  assert.deepEqual(distribution.bounds, [2, 3, 5, 8, 13]);
  const bucketer = latency.declaration.bucketer;
  assert.equal(distribution.bounds, bucketer?.type === "explicit" && bucketer.bounds, "shared");
  assert.deepEqual(distribution.counts, [5, 1, 3, 1, 2, 1]);
  assert.deepEqual([distribution.count, distribution.min, distribution.max], [13, -1, 20]);
  assert.ok(Math.abs(distribution.sum - 65.9) < 1e-9);
  assert.equal(distribution.exponential, undefined);
  const record = latency.record.bind(latency) as (value: unknown) => void;
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "1", 1n]) {
    record(bad);
  }
  assert.equal(dropped(recorder, latency.declaration.name, "invalid_value"), 5n);
  assert.equal(snapshot(recorder, latency.declaration.name).count, 13);
  await sonde.shutdown();
});

test("a distribution with no samples reads NaN min and max and empty buckets", async () => {
  const { sonde, recorder } = startForTest();
  latency.bind();
  const distribution = snapshot(recorder, latency.declaration.name);
  assert.deepEqual([distribution.count, distribution.sum], [0, 0]);
  assert.ok(Number.isNaN(distribution.min) && Number.isNaN(distribution.max));
  assert.deepEqual(distribution.counts, [0, 0, 0, 0, 0, 0]);
  await sonde.shutdown();
});

test("exponential bucket indexes follow the OTLP definition", () => {
  // Scale 0: base 2, bucket i holds (2^i, 2^(i+1)].
  assert.deepEqual(
    [1, 2, 3, 4, 0.5, 0.75, 1024].map((v) => bucketIndex(v, 0)),
    [-1, 0, 1, 1, -2, -1, 9],
  );
  // Negative scales merge 2^-scale base-2 buckets: scale -1 has base 4.
  assert.deepEqual(
    [1, 4, 5, 16, 17].map((v) => bucketIndex(v, -1)),
    [-1, 0, 1, 1, 2],
  );
  // Positive scales: base 2^(1/2^scale); exact powers of two sit at a bucket's upper end.
  assert.equal(bucketIndex(2, 1), 1);
  assert.equal(bucketIndex(2, 20), 2 ** 20 - 1);
  assert.equal(bucketIndex(Number.MIN_VALUE, 0), -1023, "subnormals count as 2^-1022");
  for (const scale of [-3, 0, 3, 8, 20]) {
    for (const value of [1e-300, 0.001, 0.3, 1.5, 7, 123.456, 1e6, 3.3e15, 1e300]) {
      const index = bucketIndex(value, scale);
      assert.ok(lowerBoundary(index, scale) < value, `${value} above bucket ${index} at ${scale}`);
      assert.ok(value <= lowerBoundary(index + 1, scale) * (1 + 1e-12), `${value} at ${scale}`);
    }
  }
});

test("exponential distributions start fine and halve their scale to stay within maxSize", async () => {
  const { sonde, recorder } = startForTest();
  const values = [0.001, 0.3, 1.5, 7, 7.2, 123.456, 1e6, 0, -2.2, -2.5, -1e3];
  for (const value of values) exponential.record(value);
  const distribution = snapshot(recorder, exponential.declaration.name);
  const native = distribution.exponential;
  assert.ok(native);
  // Eleven magnitudes from 0.001 to 1e6 span 30 binades: 160 buckets allow scale 2 (4 per
  // binade, ~120 buckets) but not scale 3 (~240).
  assert.equal(native.scale, 2);
  assert.equal(native.zeroCount, 1);
  const counted = (range: { offset: number; counts: readonly number[] }, v: number) =>
    range.counts[bucketIndex(v, native.scale) - range.offset];
  for (const v of values.filter((x) => x > 0)) assert.ok(counted(native.positive, v) >= 1, `${v}`);
  for (const v of values.filter((x) => x < 0)) assert.ok(counted(native.negative, -v) >= 1);
  assert.equal(counted(native.positive, 7), 2, "7 and 7.2 share a bucket at scale 2");
  assert.ok(native.positive.counts.length <= 160 && native.negative.counts.length <= 160);
  // The explicit form: ascending bounds, one more count, same total.
  const { bounds, counts } = distribution;
  assert.equal(counts.length, bounds.length + 1);
  assert.ok(bounds.every((bound, i) => i === 0 || bound > bounds[i - 1]));
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    values.length,
  );
  for (const value of values) {
    const i = bounds.findIndex((bound) => value <= bound);
    assert.ok(counts[i] >= 1, `${value} is counted in the bucket its bounds say`);
  }
  assert.deepEqual(
    [distribution.count, distribution.min, distribution.max],
    [values.length, -1e3, 1e6],
  );
  await sonde.shutdown();
});

test("an exponential series rescales like OTLP: pairs of buckets merge as the range grows", async () => {
  const { sonde, recorder } = startForTest();
  const handle = small.bind();
  handle.record(1);
  assert.equal(snapshot(recorder, small.declaration.name).exponential?.scale, 20);
  handle.record(1.5);
  // 4 buckets hold 1 and 1.5 at scale 2 (base 2^(1/4)): (0.84, 1], … (1.41, 1.68].
  let native = snapshot(recorder, small.declaration.name).exponential;
  assert.equal(native?.scale, 2);
  assert.deepEqual(native?.positive, { offset: -1, counts: [1, 0, 0, 1] });
  handle.record(8);
  native = snapshot(recorder, small.declaration.name).exponential;
  assert.equal(native?.scale, 0, "(0.5, 1], (1, 2], …, (4, 8]: 4 buckets at base 2");
  assert.deepEqual(native?.positive, { offset: -1, counts: [1, 1, 0, 1] });
  handle.record(1000);
  native = snapshot(recorder, small.declaration.name).exponential;
  assert.equal(native?.scale, -2, "base 16: (1/16, 1], (1, 16], (16, 256], (256, 4096]");
  assert.deepEqual(native?.positive, { offset: -1, counts: [1, 2, 0, 1] });
  await sonde.shutdown();
});

test("function bucketers create buckets as values arrive, up to maxBuckets", async () => {
  const { sonde, recorder } = startForTest();
  const name = decades.declaration.name;
  for (const value of [1, 10, 11, 25, 1000, 5]) decades.record(value);
  let distribution = snapshot(recorder, name);
  assert.deepEqual(distribution.bounds, [10, 20, 30, 1000]);
  assert.deepEqual(distribution.counts, [3, 1, 1, 1, 0]);
  // Beyond 4 buckets, a value counts in the next higher existing bucket, or +Inf.
  decades.record(45);
  decades.record(2000);
  distribution = snapshot(recorder, name);
  assert.deepEqual(distribution.bounds, [10, 20, 30, 1000]);
  assert.deepEqual(distribution.counts, [3, 1, 1, 2, 1]);
  assert.equal(
    recorder.increase("/sonde/sdk/metrics/clamped_samples", {
      metric: name,
      reason: "bucket_limit",
    }),
    2n,
  );
  const failing = metrics.distribution("/test/distribution/failing", {
    description: "A bucketer that fails.",
    unit: "1",
    bucketer: {
      type: "function",
      upperBound: (v) => {
        if (v > 100) throw new Error("too big");
        return v < 0 ? v - 1 : v < 1 ? Number.NaN : Number.POSITIVE_INFINITY;
      },
    },
  });
  for (const value of [1, 200, -5, 0.5, 3]) failing.record(value);
  assert.equal(dropped(recorder, failing.declaration.name, "bucketer_error"), 3n);
  distribution = snapshot(recorder, failing.declaration.name);
  assert.deepEqual([distribution.bounds, distribution.counts], [[], [2]]);
  await sonde.shutdown();
});

function remote(sampled: boolean): SpanContext {
  return {
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: sampled ? "00f067aa0ba902b7" : "00f067aa0ba902b8",
    sampled,
    remote: true,
    traceState: "",
  };
}

test("exemplars carry the active sampled span, per bucket", async () => {
  const { sonde, recorder } = startForTest();
  const name = latency.declaration.name;
  const handle = latency.bind();
  handle.record(1); // outside any span: no exemplar
  trace.withSpan(trace.wrapSpanContext(remote(false)), () => handle.record(2.5)); // unsampled
  trace.withSpan(trace.wrapSpanContext(remote(true)), () => latency.record(4));
  let spanIds: [string, string] = ["", ""];
  trace.getTracer("exemplar-test").startActiveSpan("work", (span) => {
    spanIds = [span.spanContext().traceId, span.spanContext().spanId];
    handle.record(20);
  });
  const { exemplars, counts } = snapshot(recorder, name);
  assert.equal(exemplars.length, counts.length);
  assert.deepEqual(
    exemplars.map((exemplar) => exemplar && [exemplar.value, exemplar.traceId, exemplar.spanId]),
    [
      undefined,
      undefined,
      [4, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"],
      undefined,
      undefined,
      [20, ...spanIds],
    ],
  );
  const now = BigInt(Date.now()) * 1_000_000n;
  const time = exemplars[2]?.timeUnixNano ?? 0n;
  assert.ok(time > now - 60_000_000_000n && time <= now + 1_000_000_000n, "a recent wall time");
  await sonde.shutdown();
});

test("exemplars are sampled per bucket: 1st, 2nd, 4th, … 64th sample, then every 64th", async () => {
  const { sonde, recorder } = startForTest();
  const handle = latency.bind();
  const kept: number[] = [];
  trace.withSpan(trace.wrapSpanContext(remote(true)), () => {
    for (let i = 1; i <= 200; i++) {
      handle.record(1 + i / 1000); // all in the first bucket, each value distinct
      const exemplar = snapshot(recorder, latency.declaration.name).exemplars[0];
      if (exemplar?.value === 1 + i / 1000) kept.push(i);
    }
  });
  assert.deepEqual(kept, [1, 2, 4, 8, 16, 32, 64, 128, 192]);
  await sonde.shutdown();
});
