import { performance } from "node:perf_hooks";
import {
  type ClientDuplexStream,
  credentials,
  Client as GrpcClient,
  Metadata,
} from "@grpc/grpc-js";
import { diag, type MetricDeclaration } from "@sonde/api";
import type { Attributes, ErrorRecord, EventRecord, LogRecord, SpanRecord } from "@sonde/protocol";
import {
  type ClientStats,
  COLLECT_METHOD,
  DEFAULT_POLICY,
  decodeServerMessage,
  encodeClientMessage,
  metricInterval,
  type Policy,
  type ServerMessage,
} from "@sonde/protocol/collect";
import type { MetricReader } from "../metrics/read.js";
import { BatchBuffer } from "./buffer.js";
import { CollectSession, type EncodedBatch } from "./session.js";

/** Options for {@link CollectClient}. */
export interface CollectClientOptions {
  /** The collector's gRPC address, `host:port`, e.g. `"127.0.0.1:4317"`. */
  address: string;
  /** Resource attributes of this process: its identity. */
  resource: Attributes;
  /** Where metric snapshots come from. */
  reader: MetricReader;
  /** When this process started, ns since the UNIX epoch. */
  startTimeUnixNano: bigint;
  /** Unacknowledged batches kept at most, bytes. Default 16 MiB. */
  maxBufferBytes?: number;
  /** gRPC metadata sent with the stream, e.g. `{ authorization: "Bearer …" }`. */
  headers?: Record<string, string>;
  /** Reconnect delay bounds, ms (exponential backoff with full jitter). Default 100 and 10,000. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Policy used until a collector sends one. Default: every metric every 10 s, all spans. */
  initialPolicy?: Policy;
  /** Longest wait in {@link CollectClient.shutdown} for the last acknowledgements, ms. Default 3000. */
  shutdownTimeoutMs?: number;
}

type Stream = ClientDuplexStream<Uint8Array, ServerMessage>;

/** Event-loop utilisation above which a due push is postponed (at most 3 times in a row). */
const STARVED_ELU = 0.95;
/** Shortest push tick, ms. */
const MIN_TICK_MS = 50;

/**
 * The client of the Sonde collection protocol (collect.proto): one long-lived gRPC stream to
 * a collector. It announces the process, follows the collection policy the collector sends
 * (rules by name and prefix with intervals, span sampling), pushes compressed metric samples
 * and spans as numbered batches, keeps every batch until the collector acknowledges it as
 * durable (bounded in bytes: the oldest are dropped and counted when full), reconnects with
 * exponential backoff and full jitter, and resends what was not acknowledged. It never throws
 * into the host program and never blocks it.
 */
export class CollectClient {
  readonly session: CollectSession;
  readonly #options: CollectClientOptions;
  readonly #buffer: BatchBuffer;
  #grpc: GrpcClient | undefined;
  #policy: Policy;
  #intervals = new Map<MetricDeclaration, number>();
  #lastPush = new Map<number, number>();
  #tick: NodeJS.Timeout | undefined;
  #tickMs = 0;
  #stream: Stream | undefined;
  /** True once the collector's policy arrived on the current stream. */
  #ready = false;
  #sentSeq = 0;
  #ackedSeq = 0;
  #attempt = 0;
  #reconnect: NodeJS.Timeout | undefined;
  #throttleUntil = 0;
  #throttleGapMs = 0;
  #throttleTimer: NodeJS.Timeout | undefined;
  #draining = false;
  #elu = performance.eventLoopUtilization();
  #postponed = 0;
  #stopped = false;
  #ackWaiters: (() => void)[] = [];
  readonly stats = { reconnects: 0, postponedPushes: 0, policies: 0 };
  /** Where metrics come from, by identity: this process (1), then {@link addIdentity}'s. */
  readonly #sources: { identity: number; reader: MetricReader }[];

