import {
  type DiagEvent,
  diag,
  registerImplementation,
  type SondeImplementation,
  type TextMapPropagator,
  unregisterImplementation,
} from "@sonde/api";
import type { Attributes, MetricPointRecord } from "@sonde/protocol";
import { buildCallGraph, type CallGraph } from "./callgraph/call-graph.js";
import { CollectClient } from "./collect/client.js";
import { CollectExporter } from "./collect/exporter.js";
import type { BuildInfo } from "./defaults/build.js";
import { startDefaultMetrics } from "./defaults/default-metrics.js";
import { type CaptureErrorsOptions, captureErrors } from "./errors/capture.js";
import { EventRecorder } from "./events/recorder.js";
import { installExitHooks } from "./exit-hooks.js";
import type { Exporter } from "./export/exporter.js";
import { METRICS_SCOPE, PeriodicMetricExporter, toMetricPoints } from "./export/metric-exporter.js";
import { OtlpHttpExporter, type OtlpHttpExporterOptions } from "./export/otlp-http.js";
import { SignalsBatcher } from "./export/signals-batcher.js";
import { SpanBatcher } from "./export/span-batcher.js";
import { instrument } from "./instrumentation/instrument.js";
import type { MetricReader } from "./metrics/read.js";
import { MetricRegistry } from "./metrics/registry.js";
import type { OpenTelemetryApi } from "./otel/api.js";
import { installOpenTelemetryBridge } from "./otel/bridge.js";
import { w3cPropagator } from "./propagation/composite.js";
import { buildResource } from "./resource.js";
import { parentBasedSampler } from "./sampling/parent-based.js";
import { alwaysOnSampler, type Sampler } from "./sampling/sampler.js";
import { AsyncLocalStorageContextManager } from "./trace/context-manager.js";
import { Tracing } from "./trace/tracing.js";
import { CodeUsage, type CodeUsageQuery, type CodeUsageReportEntry } from "./usage/code-usage.js";

