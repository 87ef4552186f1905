import { diag } from "@sonde/api";
import type { MetricRegistry } from "../metrics/registry.js";
import type { Exporter } from "./exporter.js";

/**
 * Exports a cumulative snapshot of every metric every `intervalMs` and on `flush()`. Because
 * points are cumulative, a failed export loses no counts: the next one carries them. Never
 * throws; failures are reported (`export_failed`).
 */
export class PeriodicMetricExporter {
  readonly #registry: MetricRegistry;
  readonly #exporter: Exporter;
  readonly #timer: NodeJS.Timeout;
  #exporting: Promise<void> | undefined;

  constructor(registry: MetricRegistry, exporter: Exporter, intervalMs: number) {
    this.#registry = registry;
    this.#exporter = exporter;
    this.#timer = setInterval(() => this.#exportOnce(), intervalMs).unref();
  }

  /** Exports the current values now (after any export already running). Never rejects. */
  async flush(): Promise<void> {
    await this.#exporting;
    await this.#exportOnce();
  }

  /** Stops the periodic export. */
  stop(): void {
    clearInterval(this.#timer);
  }

  #exportOnce(): Promise<void> {
    this.#exporting ??= this.#export().finally(() => {
      this.#exporting = undefined;
    });
    return this.#exporting;
  }

  async #export(): Promise<void> {
    try {
      const points = this.#registry.collect();
      if (points.length === 0) return;
      const result = await this.#exporter.exportMetrics(points);
      if (!result.ok) {
        diag.report({
          code: "export_failed",
          message: `exporting ${points.length} metric points failed: ${result.error.message}`,
          key: "metrics",
          error: result.error,
        });
      }
    } catch (error) {
      diag.report({
        code: "export_failed",
        message: "metric exporter threw",
        key: "metrics",
        error,
      });
    }
  }
}