  constructor(options: CollectClientOptions) {
    this.#options = options;
    this.session = new CollectSession(options.resource, options.startTimeUnixNano);
    this.#sources = [{ identity: 1, reader: options.reader }];
    this.#buffer = new BatchBuffer(options.maxBufferBytes ?? 16 * 1024 * 1024);
    this.#policy = options.initialPolicy ?? DEFAULT_POLICY;
    this.#schedule();
    this.#connect();
  }

  /**
   * Speaks for another entity too (the seed's proxy example: a process that scrapes a web
   * server's logs reports the server's metrics under the server's identity): its metrics,
   * read from `reader`, are pushed on the same policy as this process's, under an identity
   * with `resource`'s labels, announced to the collector. Never throws.
   */
  addIdentity(resource: Attributes, reader: MetricReader, startTimeUnixNano?: bigint): void {
    const start = startTimeUnixNano ?? BigInt(Date.now()) * 1_000_000n;
    this.#sources.push({ identity: this.session.addIdentity(resource, start), reader });
  }

  /** The policy in force. */
  get policy(): Policy {
    return this.#policy;
  }

  /** Highest sequence number the collector acknowledged. */
  get ackedSeq(): number {
    return this.#ackedSeq;
  }

  /** What was dropped because the buffer was full. */
  get dropped(): { batches: number; samples: number; records: number } {
    return this.#buffer.dropped;
  }

  /** Unacknowledged bytes held. */
  get bufferedBytes(): number {
    return this.#buffer.bytes;
  }

  /** True while a stream is open and the collector's policy arrived on it. */
  get connected(): boolean {
    return this.#ready;
  }

