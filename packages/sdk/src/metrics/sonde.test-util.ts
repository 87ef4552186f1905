import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, type SondeOptions, startSonde } from "../start.js";
import { type MetricsRecorder, metricsRecorder } from "./testing.js";

/** A started SDK exporting to memory (no instrumentation, no timers firing), and a recorder. */
export function startForTest(options: Partial<SondeOptions> = {}): {
  sonde: SondeHandle;
  recorder: MetricsRecorder;
} {
  const sonde = startSonde({
    serviceName: "metrics-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
    instrumentExpress: false,
    instrumentFastify: false,
    exportIntervalMs: 3_600_000,
    metricExportIntervalMs: 3_600_000,
    onDiagnostic: () => {},
    ...options,
  });
  return { sonde, recorder: metricsRecorder(sonde) };
}

/** `/sonde/sdk/metrics/dropped_samples` for `metric` and `reason`, since the recorder began. */
export function dropped(recorder: MetricsRecorder, metric: string, reason: string): bigint {
  return recorder.increase("/sonde/sdk/metrics/dropped_samples", { metric, reason });
}

/** `/sonde/sdk/metrics/clamped_samples` for `metric` and `reason`, since the recorder began. */
export function clamped(recorder: MetricsRecorder, metric: string, reason: string): bigint {
  return recorder.increase("/sonde/sdk/metrics/clamped_samples", { metric, reason });
}
