// Metric recording cost, Sonde against prom-client and OpenTelemetry JS in one process run:
// counter add and distribution record with two tags, through bound handles, with no SDK
// installed (in a child process), and heap allocated per bound call. Prints Markdown tables of
// median ns/op and of ratios computed within the run, and checks every library recorded exactly
// the calls made. Usage: node --expose-gc bench/dist/metrics.js [rounds=25] [ms-per-round=50]
import { execFileSync } from "node:child_process";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { InMemoryExporter, startSonde } from "@sonde/sdk";
import { Counter, Histogram, Registry } from "prom-client";
import { allocation, type Case, measure, type Plan, type Timing } from "./metrics-harness.js";
import { type Check, report } from "./metrics-report.js";
import {
  BUCKETS,
  declareSondeInstruments,
  LATENCIES,
  MASK,
  perSlot,
  TAGS,
} from "./metrics-workload.js";

const plan: Plan = {
  rounds: Number(process.argv[2] ?? 25),
  roundMs: Number(process.argv[3] ?? 50),
  warmupMs: 300,
};
const ALLOCATION_CALLS = 10_000_000;

// --- No SDK installed: measured first, in a fresh process. ---------------------------------
const noopScript = fileURLToPath(new URL("./metrics-noop.js", import.meta.url));
const noop = (
  JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, noopScript, JSON.stringify(plan)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  ) as { timings: Timing[] }
).timings;

// --- The three libraries, each keeping cumulative totals in memory and exporting nothing. ---
const diagnostics: string[] = [];
const sonde = startSonde({
  serviceName: "bench",
  exporter: new InMemoryExporter(),
  instrumentHttp: false,
  exportIntervalMs: 3_600_000,
  metricExportIntervalMs: 3_600_000,
  onDiagnostic: (event) => diagnostics.push(`${event.code}: ${event.message}`),
});
const { requests, latency } = declareSondeInstruments();

const registry = new Registry();
const promCounter = new Counter({
  name: "http_server_requests_total",
  help: "Requests served.",
  labelNames: ["route", "status"] as const,
  registers: [registry],
});
const promHistogram = new Histogram({
  name: "http_server_duration_ms",
  help: "Time to serve a request.",
  labelNames: ["route", "status"] as const,
  buckets: [...BUCKETS],
  registers: [registry],
});

/** A reader that only collects on demand; the default temporality is cumulative. */
class OnDemandReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}
const reader = new OnDemandReader();
const meter = new MeterProvider({ readers: [reader] }).getMeter("bench");
const otelCounter = meter.createCounter("http.server.requests", { unit: "1" });
const otelHistogram = meter.createHistogram("http.server.duration", {
  unit: "ms",
  advice: { explicitBucketBoundaries: [...BUCKETS] },
});

// Bound handles and prom-client's labelled children, one per tag combination, picked per slot.
const requestHandles = perSlot((t) => requests.bind(t));
const latencyHandles = perSlot((t) => latency.bind(t));
const promCounterChildren = perSlot((t) => promCounter.labels(t));
const promHistogramChildren = perSlot((t) => promHistogram.labels(t));

// --- Cases: each loop is its own function literal (see Case.run). --------------------------
const sondeAdd: Case = {
  name: "Sonde",
  run: (n) => {
    for (let i = 0; i < n; i++) requests.add(1, TAGS[i & MASK]);
  },
  calls: 0,
};
const promInc: Case = {
  name: "prom-client",
  run: (n) => {
    for (let i = 0; i < n; i++) promCounter.inc(TAGS[i & MASK]);
  },
  calls: 0,
};
const otelAdd: Case = {
  name: "OpenTelemetry",
  run: (n) => {
    for (let i = 0; i < n; i++) otelCounter.add(1, TAGS[i & MASK]);
  },
  calls: 0,
};
const sondeBoundAdd: Case = {
  name: "Sonde",
  run: (n) => {
    for (let i = 0; i < n; i++) requestHandles[i & MASK].add(1);
  },
  calls: 0,
};
const promChildInc: Case = {
  name: "prom-client",
  run: (n) => {
    for (let i = 0; i < n; i++) promCounterChildren[i & MASK].inc();
  },
  calls: 0,
};
const sondeRecord: Case = {
  name: "Sonde",
  run: (n) => {
    for (let i = 0; i < n; i++) latency.record(LATENCIES[i & MASK], TAGS[i & MASK]);
  },
  calls: 0,
};
const promObserve: Case = {
  name: "prom-client",
  run: (n) => {
    for (let i = 0; i < n; i++) promHistogram.observe(TAGS[i & MASK], LATENCIES[i & MASK]);
  },
  calls: 0,
};
const otelRecord: Case = {
  name: "OpenTelemetry",
  run: (n) => {
    for (let i = 0; i < n; i++) otelHistogram.record(LATENCIES[i & MASK], TAGS[i & MASK]);
  },
  calls: 0,
};
const sondeBoundRecord: Case = {
  name: "Sonde",
  run: (n) => {
    for (let i = 0; i < n; i++) latencyHandles[i & MASK].record(LATENCIES[i & MASK]);
  },
  calls: 0,
};
const promChildObserve: Case = {
  name: "prom-client",
  run: (n) => {
    for (let i = 0; i < n; i++) promHistogramChildren[i & MASK].observe(LATENCIES[i & MASK]);
  },
  calls: 0,
};

