import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { type DiagEvent, propagation, type SpanContext, trace } from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeOptions, startSonde } from "../start.js";
import { newTraceId } from "../trace/ids.js";
import { parentBasedSampler } from "./parent-based.js";
import { rateLimitingSampler } from "./rate-limiting.js";
import { alwaysOffSampler, alwaysOnSampler } from "./sampler.js";
import { traceIdRatioSampler } from "./trace-id-ratio.js";

const tracer = trace.getTracer("sampling-test");
const TRACES = 100_000;

function start(options: Partial<SondeOptions>) {
  return startSonde({
    serviceName: "sampling-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
    onDiagnostic: () => {},
    ...options,
  });
}

/** Whether `count` successes in `n` trials fit probability `p` within 5 standard deviations. */
function withinTolerance(count: number, n: number, p: number): boolean {
  const sigma = Math.sqrt(n * p * (1 - p));
  return Math.abs(count - n * p) <= 5 * sigma + 1;
}

test("trace-id ratio: sampled fractions over 100k traces match the ratio; ratios nest", async () => {
  const ids = Array.from({ length: TRACES }, newTraceId);
  const ratios = [0, 0.001, 0.01, 0.1, 0.5, 0.9, 1];
  const decisions = ratios.map((ratio) => {
    const sampler = traceIdRatioSampler(ratio);
    return ids.map((id) => sampler.shouldSample(id, undefined, "x", "internal"));
  });
  ratios.forEach((ratio, i) => {
    const count = decisions[i].filter(Boolean).length;
    assert.ok(withinTolerance(count, TRACES, ratio), `ratio ${ratio}: ${count} of ${TRACES}`);
  });
  // A trace sampled at a lower ratio is sampled at every higher one.
  for (let i = 1; i < ratios.length; i++) {
    for (let k = 0; k < ids.length; k++) assert.ok(!decisions[i - 1][k] || decisions[i][k]);
  }

  // The same through the SDK: 100k root spans, only a tenth recorded.
  const sonde = start({ sampler: parentBasedSampler({ root: traceIdRatioSampler(0.1) }) });
  let recorded = 0;
  for (let i = 0; i < TRACES; i++) {
    const span = tracer.startSpan("root");
    if (span.isRecording()) recorded++;
    assert.equal(span.spanContext().sampled, span.isRecording());
    span.end();
  }
  await sonde.shutdown();
  assert.ok(withinTolerance(recorded, TRACES, 0.1), `${recorded} recorded`);
});

test("trace-id ratio: the decision reads the id's rightmost 56 bits (W3C random part)", () => {
  const sampler = traceIdRatioSampler(0.25);
  const id = (low56: string) => `ffffffffffffffffff${low56}`;
  // Sampled when R >= (1 - 0.25) * 2^56 = 0xc0000000000000.
  assert.equal(sampler.shouldSample(id("c0000000000000"), undefined, "x", "internal"), true);
  assert.equal(sampler.shouldSample(id("bfffffffffffff"), undefined, "x", "internal"), false);
  assert.equal(
    sampler.shouldSample(`${"0".repeat(18)}ffffffffffffff`, undefined, "x", "internal"),
    true,
  );
  assert.equal(sampler.description, "traceIdRatio(0.25)");
});

// Decides, in its own process and SDK, for each remote parent read from stdin (one traceparent
// per line), whether a child span is sampled: prints a line of 0s and 1s.
const DECIDE = `
import { propagation, trace } from "@sonde/api";
import { InMemoryExporter, startSonde, traceIdRatioSampler } from "@sonde/sdk";
import { text } from "node:stream/consumers";
const sonde = startSonde({ serviceName: "other", exporter: new InMemoryExporter(),
  instrumentHttp: false, instrumentFetch: false, sampler: traceIdRatioSampler(0.3) });
const tracer = trace.getTracer("other-process");
const parents = (await text(process.stdin)).trim().split("\\n");
const out = parents.map((traceparent) => {
  const span = tracer.startSpan("child", { parent: trace.getSpan(propagation.extract({ traceparent })) });
  return span.isRecording() ? "1" : "0";
});
process.stdout.write(out.join(""));
await sonde.shutdown();
`;

function decideInChild(traceparents: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", DECIDE], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(traceparents.join("\n"));
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });
}

test("trace-id ratio decisions agree between two SDKs in two processes", async () => {
  // Remote parents with random sampled flags: a plain ratio sampler decides from the id alone.
  const traceparents = Array.from(
    { length: 5000 },
    (_, i) => `00-${newTraceId()}-00f067aa0ba902b7-0${i % 2}`,
  );
  const sonde = start({ sampler: traceIdRatioSampler(0.3) });
  const here = traceparents
    .map((traceparent) => {
      const parent = trace.getSpan(propagation.extract({ traceparent }));
      return tracer.startSpan("child", { parent }).isRecording() ? "1" : "0";
    })
    .join("");
  await sonde.shutdown();
  const there = await decideInChild(traceparents);
  assert.equal(there, here);
  const sampled = [...here].filter((c) => c === "1").length;
  assert.ok(withinTolerance(sampled, traceparents.length, 0.3), `${sampled} sampled`);
});

