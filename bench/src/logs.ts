// Logs and events benchmark (issue 7): a log line with two fields inside a span, written by a
// `@sonde/api` logger configured by `configureLogging` (pino underneath, trace-correlated,
// fields bounded, line queued for export), against plain pino with the same fields and child
// binding to the same destination; pino with a `mixin` adding the trace ids (the usual way,
// which Sonde measured and did not take); and recording a declared event with two fields.
// Prints Markdown tables; exits non-zero when a check of what was written fails.
//
//   node --expose-gc bench/dist/logs.js [rounds=21] [ms-per-round=60]
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import {
  events,
  type Logger,
  logs,
  registerImplementation,
  type SondeImplementation,
  trace,
  unregisterImplementation,
} from "@sonde/api";
import {
  configureLogging,
  EventRecorder,
  type Exporter,
  startSonde,
  toLogRecords,
} from "@sonde/sdk";
import pino from "pino";
import { type AsyncCase, measure, medianOf, type Plan } from "./tracing-harness.js";

const rounds = Number(process.argv[2] ?? 21);
const roundMs = Number(process.argv[3] ?? 60);
const plan: Plan = { rounds, roundMs, warmupMs: 300 };
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const noopExporter: Exporter = {
  exportSpans: async () => ({ ok: true }),
  exportMetrics: async () => ({ ok: true }),
  shutdown: async () => {},
};
const sonde = startSonde({
  serviceName: "bench",
  exporter: noopExporter,
  instrumentHttp: false,
  instrumentFetch: false,
  instrumentExpress: false,
  instrumentFastify: false,
  defaultMetrics: false,
  exitHooks: false,
  metricExportIntervalMs: 3_600_000,
  exportIntervalMs: 3_600_000,
});
// Until startSonde registers events itself: the installed implementation plus the recorder.
const key = Symbol.for("sonde.api.v0");
const installed = (globalThis as Record<symbol, { implementation: SondeImplementation }>)[key]
  .implementation;
const recorder = new EventRecorder({ maxQueueSize: 1_000_000 });
unregisterImplementation(installed);
registerImplementation({ ...installed, events: recorder });

/** Both loggers write to one destination that counts lines and bytes (and keeps nothing). */
const destination = {
  lines: 0,
  bytes: 0,
  last: "",
  write(line: string) {
    this.lines++;
    this.bytes += line.length;
    this.last = line;
    return true;
  },
};

const plain = pino({}, destination).child({ logger: "bench" });
const mixed = pino(
  {
    mixin() {
      const span = trace.activeSpan();
      if (span === undefined) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  },
  destination,
).child({ logger: "bench" });
// pino with a `timestamp` hook adding the time and, inside a span, the ids as raw JSON, found
// through `trace.activeSpan()` and formatted per line: the straightforward hook. Sonde's own
// finds the span once per async callback and formats its ids once per span.
const hooked = pino(
  {
    timestamp() {
      const span = trace.activeSpan();
      const time = `,"time":${Date.now()}`;
      if (span === undefined) return time;
      const { traceId, spanId } = span.spanContext();
      return `${time},"trace_id":"${traceId}","span_id":"${spanId}"`;
    },
  },
  destination,
).child({ logger: "bench" });
const logging = configureLogging({
  destination,
  format: "json",
  exitHooks: false,
  exportQueueSize: 1_000_000,
  env: {},
});
const sondeLog: Logger = logs.getLogger("bench");
const charged = events.declare("/bench/billing/charged", {
  description: "A charge was accepted.",
  fields: { user: "string", n: "int" },
});

// Each case drains what an exporter would take every 1,000 operations (not converting it:
// the conversion is measured on its own below); Sonde's lines taken are counted.
let queued = 0;
const cases: AsyncCase[] = [
  {
    name: "pino",
    calls: 0,
    async run(n) {
      for (let i = 0; i < n; i += 1000) {
        for (let j = 0; j < 1000; j++) plain.info({ user: "u123", n: i + j }, "charge accepted");
        await yieldToLoop();
      }
    },
  },
  {
    name: "pino + mixin",
    calls: 0,
    async run(n) {
      for (let i = 0; i < n; i += 1000) {
        for (let j = 0; j < 1000; j++) mixed.info({ user: "u123", n: i + j }, "charge accepted");
        await yieldToLoop();
      }
    },
  },
  {
    name: "pino + timestamp hook",
    calls: 0,
    async run(n) {
      for (let i = 0; i < n; i += 1000) {
        for (let j = 0; j < 1000; j++) hooked.info({ user: "u123", n: i + j }, "charge accepted");
        await yieldToLoop();
      }
    },
  },
  {
    name: "sonde",
    calls: 0,
    async run(n) {
      for (let i = 0; i < n; i += 1000) {
        for (let j = 0; j < 1000; j++) sondeLog.info({ user: "u123", n: i + j }, "charge accepted");
        queued += logging.queue?.take().length ?? 0;
        await yieldToLoop();
      }
    },
  },
  {
    name: "event",
    calls: 0,
    async run(n) {
      for (let i = 0; i < n; i += 1000) {
        for (let j = 0; j < 1000; j++) charged.record({ user: "u123", n: i + j });
        recorder.queue.take();
        await yieldToLoop();
      }
    },
  },
];

const span = trace.getTracer("bench").startSpan("request");
const started = performance.now();
const timings = await trace.withSpan(span, () => measure(cases, plan));

// Checks: Sonde's lines carry the span's ids; every event and line was recorded, every Sonde
// line also reached the export queue.
let failed = false;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failed = true;
    console.error(`check failed: ${what}`);
  }
}
sondeLog.info({ user: "u123", n: 1 }, "charge accepted");
trace.withSpan(span, () => sondeLog.info({ user: "u123", n: 2 }, "charge accepted"));
const last = JSON.parse(destination.last);
check(last.trace_id === span.spanContext().traceId, "trace_id on Sonde's line");
check(last.span_id === span.spanContext().spanId, "span_id on Sonde's line");
check(last.n === 2 && last.user === "u123" && last.logger === "bench", "fields on Sonde's line");
const expected = cases.reduce((sum, c) => sum + (c.name === "event" ? 0 : c.calls), 0) + 2;
check(destination.lines === expected, `${destination.lines} lines written, ${expected} logged`);
check(recorder.queue.dropped === 0 && logging.queue?.dropped === 0, "nothing dropped");

