// Tracing benchmark (issue 4): Sonde's spans against @opentelemetry/sdk-trace-base with a
// BatchSpanProcessor and a no-op exporter, in one process and one run, plus the cost of
// unsampled spans, of the `trace(name, fn)` wrapper on an async function, and of the noop
// tracer before any SDK is installed (in a child process that never installs one).
// Prints Markdown tables; exits non-zero when a check of what was recorded fails.
//
//   node --expose-gc bench/dist/tracing.js [rounds=21] [ms-per-round=60]
import { AsyncLocalStorage } from "node:async_hooks";
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { diag, type Span, trace } from "@sonde/api";
import {
  type Exporter,
  parentBasedSampler,
  type Sampler,
  SPAN_DURATION_METRIC,
  startSonde,
} from "@sonde/sdk";
import { type AsyncCase, measure, medianOf, type Plan, type Timing } from "./tracing-harness.js";
import type { NoopResults } from "./tracing-noop.js";

const rounds = Number(process.argv[2] ?? 21);
const roundMs = Number(process.argv[3] ?? 60);
const plan: Plan = { rounds, roundMs, warmupMs: 300 };
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// --- OpenTelemetry: two providers, sampled (default) and unsampled roots (AlwaysOff).
let otelExported = 0;
const otelExporter: SpanExporter = {
  export(spans: ReadableSpan[], done) {
    otelExported += spans.length;
    done({ code: 0 });
  },
  shutdown: async () => {},
  forceFlush: async () => {},
};
const otelProvider = new BasicTracerProvider({
  spanProcessors: [new BatchSpanProcessor(otelExporter)],
});
const otelSampled = otelProvider.getTracer("bench");
const otelUnsampled = new BasicTracerProvider({
  sampler: new AlwaysOffSampler(),
  spanProcessors: [new BatchSpanProcessor(otelExporter)],
}).getTracer("bench");

// --- Sonde: the SDK with a no-op exporter counting what it is handed, per scope.
const sondeExported = new Map<string, number>();
const sondeExporter: Exporter = {
  async exportSpans(batches) {
    for (const batch of batches) {
      const name = batch.scope.name;
      sondeExported.set(name, (sondeExported.get(name) ?? 0) + batch.spans.length);
    }
    return { ok: true };
  },
  async exportMetrics() {
    return { ok: true };
  },
  async shutdown() {},
};
// Roots are sampled or not as each case needs; children follow their parent, as by default.
let sampleRoots = true;
const roots: Sampler = { description: "bench", shouldSample: () => sampleRoots };
const sonde = startSonde({
  serviceName: "bench",
  exporter: sondeExporter,
  sampler: parentBasedSampler({ root: roots }),
  instrumentHttp: false,
  instrumentFetch: false,
  instrumentExpress: false,
  instrumentFastify: false,
  metricExportIntervalMs: 3_600_000,
});
const tracer = trace.getTracer("bench");
sampleRoots = false;
const unsampledParent: Span = tracer.startSpan("unsampled-parent");
const underUnsampled = { parent: unsampledParent };

