import type { EncodedBatch } from "./session.js";

/**
 * The batches a client has made and the collector has not acknowledged yet, oldest first,
 * bounded in bytes. When a new batch does not fit, the oldest ones are dropped and counted:
 * the host program is never blocked and memory never grows past the bound.
 */
export class BatchBuffer {
  readonly #maxBytes: number;
  #batches: EncodedBatch[] = [];
  #bytes = 0;
  /** Batches, samples and records (spans, events, logs, errors) dropped because the buffer was full. */
  readonly dropped = { batches: 0, samples: 0, records: 0 };

  /** @param maxBytes Bound on the encoded bytes held (a single larger batch is still kept). */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Encoded bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Batches held. */
  get length(): number {
    return this.#batches.length;
  }

  /** Adds `batch` after the others, dropping the oldest while the bound is exceeded. */
  push(batch: EncodedBatch): void {
    this.#batches.push(batch);
    this.#bytes += batch.bytes.length;
    while (this.#bytes > this.#maxBytes && this.#batches.length > 1) {
      const old = this.#batches.shift() as EncodedBatch;
      this.#bytes -= old.bytes.length;
      this.dropped.batches++;
      this.dropped.samples += old.samples;
      this.dropped.records += old.records;
    }
  }

  /** Forgets every batch with a sequence number up to `seq` (acknowledged, so durable). */
  ackUpTo(seq: number): void {
    let n = 0;
    while (n < this.#batches.length && this.#batches[n].seq <= seq) {
      this.#bytes -= this.#batches[n].bytes.length;
      n++;
    }
    if (n > 0) this.#batches = this.#batches.slice(n);
  }

  /** The batches held with a sequence number above `seq`, oldest first. */
  after(seq: number): EncodedBatch[] {
    return this.#batches.filter((b) => b.seq > seq);
  }
}
