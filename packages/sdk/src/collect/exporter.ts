import type { MetricPointRecord, ResourceSpansRecord, SignalsRecord } from "@sonde/protocol";
import type { Exporter, ExportResult } from "../export/exporter.js";
import type { CollectClient } from "./client.js";

const OK: ExportResult = { ok: true };

/**
 * The span side of the SDK's exporter interface over a {@link CollectClient}: spans are handed
 * to the client's buffer (acknowledged later by the collector, resent if needed). Metrics are
 * not pushed through here: the client reads them itself on the collector policy's schedule.
 */
export class CollectExporter implements Exporter {
  constructor(readonly client: CollectClient) {}

  async exportSpans(batches: ResourceSpansRecord[]): Promise<ExportResult> {
    this.client.pushSpans(batches.flatMap((b) => b.spans));
    return OK;
  }

  async exportMetrics(_points: MetricPointRecord[]): Promise<ExportResult> {
    return OK;
  }

  async exportSignals(batches: SignalsRecord[]): Promise<ExportResult> {
    for (const b of batches) {
      this.client.pushSignals({
        events: b.events ?? [],
        logs: b.logs ?? [],
        errors: b.errors ?? [],
      });
    }
    return OK;
  }

  shutdown(): Promise<void> {
    return this.client.shutdown();
  }
}