const spanCases: AsyncCase[] = [
  {
    name: "OpenTelemetry",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = otelSampled.startSpan("otel-op");
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
  {
    name: "Sonde",
    calls: 0,
    run: async (n) => {
      sampleRoots = true;
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = tracer.startSpan("sampled-op");
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
  {
    name: "OpenTelemetry unsampled",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = otelUnsampled.startSpan("otel-unsampled-op");
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
  {
    name: "Sonde unsampled root",
    calls: 0,
    run: async (n) => {
      sampleRoots = false;
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = tracer.startSpan("unsampled-root-op");
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
  {
    name: "Sonde unsampled child",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = tracer.startSpan("unsampled-child-op", underUnsampled);
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
  {
    name: "floor: two clock reads",
    calls: 0,
    run: async (n) => {
      let sum = 0;
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) sum += performance.now() - performance.now();
        await yieldToLoop();
      }
      if (sum > 1e9) throw new Error("unreachable: keeps the clock reads");
    },
  },
];

// --- trace(name, fn) on an async function against calling it directly.
const lookup = async (id: number) => id + 1;
const tracedLookup = trace("traced-lookup", lookup);
let checksum = 0;
const floorStorage = new AsyncLocalStorage<{ start: number }>();
let floorMs = 0;
const floorWrapped = (id: number): Promise<number> => {
  const start = performance.now();
  return floorStorage.run({ start }, lookup, id).then(
    (value) => {
      floorMs += performance.now() - start;
      return value;
    },
    (error: unknown) => {
      throw error;
    },
  );
};
const wrapperCases: AsyncCase[] = [
  {
    name: "plain",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) checksum += await lookup(k);
        await yieldToLoop();
      }
    },
  },
  {
    name: "traced",
    calls: 0,
    run: async (n) => {
      sampleRoots = true;
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) checksum += await tracedLookup(k);
        await yieldToLoop();
      }
    },
  },
  {
    name: "traced unsampled",
    calls: 0,
    run: async (n) => {
      sampleRoots = false;
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) checksum += await tracedLookup(k);
        await yieldToLoop();
      }
    },
  },
  {
    // What any AsyncLocalStorage-based wrapper that times an async call must do, recording
    // nothing: two clock reads, the call in a new store, one `then` to see it settle.
    name: "floor",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) checksum += await floorWrapped(k);
        await yieldToLoop();
      }
    },
  },
];

const started = Date.now();
const spans = await measure(spanCases, plan);
const wrapper = await measure(wrapperCases, plan);
const seconds = (Date.now() - started) / 1000;
await sonde.forceFlush();
await otelProvider.forceFlush();

const noopScript = fileURLToPath(new URL("./tracing-noop.js", import.meta.url));
const noop = JSON.parse(
  execFileSync(process.execPath, ["--expose-gc", noopScript, String(rounds), String(roundMs)], {
    encoding: "utf8",
  }),
) as NoopResults;

// --- Checks: everything each library was asked to record was recorded.
function spanMetricCount(name: string): number {
  const point = sonde
    .collectMetrics()
    .find((p) => p.name === SPAN_DURATION_METRIC && p.attributes.name === name);
  return Number(point?.count ?? 0);
}
const checks = [
  ["OpenTelemetry spans exported", spanCases[0].calls, otelExported],
  ["Sonde sampled spans exported", spanCases[1].calls, sondeExported.get("bench") ?? 0],
  ["Sonde traced calls exported", wrapperCases[1].calls, sondeExported.get("sonde.function") ?? 0],
  ["Sonde span metric: sampled spans", spanCases[1].calls, spanMetricCount("sampled-op")],
  ["Sonde span metric: unsampled roots", spanCases[3].calls, spanMetricCount("unsampled-root-op")],
  [
    "Sonde span metric: unsampled children",
    spanCases[4].calls,
    spanMetricCount("unsampled-child-op"),
  ],
  [
    "Sonde span metric: traced calls",
    wrapperCases[1].calls + wrapperCases[2].calls,
    spanMetricCount("traced-lookup"),
  ],
] as const;
await sonde.shutdown();

// --- Report.
const ns = (value: number) => (value < 100 ? value.toFixed(1) : value.toFixed(0));
const of = (timings: Timing[], name: string) => medianOf(timings, name);
const sampled = of(spans, "Sonde");
const otel = of(spans, "OpenTelemetry");
const unsampledRoot = of(spans, "Sonde unsampled root");
const unsampledChild = of(spans, "Sonde unsampled child");
const clockFloor = of(spans, "floor: two clock reads");
const plain = of(wrapper, "plain");
const tracedOverhead = of(wrapper, "traced") - plain;
const tracedUnsampledOverhead = of(wrapper, "traced unsampled") - plain;
const floorOverhead = of(wrapper, "floor") - plain;
const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";