/** Options for {@link startSonde}. */
export interface SondeOptions {
  /** `service.name` of everything this process reports, e.g. `"billing"`. Required. */
  serviceName: string;
  /**
   * How telemetry leaves the process: `"sonde"`, the Sonde collection protocol (one gRPC
   * stream to `collector`: the collector's policy decides what is pushed and how often;
   * compressed, acknowledged, resent after reconnects), or `"otlp"` (OTLP/HTTP protobuf to
   * `endpoint`, for any OTLP backend). Default `"otlp"` when `endpoint`, `exporter` or
   * `SONDE_ENDPOINT` is given, else `"sonde"`.
   */
  protocol?: "sonde" | "otlp";
  /**
   * The Sonde collector's gRPC address for `protocol: "sonde"`, `host:port`. Default
   * `process.env.SONDE_COLLECTOR`, else `"127.0.0.1:4317"`.
   */
  collector?: string;
  /**
   * Bytes of unacknowledged batches kept for resending at most (`protocol: "sonde"`); when
   * full the oldest are dropped and counted. Default 16 MiB.
   */
  collectBufferBytes?: number;
  /**
   * Push what is left on SIGTERM, SIGINT and `beforeExit` (bounded by `shutdownTimeoutMs`).
   * Default true.
   */
  exitHooks?: boolean;
  /** Longest wait for the last data to be acknowledged on shutdown, ms. Default 3000. */
  shutdownTimeoutMs?: number;
  /**
   * Where to send OTLP/HTTP: a base URL (`/v1/traces` and `/v1/metrics` appended) or the full
   * `…/v1/traces` URL of any OTLP receiver (see `OtlpHttpExporterOptions.endpoint`). Default
   * `process.env.SONDE_ENDPOINT`, else `"http://127.0.0.1:4318"`. Ignored when `exporter` is
   * given.
   */
  endpoint?: string;
  /**
   * HTTP headers sent with every OTLP export request, e.g. an API key:
   * `{ authorization: "Bearer …" }`. Ignored when `exporter` is given.
   */
  headers?: OtlpHttpExporterOptions["headers"];
  /** Compression of OTLP export bodies. Default `"none"`. Ignored when `exporter` is given. */
  compression?: OtlpHttpExporterOptions["compression"];
  /**
   * Which spans are recorded and exported (all are counted in span metrics). Default
   * `parentBasedSampler({ root: alwaysOnSampler })`: every trace, following incoming decisions.
   */
  sampler?: Sampler;
  /**
   * The `@opentelemetry/api` module (1.x) to install Sonde into, as its global tracer
   * provider, context manager and propagator (see `installOpenTelemetryBridge`), so that
   * OpenTelemetry instrumentations report into Sonde:
   * `startSonde({ serviceName, openTelemetry: await import("@opentelemetry/api") })`.
   * Sonde's own HTTP instrumentation stays on unless turned off, which with
   * `@opentelemetry/instrumentation-http` would trace each request twice.
   */
  openTelemetry?: OpenTelemetryApi;
  /** Extra resource attributes, e.g. `{ "deployment.environment.name": "dev" }`. */
  resource?: Record<string, string | number | boolean>;
  /** Milliseconds between span batch exports. Default 1000. */
  exportIntervalMs?: number;
  /** Milliseconds between metric exports. Default 5000. */
  metricExportIntervalMs?: number;
  /** Trace `node:http`/`node:https` servers and clients. Default true. */
  instrumentHttp?: boolean;
  /** Trace global `fetch` (and undici) requests, via `diagnostics_channel`. Default true. */
  instrumentFetch?: boolean;
  /** Name Express 5 routes on server spans (`http.route`). Default true. */
  instrumentExpress?: boolean;
  /** Name Fastify routes on server spans (`http.route`). Default true. */
  instrumentFastify?: boolean;
  /**
   * How contexts cross process boundaries. Default: W3C Trace Context (`traceparent`,
   * `tracestate`) and W3C Baggage (`baggage`), see `w3cPropagator`.
   */
  propagator?: TextMapPropagator;
  /** Where telemetry goes. Default: an {@link OtlpHttpExporter} for `endpoint`. */
  exporter?: Exporter;
  /** Finished spans held for export at most (then dropped and counted). Default 2048. */
  maxQueueSize?: number;
  /**
   * Series per metric at most (then an overflow series), unless the metric declares
   * `maxSeries`. Default 2000.
   */
  maxSeriesPerMetric?: number;
  /**
   * Receives Sonde's own problems (the first of each kind, see `diag`). Default: one line on
   * stderr per problem.
   */
  onDiagnostic?: (event: DiagEvent) => void;
  /**
   * Declare and refresh (every second) the default metrics: `/build/*` constants and
   * `/proc/*` memory, CPU time, event-loop delay, active resources and GC (see
   * `startDefaultMetrics`). Default true.
   */
  defaultMetrics?: boolean;
  /** Values for the `/build/*` constants; each defaults to an environment variable. */
  buildInfo?: BuildInfo;
  /**
   * Error capture: `errors.report` / `errors.reportProblem` always work; these options add
   * handlers (`uncaughtExceptions`, `unhandledRejections`, both off by default) and ownership
   * rules (`owners`: a CODEOWNERS-style file, default `SONDE_OWNERS`). See `captureErrors`.
   */
  errors?: CaptureErrorsOptions;
  /** Events held for export at most (then dropped and counted). Default 4096. */
  maxEventQueueSize?: number;
}

/**
 * A running Sonde SDK. Its metrics are read through {@link MetricReader}: `readMetrics()` (a
 * complete synchronous snapshot with declarations) and `readMetricsIncrementally()`.
 */
export interface SondeHandle extends MetricReader {
  /** The resource attributes stamped on all telemetry. */
  readonly resource: Readonly<Attributes>;
  /**
   * The current value of every metric series (cumulative) as the OTLP points the exporter
   * would send (see `toMetricPoints`), without exporting.
   */
  collectMetrics(): MetricPointRecord[];
  /**
   * The call graph of the spans finished so far in this process (sampled or not): parent →
   * child relations aggregated per span name with calls, errors, total and self time. Render
   * it with `toDot`.
   */
  callGraph(): CallGraph;
  /**
   * The Sonde collection protocol client when `protocol` is `"sonde"` (its connection state,
   * policy, acknowledged sequence number, buffered bytes and drops); undefined with OTLP.
   */
  readonly collectClient?: CollectClient;
  /**
   * Which functions wrapped with `trace(name, fn)` and which span names ran since
   * `query.sinceUnixMs` (default: the start) and which did not, with call and error counts.
   */
  codeUsage(query?: CodeUsageQuery): CodeUsageReportEntry[];
  /** Exports all finished spans and the current metrics now. Never rejects. */
  forceFlush(): Promise<void>;
  /**
   * Stops recording (every api call becomes a noop again), removes the HTTP instrumentation,
   * exports what is left and closes the exporter. Idempotent; never rejects.
   */
  shutdown(): Promise<void>;
}