test("rate limiting: a token bucket of one second, refilled at the rate", () => {
  let now = 0;
  const sampler = rateLimitingSampler(100, () => now);
  let sampled = 0;
  const perSecond: number[] = [];
  // 100k decisions spread evenly over 10 simulated seconds.
  for (let i = 0; i < TRACES; i++) {
    now = (i * 10_000) / TRACES;
    if (sampler.shouldSample(newTraceId(), undefined, "x", "internal")) {
      sampled++;
      const second = Math.floor(now / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
  }
  // A full bucket (100) to start with, then 100 a second.
  assert.ok(Math.abs(sampled - 1100) <= 2, `${sampled} sampled`);
  assert.ok(perSecond[0] <= 201, `first second ${perSecond[0]}`);
  for (const count of perSecond.slice(1)) assert.ok(Math.abs(count - 100) <= 1, String(count));
  assert.equal(
    rateLimitingSampler(0, () => now).shouldSample("", undefined, "x", "internal"),
    false,
  );
});

test("parent-based: children follow the sampled flag, which propagates to the next hop", async () => {
  const sonde = start({ sampler: parentBasedSampler({ root: alwaysOffSampler }) });
  const unsampledRoot = tracer.startSpan("root");
  assert.equal(unsampledRoot.isRecording(), false);
  const headers: Record<string, string> = {};
  trace.withSpan(unsampledRoot, () => {
    assert.equal(tracer.startSpan("local-child").isRecording(), false);
    propagation.inject(headers);
  });
  assert.match(headers.traceparent, /-00$/, "not sampled: flag 00");
  assert.equal(headers.traceparent.split("-")[1], unsampledRoot.spanContext().traceId);

  const incoming = propagation.extract({
    traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  });
  const server = tracer.startSpan("server", { kind: "server", parent: trace.getSpan(incoming) });
  assert.equal(server.isRecording(), true, "a sampled remote parent wins over the root sampler");
  const outgoing: Record<string, string> = {};
  trace.withSpan(server, () => {
    assert.equal(tracer.startSpan("local-child").isRecording(), true);
    propagation.inject(outgoing);
  });
  assert.match(outgoing.traceparent, /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
  await sonde.shutdown();

  const custom = parentBasedSampler({
    root: alwaysOnSampler,
    remoteParentNotSampled: alwaysOnSampler,
    localParentSampled: alwaysOffSampler,
  });
  const parent = (sampled: boolean, remote: boolean): SpanContext => ({
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    sampled,
    remote,
    traceState: "",
  });
  const decide = (p: SpanContext | undefined) => custom.shouldSample("", p, "x", "internal");
  assert.deepEqual(
    [
      decide(undefined),
      decide(parent(true, true)),
      decide(parent(false, true)),
      decide(parent(true, false)),
      decide(parent(false, false)),
    ],
    [true, true, true, false, false],
  );
});

test("invalid sampler options are clamped and reported, never thrown", async () => {
  const events: DiagEvent[] = [];
  const sonde = start({ onDiagnostic: (event) => events.push(event) });
  const all = traceIdRatioSampler(7);
  const none = traceIdRatioSampler(Number.NaN);
  const limited = rateLimitingSampler(-1, () => 0);
  assert.equal(all.description, "traceIdRatio(1)");
  assert.equal(none.description, "traceIdRatio(0)");
  assert.equal(none.shouldSample(`${"f".repeat(32)}`, undefined, "x", "internal"), false);
  assert.equal(limited.description, "rateLimiting(0/s)");
  const stopped = sonde.shutdown();
  assert.deepEqual(
    events.filter((event) => event.code === "invalid_options").map((event) => event.key),
    ["traceIdRatioSampler ratio", "rateLimitingSampler perSecond"],
  );
  await stopped;
});

test("local parents: children follow them without the sampler; custom local delegates still decide", async () => {
  const exporter = new InMemoryExporter();
  let rootSampled = false;
  const sonde = start({
    exporter,
    sampler: parentBasedSampler({
      root: { description: "test", shouldSample: () => rootSampled },
    }),
  });
  // Unsampled: the child gets the parent's trace and a lazily drawn id of its own, which
  // propagates with the unsampled flag.
  const root = tracer.startSpan("unsampled-root");
  const child = tracer.startSpan("unsampled-child", { parent: root });
  assert.equal(child.isRecording(), false);
  const headers: Record<string, string> = {};
  propagation.inject(headers, undefined, trace.setSpan(propagation.extract({}), child));
  const childContext = child.spanContext();
  assert.equal(childContext.traceId, root.spanContext().traceId);
  assert.notEqual(childContext.spanId, root.spanContext().spanId);
  assert.equal(headers.traceparent, `00-${childContext.traceId}-${childContext.spanId}-00`);
  child.end();
  root.end();
  // Sampled: the child records its parent's span id.
  rootSampled = true;
  const sampledRoot = tracer.startSpan("sampled-root");
  const sampledChild = tracer.startSpan("sampled-child", { parent: sampledRoot });
  assert.equal(sampledChild.isRecording(), true);
  sampledChild.end();
  sampledRoot.end();
  await sonde.forceFlush();
  const records = exporter.spans();
  assert.deepEqual(
    records.map((s) => s.name),
    ["sampled-child", "sampled-root"],
  );
  assert.equal(records[0].parentSpanId, sampledRoot.spanContext().spanId);
  assert.equal(records[0].traceId, sampledRoot.spanContext().traceId);
  await sonde.shutdown();

  // A custom delegate for local parents is still asked, with the parent's context.
  const asked: (SpanContext | undefined)[] = [];
  const custom = start({
    sampler: parentBasedSampler({
      root: alwaysOnSampler,
      localParentSampled: {
        description: "never",
        shouldSample: (_id, parent) => {
          asked.push(parent);
          return false;
        },
      },
    }),
  });
  const parent = tracer.startSpan("parent");
  const vetoed = tracer.startSpan("vetoed", { parent });
  assert.equal(vetoed.isRecording(), false);
  assert.deepEqual(asked, [parent.spanContext()]);
  vetoed.end();
  parent.end();
  await custom.shutdown();
});