// The exporter's side: converting a batch of 1,000 queued lines to LogRecords.
trace.withSpan(span, () => {
  for (let i = 0; i < 1000; i++) sondeLog.info({ user: "u123", n: i }, "charge accepted");
});
const batch = logging.queue?.take() ?? [];
const sondeCalls = cases.find((c) => c.name === "sonde")?.calls ?? 0;
check(
  queued + batch.length === sondeCalls + 1002,
  `${queued + batch.length} lines queued for export, ${sondeCalls + 1002} logged by Sonde`,
);
const inSpan = toLogRecords(batch).filter((r) => r.traceId === span.spanContext().traceId);
check(inSpan.length === 1001, `${inSpan.length} exported records carry the trace id, not 1001`);
let converted = 0;
const convertStart = process.hrtime.bigint();
for (let r = 0; r < 200; r++) converted += toLogRecords(batch).length;
const convertNs = Number(process.hrtime.bigint() - convertStart) / converted;
check(batch.length >= 1000 && converted === 200 * batch.length, "every line converted");

const pinoNs = medianOf(timings, "pino");
const mixinNs = medianOf(timings, "pino + mixin");
const hookNs = medianOf(timings, "pino + timestamp hook");
const sondeNs = medianOf(timings, "sonde");
const eventNs = medianOf(timings, "event");
const ns = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
const seconds = (performance.now() - started) / 1000;
console.log(
  [
    `Command: \`node --expose-gc bench/dist/logs.js ${rounds} ${roundMs}\``,
    `Node ${process.version}, ${cpus().length} × ${cpu}, ${new Date().toISOString()}; ${rounds} interleaved rounds of ~${roundMs} ms per case after ${plan.warmupMs} ms warm-up (${seconds.toFixed(0)} s).`,
    "",
    "| operation, inside a span | ns/op | vs plain pino |",
    "| :-- | --: | --: |",
    `| plain pino: \`info({ user, n }, msg)\` (no trace ids) | ${ns(pinoNs)} | 1.00× |`,
    `| pino with a \`mixin\` adding \`trace_id\`, \`span_id\` | ${ns(mixinNs)} | ${(mixinNs / pinoNs).toFixed(2)}× |`,
    `| pino with a \`timestamp\` hook adding \`trace_id\`, \`span_id\` (\`trace.activeSpan()\` per line) | ${ns(hookNs)} | ${(hookNs / pinoNs).toFixed(2)}× |`,
    `| Sonde logger (pino; trace ids, bounded fields, export queue) | ${ns(sondeNs)} | ${(sondeNs / pinoNs).toFixed(2)}× |`,
    `| Sonde event \`record({ user, n })\` (time, trace ids, validated, queued) | ${ns(eventNs)} | ${(eventNs / pinoNs).toFixed(2)}× (${(eventNs / sondeNs).toFixed(2)}× a Sonde line) |`,
    "",
    `Exporter side: \`toLogRecords\` on a batch of 1,000 queued lines: ${ns(convertNs)} ns per line.`,
  ].join("\n"),
);
await sonde.shutdown();
logging.shutdown();
process.exit(failed ? 1 : 0);
