import {
  type Server,
  type ServerDuplexStream,
  type ServiceDefinition,
  status,
} from "@grpc/grpc-js";
import type { ResourceSpansRecord } from "@sonde/protocol";
import {
  type Batch,
  type ClientMessage,
  COLLECT_SERVICE,
  decodeClientMessage,
  encodeServerMessage,
  type Policy,
  type ServerMessage,
} from "@sonde/protocol/collect";
import type { MetricStore } from "../storage/metric-store.js";
import type { Checkpoint } from "../storage/schema.js";
import type { SignalStore } from "../storage/signal-store.js";
import type { CollectCheckpoints } from "./checkpoints.js";
import { CollectorSession } from "./session.js";

/** What the collection service stores into. */
export interface CollectTargets {
  metrics: MetricStore;
  /** Stores spans with `checkpoint` in the same transaction; resolves once durable. */
  insertSpans(batches: ResourceSpansRecord[], checkpoint?: Checkpoint): Promise<number>;
  /** Events, logs and errors. */
  signals: SignalStore;
  /** Durable per-session progress (see {@link CollectCheckpoints}). */
  checkpoints: CollectCheckpoints;
}

/** Counters of the collection service, for the collector's `/metrics`. */
export interface CollectStats {
  streams: number;
  batches: number;
  duplicateBatches: number;
  samples: number;
  spans: number;
  /** Events, log records and error reports. */
  records: number;
  rejectedStreams: number;
  throttles: number;
  clientDroppedSamples: number;
}

/** Batches on their way to storage (all streams) above which clients are throttled. */
const THROTTLE_IN_FLIGHT = 256;

type Stream = ServerDuplexStream<Buffer, Buffer>;

