import {
  type DiagEvent,
  diag,
  registerImplementation,
  type SondeImplementation,
  unregisterImplementation,
} from "@sonde/api";
import type { Attributes, MetricPointRecord } from "@sonde/protocol";
import type { Exporter } from "./export/exporter.js";
import { PeriodicMetricExporter } from "./export/metric-exporter.js";
import { OtlpHttpExporter } from "./export/otlp-http.js";
import { SpanBatcher } from "./export/span-batcher.js";
import { instrumentHttp } from "./instrumentation/http.js";
import { MetricRegistry } from "./metrics/registry.js";
import { traceContextPropagator } from "./propagation/trace-context.js";
import { buildResource } from "./resource.js";
import { AsyncLocalStorageContextManager } from "./trace/context-manager.js";
import { Tracing } from "./trace/tracing.js";

/** Options for {@link startSonde}. */
export interface SondeOptions {
  /** `service.name` of everything this process reports, e.g. `"billing"`. Required. */
  serviceName: string;
  /**
   * Collector base URL for OTLP/HTTP. Default `process.env.SONDE_ENDPOINT`, else
   * `"http://127.0.0.1:4318"`. Ignored when `exporter` is given.
   */
  endpoint?: string;
  /** Extra resource attributes, e.g. `{ "deployment.environment.name": "dev" }`. */
  resource?: Record<string, string | number | boolean>;
  /** Milliseconds between span batch exports. Default 1000. */
  exportIntervalMs?: number;
  /** Milliseconds between metric exports. Default 5000. */
  metricExportIntervalMs?: number;
  /** Trace `node:http`/`node:https` servers and clients. Default true. */
  instrumentHttp?: boolean;
  /** Where telemetry goes. Default: an {@link OtlpHttpExporter} for `endpoint`. */
  exporter?: Exporter;
  /** Finished spans held for export at most (then dropped and counted). Default 2048. */
  maxQueueSize?: number;
  /** Series per metric at most (then an overflow series). Default 2000. */
  maxSeriesPerMetric?: number;
  /**
   * Receives Sonde's own problems (the first of each kind, see `diag`). Default: one line on
   * stderr per problem.
   */
  onDiagnostic?: (event: DiagEvent) => void;
}

/** A running Sonde SDK. */
export interface SondeHandle {
  /** The resource attributes stamped on all telemetry. */
  readonly resource: Readonly<Attributes>;
  /** The current value of every metric series (cumulative), without exporting. */
  collectMetrics(): MetricPointRecord[];
  /** Exports all finished spans and the current metrics now. Never rejects. */
  forceFlush(): Promise<void>;
  /**
   * Stops recording (every api call becomes a noop again), removes the HTTP instrumentation,
   * exports what is left and closes the exporter. Idempotent; never rejects.
   */
  shutdown(): Promise<void>;
}

const DEFAULT_ENDPOINT = "http://127.0.0.1:4318";
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
 * Trace Context, traces `node:http` (unless disabled) and exports over OTLP/HTTP protobuf to
 * `${endpoint}/v1/traces` and `${endpoint}/v1/metrics`.
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
  const exporter =
    options.exporter ??
    new OtlpHttpExporter({ endpoint: text(endpoint, DEFAULT_ENDPOINT, "endpoint", false) });
  const contextManager = new AsyncLocalStorageContextManager();
  const registry = new MetricRegistry(resource, positive(options.maxSeriesPerMetric, 2000));
  const spans = new SpanBatcher(exporter, resource, {
    maxQueueSize: positive(options.maxQueueSize, 2048),
    maxBatchSize: BATCH_SIZE,
    intervalMs: positive(options.exportIntervalMs, 1000),
  });
  const metricExport = new PeriodicMetricExporter(
    registry,
    exporter,
    positive(options.metricExportIntervalMs, 5000),
  );
  const implementation: SondeImplementation = {
    name: "@sonde/sdk",
    contextManager,
    propagator: traceContextPropagator,
    tracing: new Tracing((scope, span) => spans.push(scope, span), contextManager),
    metrics: registry,
  };
  // Fails (reported as already_registered) when another copy of an SDK is installed.
  const registered = registerImplementation(implementation);
  const uninstrument = registered && options.instrumentHttp !== false ? instrumentHttp() : () => {};

  let stopping: Promise<void> | undefined;
  const handle: SondeHandle = {
    resource,
    collectMetrics: () => registry.collect(),
    forceFlush: async () => {
      await Promise.all([spans.flush(), metricExport.flush()]);
    },
    shutdown: () => {
      stopping ??= (async () => {
        spans.stop();
        metricExport.stop();
        uninstrument();
        unregisterImplementation(implementation);
        await Promise.all([spans.flush(), metricExport.flush()]);
        await exporter.shutdown().catch(() => {});
        contextManager.disable();
        unsubscribe();
        if (running === handle) running = undefined;
      })();
      return stopping;
    },
  };
  if (registered) running = handle;
  else void handle.shutdown();
  return handle;
}
