import { diag } from "@sonde/api";
import type { Attributes, ErrorRecord, EventRecord } from "@sonde/protocol";
import type { BoundedQueue } from "../events/queue.js";
import { activeLogging } from "../logs/configure.js";
import { toLogRecords } from "../logs/records.js";
import type { Exporter } from "./exporter.js";

/** Records taken per queue per export. */
const BATCH = 1000;

/**
 * Drains the event and error queues and the configured logging's line queue every
 * `intervalMs`, and on `flush()`, into the exporter's `exportSignals` (one batch at a time;
 * records of a failed export are dropped and reported as `export_failed`). Exporters without
 * `exportSignals` leave the queues to fill and drop (counted there). Never throws.
 */
export class SignalsBatcher {
  readonly #timer: NodeJS.Timeout;
  #exporting: Promise<void> | undefined;

  constructor(
    private readonly exporter: Exporter,
    private readonly resource: Attributes,
    private readonly events: BoundedQueue<EventRecord>,
    private readonly errors: BoundedQueue<ErrorRecord>,
    intervalMs: number,
  ) {
    this.#timer = setInterval(() => void this.flush(), intervalMs).unref();
  }

  /** Exports everything queued now (after an export already running). Never rejects. */
  async flush(): Promise<void> {
    while (this.#exporting) await this.#exporting;
    this.#exporting = this.#drain().finally(() => {
      this.#exporting = undefined;
    });
    await this.#exporting;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #drain(): Promise<void> {
    const exportSignals = this.exporter.exportSignals?.bind(this.exporter);
    if (exportSignals === undefined) return;
    const lines = activeLogging()?.queue;
    for (;;) {
      const events = this.events.take(BATCH);
      const errors = this.errors.take(BATCH);
      const logs = toLogRecords(lines?.take(BATCH) ?? []);
      if (events.length + errors.length + logs.length === 0) return;
      const result = await exportSignals([{ resource: this.resource, events, logs, errors }]);
      if (!result.ok) {
        diag.report({
          code: "export_failed",
          message: `events, logs and errors export failed: ${result.error.message}`,
          key: "signals",
        });
        return;
      }
    }
  }
}