/** A stream fault: ends that stream with `code` and `details`. */
class StreamFault extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The Sonde collection service (`sonde.collect.v1.Collection/Collect`, collect.proto) on a gRPC
 * server: per stream, Announce → Policy (with the session's durable sequence number) → Define
 * → numbered Batches, each acknowledged once durable. Batches a session already stored are
 * acknowledged again without storing; a gap in the sequence is accepted only as wide as the
 * batches the client announced it dropped (`ClientStats.dropped_batches`, a total since it
 * started, as is `dropped_samples`: the `clientDroppedSamples` stat adds only its increase).
 * A batch out of order, malformed or not fitting the session's definitions ends that stream
 * with INVALID_ARGUMENT (OUT_OF_RANGE for order) and a message naming the problem — other
 * streams and stored data are untouched. Clients are sent a
 * `Throttle` while too many batches wait for storage, and the current policy whenever it
 * changes. Returns `setPolicy`, which replaces the policy on every open stream, and `close`.
 * Throws nothing.
 */
export function registerCollectService(
  server: Server,
  targets: CollectTargets,
  initialPolicy: Policy,
  stats: CollectStats,
): { setPolicy(policy: Policy): void; close(): void } {
  const sessions = new Map<string, CollectorSession>();
  const open = new Set<Stream>();
  let policy = initialPolicy;
  let inFlight = 0;

  const send = (stream: Stream, message: ServerMessage) => {
    if (!stream.destroyed && stream.writable)
      stream.write(Buffer.from(encodeServerMessage(message)));
  };

  const handler = (stream: Stream) => {
    stats.streams++;
    open.add(stream);
    let session: CollectorSession | undefined;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stats.rejectedStreams++;
      const fault =
        error instanceof StreamFault
          ? error
          : new StreamFault(status.INVALID_ARGUMENT, (error as Error).message ?? String(error));
      stream.emit("error", { code: fault.code, details: fault.message });
    };
    stream.on("error", () => {
      open.delete(stream);
    });
    stream.on("end", () => {
      open.delete(stream);
      if (!failed) stream.end();
    });
    stream.on("data", (bytes: Buffer) => {
      if (failed) return;
      let message: ClientMessage;
      try {
        message = decodeClientMessage(bytes);
      } catch (error) {
        fail(
          new StreamFault(
            status.INVALID_ARGUMENT,
            `malformed message: ${(error as Error).message}`,
          ),
        );
        return;
      }
      if (message.announce) {
        if (session !== undefined)
          return fail(new StreamFault(status.INVALID_ARGUMENT, "second Announce"));
        const id = message.announce.sessionId ?? "";
        if (id === "")
          return fail(new StreamFault(status.INVALID_ARGUMENT, "Announce without session_id"));
        let s = sessions.get(id);
        if (s === undefined) {
          s = new CollectorSession(id);
          sessions.set(id, s);
          const known = s;
          known.chain = targets.checkpoints.durableSeq(id).then((seq) => {
            known.durableSeq = Math.max(known.durableSeq, seq);
            known.acceptedSeq = Math.max(known.acceptedSeq, seq);
          });
        }
        session = s;
        s.timeBaseMs = message.announce.timeBaseUnixMs ?? 0;
        // The client's counts are totals since it started, announced on every connection.
        const dropped = message.announce.stats;
        stats.clientDroppedSamples += Math.max(
          0,
          (dropped?.droppedSamples ?? 0) - s.droppedSamples,
        );
        s.droppedSamples = Math.max(s.droppedSamples, dropped?.droppedSamples ?? 0);
        s.droppedBatches = Math.max(s.droppedBatches, dropped?.droppedBatches ?? 0);
        s.clientAckedSeq = Math.max(s.clientAckedSeq, message.announce.ackedSeq ?? 0);
        const current = s;
        s.chain = s.chain.then(() =>
          send(stream, { policy: { ...policy, durableSeq: current.durableSeq } }),
        );
        return;
      }
      if (session === undefined) {
        return fail(
          new StreamFault(status.FAILED_PRECONDITION, "the first message must be Announce"),
        );
      }
      const s = session;
      if (message.define) {
        const define = message.define;
        s.chain = s.chain.then(() => defineAll(s, define)).catch(fail);
      } else if (message.batch) {
        accept(stream, s, message.batch, fail);
      }
    });
  };

  async function defineAll(s: CollectorSession, define: NonNullable<ClientMessage["define"]>) {
    const { ids, descriptors } = s.define(define);
    if (ids.length === 0) return;
    const stored = await targets.metrics.defineSeries(descriptors);
    s.bindSeries(
      ids,
      descriptors,
      stored,
      (id) => targets.metrics.lastSampleTime(id) !== undefined,
    );
  }

  /**
   * Orders, dedupes, decodes and starts storing one batch, in arrival order per session (on the
   * session's chain, which does not wait for commits, so batches pipeline into group commits);
   * acknowledges it once it and every batch before it are durable.
   */
  function accept(
    stream: Stream,
    s: CollectorSession,
    batch: Batch,
    fail: (error: unknown) => void,
  ): void {
    const seq = batch.seq ?? 0;
    // The commit is returned inside an object: a returned promise would be adopted, making the
    // chain (and so the next batch's decoding) wait for this batch's commit.
    const step = s.chain.then(async (): Promise<{ committed: Promise<void> } | "duplicate"> => {
      if (seq <= s.acceptedSeq) return "duplicate";
      // A gap is allowed after what another collector acknowledged (this one lost the history)
      // and then only as wide as the batches the client announced it dropped (its buffer was
      // full); neither kind is stored here, so nothing is stored twice.
      const gap = Math.max(0, seq - Math.max(s.acceptedSeq, s.clientAckedSeq) - 1);
      if (gap > s.droppedBatches - s.skippedBatches) {
        throw new StreamFault(
          status.OUT_OF_RANGE,
          `batch ${seq} out of order: expected ${s.acceptedSeq + 1}`,
        );
      }
      if (batch.define) await defineAll(s, batch.define);
      const decoded = s.decode(batch);
      s.acceptedSeq = seq;
      s.skippedBatches += gap;
      const checkpoint = { session: s.id, seq };
      const hasSpans = decoded.spans.length > 0;
      const hasSignals = decoded.signals.length > 0;
      const hasSamples = decoded.samples.length > 0 || decoded.unchanged.length > 0;
      const kinds = Number(hasSpans) + Number(hasSignals) + Number(hasSamples);
      const target =
        hasSpans && kinds === 1 ? "spans" : hasSignals && kinds === 1 ? "signals" : "metrics";
      // Batches bound for one store commit in order there and may pipeline; before switching
      // stores, wait for what is in flight, so that a stored checkpoint row always means every
      // earlier batch is stored too.
      if (target !== s.lastTarget || kinds > 1) await s.lastCommit;
      s.lastTarget = target;
      const samples = () =>
        targets.metrics.appendSamples(
          decoded.samples,
          { timeUnixNano: decoded.timeUnixNano, series: decoded.unchanged },
          checkpoint,
        );
      let committed: Promise<void>;
      if (target === "spans") {
        committed = targets.insertSpans(decoded.spans, checkpoint).then(() => {});
      } else if (target === "signals") {
        committed = targets.signals.insert(decoded.signals, checkpoint).then(() => {});
      } else if (kinds > 1) {
        // A batch with several kinds (the SDK never sends one): the others first, the
        // checkpoint with the samples.
        committed = Promise.all([
          hasSpans ? targets.insertSpans(decoded.spans) : undefined,
          hasSignals ? targets.signals.insert(decoded.signals) : undefined,
        ]).then(samples);
      } else committed = samples();
      stats.samples += decoded.sampleCount;
      stats.spans += decoded.spans.reduce((n, r) => n + r.spans.length, 0);
      stats.records += decoded.signals.reduce(
        (n, b) => n + (b.events?.length ?? 0) + (b.logs?.length ?? 0) + (b.errors?.length ?? 0),
        0,
      );
      s.lastCommit = committed.catch(() => {});
      s.inFlight.set(seq, committed);
      return { committed };
    });
    s.chain = step.catch(() => {});
    step
      .then(async (accepted) => {
        if (accepted === "duplicate") {
          stats.duplicateBatches++;
          await s.inFlight.get(seq);
          send(stream, { ack: { seq } });
          return;
        }
        inFlight++;
        if (inFlight > THROTTLE_IN_FLIGHT) {
          stats.throttles++;
          send(stream, { throttle: { minIntervalMs: 100, durationMs: 1000 } });
        }
        try {
          await accepted.committed;
        } catch (error) {
          // Not stored: this session must resend from here, after reconnecting.
          s.acceptedSeq = Math.min(s.acceptedSeq, seq - 1);
          throw new StreamFault(status.UNAVAILABLE, `storage failed: ${(error as Error).message}`);
        } finally {
          inFlight--;
          s.inFlight.delete(seq);
        }
        s.durableSeq = Math.max(s.durableSeq, seq);
        stats.batches++;
        send(stream, { ack: { seq } });
      })
      .catch(fail);
  }

  server.addService(COLLECT_SERVICE as ServiceDefinition, { Collect: handler });

  return {
    setPolicy(next: Policy) {
      policy = next;
      for (const stream of open) send(stream, { policy: { ...policy } });
    },
    /** Ends every open stream (clients reconnect elsewhere or later). */
    close() {
      for (const stream of open) stream.end();
      open.clear();
    },
  };
}
