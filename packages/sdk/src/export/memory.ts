import type { MetricPointRecord, ResourceSpansRecord, SpanRecord } from "@sonde/protocol";
import type { Exporter, ExportResult } from "./exporter.js";

/**
 * An exporter that keeps everything in memory, for tests and debugging: pass it as
 * `startSonde({ exporter })`, call `forceFlush()`, then read `spans()` or `metricExports`.
 */
export class InMemoryExporter implements Exporter {
  /** Every span batch received, in order. */
  readonly spanBatches: ResourceSpansRecord[] = [];
  /** Every metric export received (each a full cumulative snapshot), in order. */
  readonly metricExports: MetricPointRecord[][] = [];

  /** All exported spans, flattened, in export order. */
  spans(): SpanRecord[] {
    return this.spanBatches.flatMap((batch) => batch.spans);
  }

  /** Forgets everything received so far. */
  reset(): void {
    this.spanBatches.length = 0;
    this.metricExports.length = 0;
  }

  async exportSpans(batches: ResourceSpansRecord[]): Promise<ExportResult> {
    this.spanBatches.push(...batches);
    return { ok: true };
  }

  async exportMetrics(points: MetricPointRecord[]): Promise<ExportResult> {
    this.metricExports.push(points);
    return { ok: true };
  }

  async shutdown(): Promise<void> {}
}
