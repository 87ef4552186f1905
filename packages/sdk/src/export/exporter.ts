import type { MetricPointRecord, ResourceSpansRecord, SignalsRecord } from "@sonde/protocol";

/** The outcome of one export: `ok`, or the error that made it fail (data not delivered). */
export type ExportResult = { ok: true } | { ok: false; error: Error };

/**
 * Where telemetry goes. Implementations never throw or reject: failures are returned as
 * `{ ok: false, error }`.
 */
export interface Exporter {
  exportSpans(batches: ResourceSpansRecord[]): Promise<ExportResult>;
  exportMetrics(points: MetricPointRecord[]): Promise<ExportResult>;
  /** Events, logs and errors; exporters without it drop them. */
  exportSignals?(batches: SignalsRecord[]): Promise<ExportResult>;
  /** Releases resources (sockets); later exports fail. */
  shutdown(): Promise<void>;
}