const DEFAULT_ENDPOINT = "http://127.0.0.1:4318";
const DEFAULT_COLLECTOR = "127.0.0.1:4317";
const BATCH_SIZE = 512;

let running: SondeHandle | undefined;

function printDiagnostic(event: DiagEvent): void {
  process.stderr.write(`sonde: ${event.code}: ${event.message}\n`);
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `value` if it is a non-empty string, else `fallback` (reported unless optional and absent). */
function text(value: unknown, fallback: string, option: string, required: boolean): string {
  if (typeof value === "string" && value !== "") return value;
  if (required || value !== undefined) {
    diag.report({
      code: "invalid_options",
      message: `${option} must be a non-empty string; using ${fallback}`,
      key: option,
    });
  }
  return fallback;
}

/**
 * Installs the Sonde SDK for this process: registers it behind @sonde/api (metrics declared
 * earlier start recording), records spans with `AsyncLocalStorage` context, propagates W3C
 * Trace Context and Baggage, and exports over OTLP/HTTP protobuf to `${endpoint}/v1/traces`
 * and `${endpoint}/v1/metrics`. This one call also instruments the RPC and web layer (each
 * can be turned off): `node:http`/`https` servers and clients, global `fetch`, and Express 5
 * and Fastify route names. Call it before the Fastify instance is created (for example in a
 * module loaded first, or with `node --import`) so the route is known even for requests a hook
 * answers early.
 *
 * Never throws. A missing `serviceName` is reported (`invalid_options`) and replaced by
 * `unknown_service:node`; a second call while running reports `already_started` and returns
 * the running handle.
 *
 * @example
 * const sonde = startSonde({ serviceName: "billing" });
 * process.on("SIGTERM", () => sonde.shutdown());
 */
export function startSonde(options: SondeOptions): SondeHandle {
  // JavaScript callers may pass nothing at all.
  options ??= { serviceName: "" };
  const unsubscribe = diag.subscribe(options.onDiagnostic ?? printDiagnostic);
  if (running !== undefined) {
    diag.report({ code: "already_started", message: "startSonde called while running" });
    unsubscribe();
    return running;
  }
  const resource = buildResource(
    text(options.serviceName, "unknown_service:node", "serviceName", true),
    options.resource,
  );
  const endpoint = options.endpoint ?? process.env.SONDE_ENDPOINT;
  const protocol =
    options.protocol ?? (endpoint !== undefined || options.exporter ? "otlp" : "sonde");
  const registry = new MetricRegistry({
    maxSeriesPerMetric: positive(options.maxSeriesPerMetric, 2000),
  });
  const shutdownTimeoutMs = positive(options.shutdownTimeoutMs, 3000);
  const exporter =
    options.exporter ??
    (protocol === "sonde"
      ? new CollectExporter(
          new CollectClient({
            address: text(
              options.collector ?? process.env.SONDE_COLLECTOR,
              DEFAULT_COLLECTOR,
              "collector",
              false,
            ),
            resource,
            reader: registry,
            startTimeUnixNano: BigInt(Math.round(performance.timeOrigin * 1e6)),
            maxBufferBytes: options.collectBufferBytes,
            headers: options.headers,
            shutdownTimeoutMs,
          }),
        )
      : new OtlpHttpExporter({
          endpoint: text(endpoint, DEFAULT_ENDPOINT, "endpoint", false),
          headers: options.headers,
          compression: options.compression,
        }));
  const contextManager = new AsyncLocalStorageContextManager();
  const metricTarget = { resource, scope: METRICS_SCOPE };
  const events = new EventRecorder({ maxQueueSize: options.maxEventQueueSize });
  const errorCapture = captureErrors(options.errors);
  // Exceptions recorded on spans become error reports as their spans are exported.
  const spanExporter: Exporter = {
    exportSpans: (batches) => {
      for (const batch of batches) errorCapture.fromSpans(batch.spans);
      return exporter.exportSpans(batches);
    },
    exportMetrics: (points) => exporter.exportMetrics(points),
    shutdown: () => exporter.shutdown(),
  };
  const signals = new SignalsBatcher(
    exporter,
    resource,
    events.queue,
    errorCapture.queue,
    positive(options.exportIntervalMs, 1000),
  );
  const spans = new SpanBatcher(spanExporter, resource, {
    maxQueueSize: positive(options.maxQueueSize, 2048),
    maxBatchSize: BATCH_SIZE,
    intervalMs: positive(options.exportIntervalMs, 1000),
  });
  // With the Sonde protocol the collector's policy schedules metric pushes.
  const metricExport =
    exporter instanceof CollectExporter
      ? undefined
      : new PeriodicMetricExporter(
          registry,
          metricTarget,
          exporter,
          positive(options.metricExportIntervalMs, 5000),
        );
  const tracing = new Tracing(
    (span) => spans.push(span),
    options.sampler ?? parentBasedSampler({ root: alwaysOnSampler }),
    registry,
  );
  const implementation: SondeImplementation = {
    name: "@sonde/sdk",
    contextManager,
    propagator: options.propagator ?? w3cPropagator,
    tracing,
    metrics: registry,
    events,
    errors: errorCapture,
  };
  // Fails (reported as already_registered) when another copy of an SDK is installed.
  const registered = registerImplementation(implementation);
  const uninstrument = registered
    ? instrument({
        http: options.instrumentHttp !== false,
        fetch: options.instrumentFetch !== false,
        express: options.instrumentExpress !== false,
        fastify: options.instrumentFastify !== false,
      })
    : () => {};
  const defaults =
    registered && options.defaultMetrics !== false
      ? startDefaultMetrics({ buildInfo: options.buildInfo })
      : undefined;
  const uninstallOpenTelemetry =
    registered && options.openTelemetry !== undefined
      ? installOpenTelemetryBridge(options.openTelemetry, {
          tracing,
          contextManager,
          propagator: implementation.propagator,
        })
      : () => {};

  const usage = new CodeUsage(tracing.stats);
  let stopping: Promise<void> | undefined;
  const handle: SondeHandle = {
    resource,
    collectMetrics: () => toMetricPoints(registry.readMetrics(), metricTarget),
    readMetrics: (select) => registry.readMetrics(select),
    readMetricsIncrementally: (chunkSize) => registry.readMetricsIncrementally(chunkSize),
    callGraph: () => buildCallGraph(String(resource["service.name"]), tracing.stats),
    collectClient: exporter instanceof CollectExporter ? exporter.client : undefined,
    codeUsage: (query) => usage.report(query),
    forceFlush: async () => {
      await Promise.all([spans.flush(), metricExport?.flush()]);
      await signals.flush();
      if (exporter instanceof CollectExporter) {
        exporter.client.pushAllMetrics();
        await exporter.client.waitForAcks(shutdownTimeoutMs);
      }
    },
    shutdown: () => {
      stopping ??= (async () => {
        removeExitHooks();
        spans.stop();
        metricExport?.stop();
        signals.stop();
        errorCapture.uninstall();
        usage.stop();
        uninstrument();
        uninstallOpenTelemetry();
        defaults?.stop();
        unregisterImplementation(implementation);
        await Promise.all([spans.flush(), metricExport?.flush()]);
        await signals.flush();
        await exporter.shutdown().catch(() => {});
        contextManager.disable();
        unsubscribe();
        if (running === handle) running = undefined;
      })();
      return stopping;
    },
  };
  const removeExitHooks =
    registered && options.exitHooks !== false
      ? installExitHooks({ flush: () => handle.forceFlush(), shutdown: () => handle.shutdown() })
      : () => {};
  if (registered) running = handle;
  else void handle.shutdown();
  return handle;
}
