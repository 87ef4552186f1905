import { diag } from "@sonde/api";
import type { Attributes, ResourceSpansRecord, SpanRecord } from "@sonde/protocol";
import type { Scope } from "../trace/span.js";
import type { Exporter } from "./exporter.js";

/** Options for {@link SpanBatcher}. */
export interface SpanBatcherOptions {
  /** Spans held at most; beyond it new spans are dropped and counted (`span_queue_full`). */
  maxQueueSize: number;
  /** Spans per export request. */
  maxBatchSize: number;
  /** Milliseconds between periodic exports. */
  intervalMs: number;
}

interface Queued {
  scope: Scope;
  span: SpanRecord;
}

/**
 * Collects finished spans in a bounded queue and exports them in batches: every `intervalMs`,
 * as soon as a full batch is waiting, and on `flush()`. One export runs at a time. Never
 * throws or blocks the caller of `push`; failed exports are reported (`export_failed`) and
 * their spans dropped.
 */
export class SpanBatcher {
  readonly #exporter: Exporter;
  readonly #resource: Attributes;
  readonly #options: SpanBatcherOptions;
  readonly #timer: NodeJS.Timeout;
  #queue: Queued[] = [];
  #exporting: Promise<void> | undefined;

  constructor(exporter: Exporter, resource: Attributes, options: SpanBatcherOptions) {
    this.#exporter = exporter;
    this.#resource = resource;
    this.#options = options;
    this.#timer = setInterval(() => this.#exportNext(), options.intervalMs).unref();
  }

  /** Queues a finished span. */
  push(scope: Scope, span: SpanRecord): void {
    if (this.#queue.length >= this.#options.maxQueueSize) {
      diag.report({
        code: "span_queue_full",
        message: `span queue full (${this.#options.maxQueueSize}); spans are being dropped`,
        key: "spans",
      });
      return;
    }
    this.#queue.push({ scope, span });
    if (this.#queue.length === this.#options.maxBatchSize) setImmediate(() => this.#exportNext());
  }

  /** Exports everything queued now; resolves when done (never rejects). */
  async flush(): Promise<void> {
    while (this.#exporting !== undefined || this.#queue.length > 0) {
      await (this.#exporting ?? this.#exportNext());
    }
  }

  /** Stops the periodic export (queued spans stay until `flush()`). */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Starts exporting the next batch unless an export is running; returns the running one. */
  #exportNext(): Promise<void> | undefined {
    if (this.#exporting !== undefined || this.#queue.length === 0) return this.#exporting;
    const batch = this.#queue.slice(0, this.#options.maxBatchSize);
    this.#queue = this.#queue.slice(batch.length);
    this.#exporting = this.#export(batch).finally(() => {
      this.#exporting = undefined;
    });
    return this.#exporting;
  }

  async #export(batch: Queued[]): Promise<void> {
    try {
      const result = await this.#exporter.exportSpans(this.#group(batch));
      if (!result.ok) {
        diag.report({
          code: "export_failed",
          message: `exporting ${batch.length} spans failed: ${result.error.message}`,
          key: "spans",
          error: result.error,
        });
      }
    } catch (error) {
      diag.report({ code: "export_failed", message: "span exporter threw", key: "spans", error });
    }
  }

  /** Groups spans by scope into OTLP-shaped batches of this process's resource. */
  #group(batch: Queued[]): ResourceSpansRecord[] {
    const byScope = new Map<string, ResourceSpansRecord>();
    for (const { scope, span } of batch) {
      const key = `${scope.name}\u0000${scope.version}`;
      let group = byScope.get(key);
      if (group === undefined) {
        group = { resource: { attributes: this.#resource }, scope, spans: [] };
        byScope.set(key, group);
      }
      group.spans.push(span);
    }
    return [...byScope.values()];
  }
}