const lines = [
  `Command: \`node --expose-gc bench/dist/tracing.js ${rounds} ${roundMs}\``,
  `Node ${process.version}, ${cpus().length} × ${cpu}, ${new Date().toISOString()}; ${rounds} interleaved rounds of ~${roundMs} ms per case after ${plan.warmupMs} ms warm-up (${seconds.toFixed(0)} s; noop cases in a child process without an SDK).`,
  "",
  "| operation (start + 3 attributes + end) | Sonde ns/op | OpenTelemetry ns/op | Sonde vs OpenTelemetry |",
  "| :-- | --: | --: | --: |",
  `| sampled, recorded and handed to the exporter | ${ns(sampled)} | ${ns(otel)} | ${(otel / sampled).toFixed(1)}× faster |`,
  `| unsampled root (Sonde: timed and counted in span metrics) | ${ns(unsampledRoot)} | ${ns(of(spans, "OpenTelemetry unsampled"))} | ${(of(spans, "OpenTelemetry unsampled") / unsampledRoot).toFixed(1)}× faster |`,
  `| unsampled child of an unsampled parent | ${ns(unsampledChild)} | — | — |`,
  `| floor: two \`performance.now()\` reads (every timed span pays them) | ${ns(clockFloor)} | — | — |`,
  `| no SDK installed: noop tracer | ${ns(noop.sonde)} | ${ns(noop.otel)} | ${(noop.otel / noop.sonde).toFixed(1)}× ${noop.otel >= noop.sonde ? "faster" : "slower"} |`,
  "",
  "| `trace(name, fn)` on `async (id) => id + 1`, awaited | ns/call | overhead ns |",
  "| :-- | --: | --: |",
  `| direct call | ${ns(plain)} | — |`,
  `| traced, sampled (span exported) | ${ns(of(wrapper, "traced"))} | ${ns(tracedOverhead)} |`,
  `| traced, unsampled (span metrics only) | ${ns(of(wrapper, "traced unsampled"))} | ${ns(tracedUnsampledOverhead)} |`,
  `| no SDK installed | ${ns(noop.tracedPlain + noop.tracedOverhead)} | ${ns(noop.tracedOverhead)} |`,
  `| floor: \`AsyncLocalStorage.run\` + one \`then\` + two clock reads, nothing recorded | ${ns(of(wrapper, "floor"))} | ${ns(floorOverhead)} |`,
  "",
  "| target (issue 4) | measured | met |",
  "| :-- | --: | :-: |",
  `| sampled span ≥ 5× faster than OpenTelemetry | ${(otel / sampled).toFixed(1)}× | ${otel / sampled >= 5 ? "yes" : "**no**"} |`,
  `| unsampled span ≤ 50 ns | ${ns(unsampledChild)}–${ns(unsampledRoot)} ns (clock floor ${ns(clockFloor)}) | ${Math.max(unsampledChild, unsampledRoot) <= 50 ? "yes" : "**no**"} |`,
  `| \`trace(fn)\` overhead on an async function ≤ 300 ns | ${ns(tracedOverhead)} ns sampled, ${ns(tracedUnsampledOverhead)} unsampled (floor ${ns(floorOverhead)}) | ${tracedOverhead <= 300 ? "yes" : "**no**"} |`,
  `| noop tracer ≤ 20 ns per span | ${ns(noop.sonde)} ns | ${noop.sonde <= 20 ? "yes" : "**no**"} |`,
  "",
];
let failed = false;
for (const [what, expected, recorded] of checks) {
  const ok = expected === recorded;
  failed ||= !ok;
  lines.push(`- ${what}: ${recorded} of ${expected} ${ok ? "✓" : "✗ MISMATCH"}`);
}
const dropped = diag.counts().span_queue_full ?? 0;
lines.push(`- Sonde spans dropped (queue full): ${dropped}`);
if (checksum === 0 || floorMs === 0) failed = true;
console.log(lines.join("\n"));
if (failed) process.exitCode = 1;
