import { diag } from "@sonde/api";
import type { Attributes, ResourceSpansRecord, SpanRecord } from "@sonde/protocol";
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

/** A finished span waiting for export: its own record, plus its instrumentation scope. */
export interface FinishedSpan extends SpanRecord {
  readonly scope: { readonly name: string; readonly version: string };
}

/**
 * Collects finished spans in a bounded queue and exports them in batches: every `intervalMs`,
 * as soon as a full batch is waiting, and on `flush()`. One export runs at a time. Never
 * throws or blocks the caller of `push`; spans arriving while the queue is full are dropped
 * and counted (`dropped`, and `span_queue_full` through `diag`); failed exports are reported
 * (`export_failed`) and their spans dropped.
 *
 * Spans are queued and exported as they are (each is its own `SpanRecord`).
 */
export class SpanBatcher {
  readonly #exporter: Exporter;
  readonly #resource: Attributes;
  readonly #options: SpanBatcherOptions;
  readonly #timer: NodeJS.Timeout;
  #queue: FinishedSpan[] = [];
  #exporting: Promise<void> | undefined;
  #dropped = 0;

  constructor(exporter: Exporter, resource: Attributes, options: SpanBatcherOptions) {
    this.#exporter = exporter;
    this.#resource = resource;
    this.#options = options;
    this.#timer = setInterval(() => this.#exportNext(), options.intervalMs).unref();
  }

  /** Spans dropped so far because the queue was full. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Queues a finished span. */
  push(span: FinishedSpan): void {
    const queue = this.#queue;
    if (queue.length >= this.#options.maxQueueSize) {
      this.#dropped++;
      diag.report({
        code: "span_queue_full",
        message: `span queue full (${this.#options.maxQueueSize}); spans are being dropped`,
        key: "spans",
      });
      return;
    }
    queue.push(span);
    if (queue.length === this.#options.maxBatchSize && this.#exporting === undefined) {
      setImmediate(() => this.#exportNext());
    }
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
    let batch = this.#queue;
    if (batch.length > this.#options.maxBatchSize) {
      batch = batch.splice(0, this.#options.maxBatchSize);
    } else {
      this.#queue = [];
    }
    this.#exporting = this.#export(batch).finally(() => {
      this.#exporting = undefined;
      // Keep going while full batches wait, instead of leaving them for the next interval.
      if (this.#queue.length >= this.#options.maxBatchSize) this.#exportNext();
    });
    return this.#exporting;
  }

  async #export(batch: FinishedSpan[]): Promise<void> {
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
  #group(batch: FinishedSpan[]): ResourceSpansRecord[] {
    const groups: ResourceSpansRecord[] = [];
    const byScope = new Map<string, ResourceSpansRecord>();
    let last: FinishedSpan["scope"] | undefined;
    let group: ResourceSpansRecord | undefined;
    for (const span of batch) {
      // Consecutive spans mostly share a scope object: skip the lookup for them.
      if (span.scope !== last || group === undefined) {
        last = span.scope;
        const key = `${last.name}\u0000${last.version}`;
        group = byScope.get(key);
        if (group === undefined) {
          group = { resource: { attributes: this.#resource }, scope: last, spans: [] };
          byScope.set(key, group);
          groups.push(group);
        }
      }
      group.spans.push(span);
    }
    return groups;
  }
}
