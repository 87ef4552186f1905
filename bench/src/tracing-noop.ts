// The tracing benchmark's no-SDK cases, run by tracing.ts in a child process in which no SDK
// is ever installed: @sonde/api's noop tracer and `trace(name, fn)`, @opentelemetry/api's
// noop tracer. Prints a JSON `NoopResults` on stdout.
import { trace as otelTrace } from "@opentelemetry/api";
import { trace } from "@sonde/api";
import { type AsyncCase, measure, medianOf } from "./tracing-harness.js";

/** Median ns per operation of each case. */
export interface NoopResults {
  /** Sonde noop span: start + 3 attributes + end. */
  sonde: number;
  /** OpenTelemetry API without an SDK: the same. */
  otel: number;
  /** Awaiting `async (id) => id + 1` directly. */
  tracedPlain: number;
  /** What `trace(name, fn)` adds to it without an SDK. */
  tracedOverhead: number;
}

const rounds = Number(process.argv[2] ?? 21);
const roundMs = Number(process.argv[3] ?? 60);
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const sondeTracer = trace.getTracer("bench");
const otelTracer = otelTrace.getTracer("bench");
let sink = 0;

const spanCases: AsyncCase[] = [
  {
    name: "sonde",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = sondeTracer.startSpan("op");
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
    name: "otel",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) {
          const span = otelTracer.startSpan("op");
          span.setAttribute("http.route", "/users/:id");
          span.setAttribute("http.response.status_code", 200);
          span.setAttribute("cache.hit", true);
          span.end();
        }
        await yieldToLoop();
      }
    },
  },
];

const lookup = async (id: number) => id + 1;
const traced = trace("traced-lookup", lookup);
const wrapperCases: AsyncCase[] = [
  {
    name: "plain",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) sink += await lookup(k);
        await yieldToLoop();
      }
    },
  },
  {
    name: "traced",
    calls: 0,
    run: async (n) => {
      for (let i = 0; i < n; i += 1000) {
        for (let k = 0; k < 1000; k++) sink += await traced(k);
        await yieldToLoop();
      }
    },
  },
];

const plan = { rounds, roundMs, warmupMs: 300 };
const spans = await measure(spanCases, plan);
const wrapper = await measure(wrapperCases, plan);
const plain = medianOf(wrapper, "plain");
const results: NoopResults = {
  sonde: medianOf(spans, "sonde"),
  otel: medianOf(spans, "otel"),
  tracedPlain: plain,
  tracedOverhead: medianOf(wrapper, "traced") - plain,
};
if (sink === 0) throw new Error("unreachable: keeps the loops");
process.stdout.write(JSON.stringify(results));