  /** Queues finished spans (sampled by the policy's span rule). Never throws. */
  pushSpans(spans: readonly SpanRecord[]): void {
    const rule = this.#policy.spans;
    if (this.#stopped || rule?.enabled === false) return;
    const sampling = rule?.sampling ?? 1;
    const kept = sampling >= 1 ? spans : spans.filter((s) => traceFraction(s.traceId) < sampling);
    this.#enqueue(this.session.spanBatch(kept));
  }

  /**
   * Queues events, log records and error reports, following the policy's `events` and `logs`
   * rules (disabled: dropped; sampling: kept at that fraction; errors are always sent). Never
   * throws.
   */
  pushSignals(signals: { events: EventRecord[]; logs: LogRecord[]; errors: ErrorRecord[] }): void {
    if (this.#stopped) return;
    const keep = <T>(items: T[], rule: Policy["events"]): T[] => {
      if (rule?.enabled === false) return [];
      const sampling = rule?.sampling ?? 1;
      return sampling >= 1 ? items : items.filter(() => Math.random() < sampling);
    };
    this.#enqueue(
      this.session.signalBatch({
        events: keep(signals.events, this.#policy.events),
        logs: keep(signals.logs, this.#policy.logs),
        errors: signals.errors,
      }),
    );
  }

  /**
   * Pushes every metric the policy pushes at all, now, whatever its interval (the seed's
   * "unscheduled push during shutdown"), stamped `nowMs` (default `Date.now()`). Never throws.
   */
  pushAllMetrics(nowMs = Date.now()): void {
    try {
      for (const { identity, reader } of this.#sources) {
        const snapshots = reader.readMetrics((d) => this.#interval(d) > 0);
        this.#enqueue(this.session.metricBatch(snapshots, nowMs, identity));
      }
    } catch (error) {
      this.#report("collect_failed", error);
    }
  }

  /**
   * Resolves once every batch made so far is acknowledged, or after `timeoutMs`; true when all
   * were acknowledged. Never rejects.
   */
  waitForAcks(timeoutMs: number): Promise<boolean> {
    const target = this.session.nextSeq - 1;
    if (this.#ackedSeq >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const check = () => {
        if (this.#ackedSeq >= target) done(true);
        else this.#ackWaiters.push(check);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      this.#ackWaiters.push(check);
    });
  }

  /**
   * Pushes the metrics once more, waits up to `deadlineMs` for the collector to acknowledge
   * everything, then closes the stream. Idempotent; never rejects.
   */
  async shutdown(deadlineMs = this.#options.shutdownTimeoutMs ?? 3000): Promise<void> {
    if (this.#stopped) return;
    this.pushAllMetrics();
    clearInterval(this.#tick);
    await this.waitForAcks(deadlineMs);
    this.#stopped = true;
    clearTimeout(this.#reconnect);
    clearTimeout(this.#throttleTimer);
    this.#stream?.end();
    this.#stream = undefined;
    this.#grpc?.close();
  }

  // --- Scheduling -------------------------------------------------------------------------

  #interval(declaration: MetricDeclaration): number {
    let interval = this.#intervals.get(declaration);
    if (interval === undefined) {
      interval = metricInterval(this.#policy.metrics ?? [], declaration.name);
      this.#intervals.set(declaration, interval);
    }
    return interval;
  }

  /** One timer ticking at the shortest interval of the policy; each metric pushes when due. */
  #schedule(): void {
    clearInterval(this.#tick);
    this.#intervals = new Map();
    const intervals = (this.#policy.metrics ?? [])
      .map((r) => r.intervalMs ?? 0)
      .filter((i) => i > 0);
    if (intervals.length === 0) return;
    this.#tickMs = Math.max(MIN_TICK_MS, gcd(intervals));
    this.#tick = setInterval(() => this.#onTick(), this.#tickMs).unref();
  }

  #onTick(): void {
    try {
      const elu = performance.eventLoopUtilization(this.#elu);
      this.#elu = performance.eventLoopUtilization();
      if (elu.utilization > STARVED_ELU && this.#postponed < 3) {
        // The host is starved of CPU: push less often (the seed allows it).
        this.#postponed++;
        this.stats.postponedPushes++;
        return;
      }
      this.#postponed = 0;
      const now = Date.now();
      const due = new Set<number>();
      for (const interval of new Set(this.#intervals.values())) {
        if (
          interval > 0 &&
          now - (this.#lastPush.get(interval) ?? 0) >= interval - this.#tickMs / 2
        ) {
          due.add(interval);
          this.#lastPush.set(interval, now);
        }
      }
      const select = (d: MetricDeclaration) => {
        const interval = this.#interval(d);
        if (interval <= 0) return false;
        if (!this.#lastPush.has(interval)) {
          // A metric with an interval no metric had before: due now.
          this.#lastPush.set(interval, now);
          due.add(interval);
        }
        return due.has(interval);
      };
      for (const { identity, reader } of this.#sources) {
        this.#enqueue(this.session.metricBatch(reader.readMetrics(select), now, identity));
      }
    } catch (error) {
      this.#report("collect_failed", error);
    }
  }

  // --- Sending ----------------------------------------------------------------------------

  #enqueue(batch: EncodedBatch | undefined): void {
    if (batch === undefined) return;
    this.#buffer.push(batch);
    this.#sendNext();
  }

  /**
   * Writes the batches not yet written on this stream, in order: all of them, or while
   * throttled one per `min_interval_ms`; stops while the socket's buffer is full (`drain`), so
   * only {@link BatchBuffer} holds data and its bound holds.
   */
  #sendNext(): void {
    const stream = this.#stream;
    if (!this.#ready || stream === undefined || this.#draining || this.#throttleTimer) return;
    for (const batch of this.#buffer.after(this.#sentSeq)) {
      this.#sentSeq = batch.seq;
      const flowing = stream.write(batch.bytes);
      if (Date.now() < this.#throttleUntil) {
        this.#throttleTimer = setTimeout(() => {
          this.#throttleTimer = undefined;
          this.#sendNext();
        }, this.#throttleGapMs).unref();
        return;
      }
      if (!flowing) {
        this.#draining = true;
        stream.once("drain", () => {
          this.#draining = false;
          this.#sendNext();
        });
        return;
      }
    }
  }

  // --- Connection -------------------------------------------------------------------------

  #connect(): void {
    if (this.#stopped) return;
    const metadata = new Metadata();
    for (const [k, v] of Object.entries(this.#options.headers ?? {})) metadata.set(k, v);
    let stream: Stream;
    try {
      // A fresh channel (with its own subchannel) per attempt: a channel that failed to
      // connect for a while waits out grpc-js' reconnect backoff (up to 120 s) and fails every
      // call meanwhile, long after the collector is back; this client's backoff governs instead.
      this.#grpc?.close();
      this.#grpc = new GrpcClient(this.#options.address, credentials.createInsecure(), {
        "grpc.enable_retries": 0,
        "grpc.use_local_subchannel_pool": 1,
      });
      stream = this.#grpc.makeBidiStreamRequest(
        COLLECT_METHOD,
        (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        (bytes: Buffer) => decodeServerMessage(bytes),
        metadata,
      );
    } catch (error) {
      this.#report("collect_connect_failed", error);
      this.#retry();
      return;
    }
    this.#stream = stream;
    this.#ready = false;
    this.#draining = false;
    stream.on("data", (message: ServerMessage) => this.#onMessage(stream, message));
    stream.on("error", (error) => this.#onClosed(stream, error));
    stream.on("end", () => this.#onClosed(stream, undefined));
    const d = this.#buffer.dropped;
    const stats: ClientStats = {
      droppedBatches: d.batches,
      droppedSamples: d.samples,
      droppedRecords: d.records,
      reconnects: this.stats.reconnects,
    };
    stream.write(
      encodeClientMessage({
        announce: {
          sessionId: this.session.sessionId,
          timeBaseUnixMs: this.session.timeBaseMs,
          agent: "sonde-node/0.1.0",
          stats,
          ackedSeq: this.#ackedSeq,
        },
      }),
    );
  }

  #onMessage(stream: Stream, message: ServerMessage): void {
    if (stream !== this.#stream) return;
    if (message.policy) {
      const policy = message.policy;
      this.stats.policies++;
      const durable = policy.durableSeq ?? 0;
      this.#ack(durable);
      const first = !this.#ready;
      this.#policy = policy;
      this.#schedule();
      if (first) {
        // A new stream: restore the session's ids, then resend what is not durable.
        this.#ready = true;
        this.#attempt = 0;
        this.#sentSeq = durable;
        stream.write(encodeClientMessage({ define: this.session.defineAll() }));
        this.#sendNext();
      }
    } else if (message.ack) {
      this.#ack(message.ack.seq ?? 0);
    } else if (message.throttle) {
      this.#throttleGapMs = message.throttle.minIntervalMs ?? 0;
      this.#throttleUntil = Date.now() + (message.throttle.durationMs ?? 0);
    }
  }

  #ack(seq: number): void {
    if (seq <= this.#ackedSeq) return;
    this.#ackedSeq = seq;
    this.#buffer.ackUpTo(seq);
    const waiters = this.#ackWaiters;
    this.#ackWaiters = [];
    for (const w of waiters) w();
  }

  #onClosed(stream: Stream, error: Error | undefined): void {
    if (stream !== this.#stream) return;
    this.#stream = undefined;
    this.#ready = false;
    if (this.#stopped) return;
    if (error !== undefined) this.#report("collect_disconnected", error);
    this.#retry();
  }

  #retry(): void {
    if (this.#stopped) return;
    const min = this.#options.minBackoffMs ?? 100;
    const max = this.#options.maxBackoffMs ?? 10_000;
    const delay = Math.random() * Math.min(max, min * 2 ** this.#attempt++);
    this.stats.reconnects++;
    this.#reconnect = setTimeout(() => this.#connect(), delay).unref();
  }

  #report(code: string, error: unknown): void {
    diag.report({
      code,
      message: `collector ${this.#options.address}: ${error instanceof Error ? error.message : String(error)}`,
      key: code,
    });
  }
}

/** A trace's position in [0, 1) from its id's last 8 hex digits (consistent across processes). */
function traceFraction(traceId: string): number {
  return Number.parseInt(traceId.slice(-8), 16) / 2 ** 32;
}

function gcd(values: number[]): number {
  const two = (a: number, b: number): number => (b === 0 ? a : two(b, a % b));
  return values.reduce(two);
}