const started = Date.now();
// OpenTelemetry has no bound instruments: its unbound call is measured again beside them.
const groups = {
  add: measure([sondeAdd, promInc, otelAdd], plan),
  boundAdd: measure([sondeBoundAdd, promChildInc, otelAdd], plan),
  record: measure([sondeRecord, promObserve, otelRecord], plan),
  boundRecord: measure([sondeBoundRecord, promChildObserve, otelRecord], plan),
};
const boundAddAllocation = allocation("Sonde bound counter add", sondeBoundAdd, ALLOCATION_CALLS);
const boundRecordAllocation = allocation(
  "Sonde bound distribution record",
  sondeBoundRecord,
  ALLOCATION_CALLS,
);
const promAllocation = allocation(
  "prom-client labelled child `inc()`",
  promChildInc,
  ALLOCATION_CALLS,
);
const seconds = (Date.now() - started) / 1000;

// --- Check that every library recorded exactly the calls made (and so did the work). -------
const sondePoints = sonde.collectMetrics();
const promJson = await registry.getMetricsAsJSON();
const { resourceMetrics } = await reader.collect();
const otelPoints = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const checks: Check[] = [
  {
    what: "Sonde counter",
    expected: sondeAdd.calls + sondeBoundAdd.calls,
    recorded: sum(
      sondePoints
        .filter((p) => p.name === requests.declaration.name)
        .map((p) => Number(p.value ?? 0)),
    ),
  },
  {
    what: "Sonde distribution",
    expected: sondeRecord.calls + sondeBoundRecord.calls,
    recorded: sum(
      sondePoints.filter((p) => p.name === latency.declaration.name).map((p) => p.count ?? 0),
    ),
  },
  {
    what: "prom-client counter",
    expected: promInc.calls + promChildInc.calls,
    recorded: sum(
      promJson
        .filter((m) => m.name === "http_server_requests_total")
        .flatMap((m) => m.values.map((v) => v.value)),
    ),
  },
  {
    what: "prom-client histogram",
    expected: promObserve.calls + promChildObserve.calls,
    recorded: sum(
      promJson
        .flatMap((m) => m.values as { value: number; metricName?: string }[])
        .filter((v) => v.metricName === "http_server_duration_ms_count")
        .map((v) => v.value),
    ),
  },
  {
    what: "OpenTelemetry counter",
    expected: otelAdd.calls,
    recorded: sum(
      otelPoints
        .filter((m) => m.descriptor.name === "http.server.requests")
        .flatMap((m) => m.dataPoints.map((d) => d.value as number)),
    ),
  },
  {
    what: "OpenTelemetry histogram",
    expected: otelRecord.calls,
    recorded: sum(
      otelPoints
        .filter((m) => m.descriptor.name === "http.server.duration")
        .flatMap((m) => m.dataPoints.map((d) => (d.value as { count: number }).count)),
    ),
  },
];
await sonde.shutdown();

const command = [
  "node",
  ...process.execArgv,
  relative(process.cwd(), process.argv[1]),
  ...process.argv.slice(2),
].join(" ");
console.log(
  report({
    command,
    plan,
    seconds,
    ...groups,
    noop,
    boundAddAllocation,
    boundRecordAllocation,
    otherAllocations: [promAllocation],
    checks,
    diagnostics,
  }),
);
process.exitCode = checks.every((c) => c.expected === c.recorded) ? 0 : 1;
