// The cost of metric calls when no SDK is installed, run by metrics.ts in a child process so
// that no SDK has ever been registered (and no call site has seen a real implementation).
// Prints the timings as JSON on stdout.
// Usage: node --expose-gc bench/dist/metrics-noop.js '<Plan as JSON>'
import { metrics as otelMetrics } from "@opentelemetry/api";
import { type Case, measure, type Plan } from "./metrics-harness.js";
import {
  declareSondeInstruments,
  LATENCIES,
  MASK,
  perSlot,
  type RequestTags,
  TAGS,
} from "./metrics-workload.js";

const plan = JSON.parse(process.argv[2]) as Plan;
const { requests, latency } = declareSondeInstruments();
const requestHandles = perSlot((t) => requests.bind(t));
const latencyHandles = perSlot((t) => latency.bind(t));
const meter = otelMetrics.getMeter("bench");
const otelCounter = meter.createCounter("http.server.requests");
const otelHistogram = meter.createHistogram("http.server.duration", { unit: "ms" });

/** The floor: a call V8 inlines to nothing, with the same arguments as the cases below. */
function empty(_value: number, _tags: RequestTags): void {}

const cases: Case[] = [
  {
    name: "empty function (1, tags)",
    run: (n) => {
      for (let i = 0; i < n; i++) empty(1, TAGS[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "empty function (value, tags)",
    run: (n) => {
      for (let i = 0; i < n; i++) empty(LATENCIES[i & MASK], TAGS[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "Sonde counter add",
    run: (n) => {
      for (let i = 0; i < n; i++) requests.add(1, TAGS[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "Sonde bound counter add",
    run: (n) => {
      for (let i = 0; i < n; i++) requestHandles[i & MASK].add(1);
    },
    calls: 0,
  },
  {
    name: "Sonde distribution record",
    run: (n) => {
      for (let i = 0; i < n; i++) latency.record(LATENCIES[i & MASK], TAGS[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "Sonde bound distribution record",
    run: (n) => {
      for (let i = 0; i < n; i++) latencyHandles[i & MASK].record(LATENCIES[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "OTel counter add",
    run: (n) => {
      for (let i = 0; i < n; i++) otelCounter.add(1, TAGS[i & MASK]);
    },
    calls: 0,
  },
  {
    name: "OTel histogram record",
    run: (n) => {
      for (let i = 0; i < n; i++) otelHistogram.record(LATENCIES[i & MASK], TAGS[i & MASK]);
    },
    calls: 0,
  },
];

const timings = measure(cases, plan);
process.stdout.write(JSON.stringify({ timings }));
