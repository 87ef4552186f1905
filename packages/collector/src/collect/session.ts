import type { ResourceSpansRecord, SpanRecord } from "@sonde/protocol";
import {
  type Batch,
  type Column,
  columnOf,
  type Define,
  decodeError,
  decodeEvent,
  decodeLog,
  decodeSpan,
  fromRuns,
  type MetricDefinition,
  MetricKind,
  readMetricSamples,
  SampleDecodeError,
  type SampleValue,
  StringTable,
  ValueType,
} from "@sonde/protocol/collect";
import type { MetricSample, SeriesDescriptor } from "../storage/metric-series.js";
import type { SignalBatch } from "../storage/signal-store.js";

/**
 * The collector's memory of one client session (one process lifetime, across its
 * reconnects): the ids it defined, mapped to stored series, and how far its batches got.
 */

const KINDS: Record<number, SeriesDescriptor["kind"]> = {
  [MetricKind.METRIC_KIND_CONSTANT]: "constant",
  [MetricKind.METRIC_KIND_GAUGE]: "gauge",
  [MetricKind.METRIC_KIND_COUNTER]: "counter",
  [MetricKind.METRIC_KIND_DISTRIBUTION]: "distribution",
};
const VALUE_TYPES: Record<number, SeriesDescriptor["valueType"]> = {
  [ValueType.VALUE_TYPE_INT]: "int",
  [ValueType.VALUE_TYPE_DOUBLE]: "double",
  [ValueType.VALUE_TYPE_STRING]: "string",
  [ValueType.VALUE_TYPE_BOOL]: "bool",
};

/**
 * Identity labels that change with every process start and so are not part of a series'
 * identity (a restarted process continues its series, with a reset).
 */
function seriesIdentity(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith("process.") || k.startsWith("telemetry.") || k === "service.instance.id") {
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** A batch that does not fit the session's definitions or the schema's rules. */
export class BatchError extends Error {
  override name = "BatchError";
}

/** The latest time storage holds: int64 nanoseconds since the UNIX epoch (April 2262). */
const MAX_TIME_NS = 2n ** 63n - 1n;

/**
 * `ns` when storage can hold it. A time outside int64 would be stored wrapped (typed arrays)
 * or fail the group commit it shares with other sessions' data, so it is refused here.
 * @throws {BatchError} naming `what` when `ns` is negative or beyond {@link MAX_TIME_NS}.
 */
function storableTime(ns: bigint, what: string): bigint {
  if (ns < 0n || ns > MAX_TIME_NS) {
    throw new BatchError(`${what} ${ns} ns is out of range (0 to 2^63-1 ns since the epoch)`);
  }
  return ns;
}

interface SessionSeries {
  /** Stored series id (MetricStore). */
  stored: number;
  metric: number;
  column: Column;
  kind: SeriesDescriptor["kind"];
  valueType: SeriesDescriptor["valueType"];
  buckets: number;
  startTimeUnixNano: bigint;
  /** False until the series' first sample of this collector's life (it carries the start time). */
  sentStart: boolean;
  /** True once the store holds a sample of the series (so an unchanged sample can repeat it). */
  hasValue: boolean;
  min: number;
  max: number;
}

/** What one batch becomes: store inputs. */
export interface DecodedBatch {
  timeUnixNano: bigint;
  samples: MetricSample[];
  unchanged: number[];
  spans: ResourceSpansRecord[];
  /** Events, logs and errors by identity. */
  signals: SignalBatch[];
  sampleCount: number;
}

interface Identity {
  labels: Record<string, string>;
  startTimeUnixNano: bigint;
}

export class CollectorSession {
  /** Highest sequence number durable in storage. */
  durableSeq = 0;
  /** Highest sequence number accepted for storing (durable or on its way). */
  acceptedSeq = 0;
  /** The client's count of batches it dropped (full buffer), as last announced. */
  droppedBatches = 0;
  /** Sequence numbers skipped so far because the client announced it dropped them. */
  skippedBatches = 0;
  /** The highest sequence number the client says a collector acknowledged (Announce). */
  clientAckedSeq = 0;
  /** The client's count of samples it dropped, as last announced. */
  droppedSamples = 0;
  /** Commits on their way, by sequence number. */
  readonly inFlight = new Map<number, Promise<void>>();
  /** Serialises this session's definition and decoding steps (not their commits). */
  chain: Promise<unknown> = Promise.resolve();
  /** The commit of the latest accepted batch. */
  lastCommit: Promise<void> = Promise.resolve();
  /** The store the latest accepted batch went to. */
  lastTarget: "metrics" | "spans" | "signals" = "metrics";
  timeBaseMs = 0;
  readonly strings = new StringTable();
  readonly #identities = new Map<number, Identity>();
  readonly #metrics = new Map<number, MetricDefinition>();
  readonly #series = new Map<number, SessionSeries>();
  readonly #seriesOfMetric = new Map<number, number[]>();

  constructor(readonly id: string) {}

  /**
   * Applies definitions; new series are returned as descriptors for the store with their
   * session ids, to be bound with {@link bindSeries} once stored.
   * @throws {BatchError} for a series of an undefined metric or identity, a bad enum, or a
   *   start time storage cannot hold.
   */
  define(define: Define): { ids: number[]; descriptors: SeriesDescriptor[] } {
    this.strings.define(define.firstStringId ?? 0, define.strings ?? []);
    for (const identity of define.identities ?? []) {
      const start = BigInt(identity.startTimeUnixNano ?? 0);
      this.#identities.set(identity.id ?? 0, {
        labels: { ...(identity.labels ?? {}) },
        startTimeUnixNano: storableTime(start, `identity ${identity.id} start time`),
      });
    }
    for (const metric of define.metrics ?? []) {
      if (KINDS[metric.kind ?? 0] === undefined) {
        throw new BatchError(`metric ${metric.id}: unknown kind ${metric.kind}`);
      }
      this.#metrics.set(metric.id ?? 0, metric);
    }
    const ids: number[] = [];
    const descriptors: SeriesDescriptor[] = [];
    for (const s of define.series ?? []) {
      const metric = this.#metrics.get(s.metricId ?? 0);
      const identity = this.#identities.get(s.identityId ?? 0);
      if (metric === undefined)
        throw new BatchError(`series ${s.id}: undefined metric ${s.metricId}`);
      if (identity === undefined) {
        throw new BatchError(`series ${s.id}: undefined identity ${s.identityId}`);
      }
      const kind = KINDS[metric.kind ?? 0];
      const valueType =
        kind === "distribution" ? "double" : (VALUE_TYPES[metric.valueType ?? 0] ?? undefined);
      if (valueType === undefined) {
        throw new BatchError(`metric ${metric.id}: unknown value type ${metric.valueType}`);
      }
      const tags: SeriesDescriptor["tags"] = {};
      const names = metric.tagNames ?? [];
      for (const [i, v] of (s.tagValues ?? []).entries()) {
        const name = names[i];
        if (name === undefined) throw new BatchError(`series ${s.id}: more tag values than names`);
        tags[name] = v.stringValue ?? v.intValue ?? v.boolValue ?? "";
      }
      const bounds = s.bounds?.length ? s.bounds : (metric.bounds ?? []);
      const start = storableTime(
        BigInt(s.startTimeUnixNano ?? 0) || identity.startTimeUnixNano,
        `series ${s.id} start time`,
      );
      ids.push(s.id ?? 0);
      descriptors.push({
        name: metric.name ?? "",
        kind,
        valueType,
        description: metric.description ?? "",
        unit: metric.unit ?? "",
        owner: metric.owner ?? "",
        stability: metric.stability ?? "",
        sourceFile: metric.sourceFile ?? "",
        sourceLine: metric.sourceLine ?? 0,
        identity: seriesIdentity(identity.labels),
        tags,
        bounds: [...bounds],
        startTimeUnixNano: start,
      });
    }
    return { ids, descriptors };
  }

  /**
   * Records the stored ids of series defined by {@link define}; `hasValue(id)` tells whether
   * the store already holds a sample of a stored series (a collector restarted mid-session).
   */
  bindSeries(
    ids: number[],
    descriptors: SeriesDescriptor[],
    stored: number[],
    hasValue: (stored: number) => boolean,
  ): void {
    for (let i = 0; i < ids.length; i++) {
      const d = descriptors[i];
      const metricId = this.#metricIdOf(d.name);
      const previous = this.#series.get(ids[i]);
      this.#series.set(ids[i], {
        stored: stored[i],
        metric: metricId,
        column: columnOf(
          this.#metrics.get(metricId)?.kind ?? 0,
          this.#metrics.get(metricId)?.valueType ?? 0,
        ),
        kind: d.kind,
        valueType: d.valueType,
        buckets: d.bounds.length + 1,
        startTimeUnixNano: d.startTimeUnixNano,
        sentStart:
          previous?.sentStart === true && previous.startTimeUnixNano === d.startTimeUnixNano,
        hasValue: previous?.hasValue === true || hasValue(stored[i]),
        min: previous?.min ?? Number.NaN,
        max: previous?.max ?? Number.NaN,
      });
      if (previous === undefined) {
        const list = this.#seriesOfMetric.get(metricId) ?? [];
        list.push(ids[i]);
        this.#seriesOfMetric.set(metricId, list);
      }
    }
  }

  #metricIdOf(name: string): number {
    for (const [id, m] of this.#metrics) if (m.name === name) return id;
    return 0;
  }

  /**
   * Decodes a batch's samples and spans (its definitions already applied and bound).
   * @throws {BatchError} / `SampleDecodeError` / `StringTableError` / `RangeError` on input
   *   that does not fit; nothing of the batch may be stored then.
   */
  decode(batch: Batch): DecodedBatch {
    const timeMs = (batch.rebaseUnixMs || this.timeBaseMs) + (batch.timeOffsetMs ?? 0);
    if (!Number.isSafeInteger(timeMs))
      throw new BatchError(`batch time ${timeMs} ms is out of range`);
    const time = storableTime(BigInt(timeMs) * 1_000_000n, "batch time");
    if (batch.rebaseUnixMs) this.timeBaseMs = batch.rebaseUnixMs;
    const samples: MetricSample[] = [];
    const changed = new Set<number>();
    let sampleCount = 0;
    if (batch.metrics) {
      readMetricSamples(
        batch.metrics,
        (id) => this.#series.get(id)?.column,
        (id, value) => {
          const s = this.#series.get(id) as SessionSeries;
          changed.add(id);
          samples.push(this.#sample(s, time, value));
        },
      );
      sampleCount = changed.size;
    }
    const unchanged: number[] = [];
    for (const metric of fromRuns(batch.metrics?.sampledMetrics)) {
      if (!this.#metrics.has(metric)) throw new BatchError(`sampled undefined metric ${metric}`);
      for (const id of this.#seriesOfMetric.get(metric) ?? []) {
        if (changed.has(id)) continue;
        const s = this.#series.get(id) as SessionSeries;
        if (!s.hasValue) continue; // no stored value to repeat yet
        unchanged.push(s.stored);
        sampleCount++;
      }
    }
    return {
      timeUnixNano: time,
      samples,
      unchanged,
      spans: this.#spans(batch, time),
      signals: this.#signals(batch, time),
      sampleCount,
    };
  }

  #sample(s: SessionSeries, time: bigint, value: SampleValue): MetricSample {
    const sample: MetricSample = { series: s.stored, timeUnixNano: time };
    if (!s.sentStart) {
      sample.startTimeUnixNano = s.startTimeUnixNano;
      s.sentStart = true;
    }
    s.hasValue = true;
    switch (value.column) {
      case "int":
        if (s.kind === "counter") sample.delta = value.value;
        else sample.value = s.valueType === "bool" ? value.value !== 0 : value.value;
        break;
      case "double":
        if (s.kind === "counter") sample.delta = value.value;
        else sample.value = value.value;
        break;
      case "string":
        sample.value = value.value;
        break;
      case "distribution": {
        const d = value.value;
        const bucketCounts = new Array<number>(s.buckets).fill(0);
        let count = 0;
        for (const [index, n] of d.buckets) {
          if (index >= s.buckets) {
            throw new SampleDecodeError(`bucket ${index} of a distribution with ${s.buckets}`);
          }
          bucketCounts[index] = n;
          count += n;
        }
        if (d.min !== undefined) s.min = d.min;
        if (d.max !== undefined) s.max = d.max;
        sample.distribution = {
          count,
          sum: d.sum,
          min: s.min,
          max: s.max,
          bucketCounts,
          delta: true,
        };
      }
    }
    return sample;
  }

  /** Events, logs and errors, grouped by the identity they belong to. */
  #signals(batch: Batch, time: bigint): SignalBatch[] {
    const count =
      (batch.events?.length ?? 0) + (batch.logs?.length ?? 0) + (batch.errors?.length ?? 0);
    if (count === 0) return [];
    const byIdentity = new Map<number, SignalBatch>();
    const of = (identity: number | null | undefined): SignalBatch => {
      const id = identity ?? 0;
      const labels = this.#identities.get(id)?.labels;
      if (labels === undefined) throw new BatchError(`record of undefined identity ${id}`);
      let b = byIdentity.get(id);
      if (b === undefined) {
        b = { resource: { ...labels }, events: [], logs: [], errors: [] };
        byIdentity.set(id, b);
      }
      return b;
    };
    for (const r of batch.events ?? [])
      of(r.identityId).events?.push(decodeEvent(r, this.strings, time));
    for (const r of batch.logs ?? []) of(r.identityId).logs?.push(decodeLog(r, this.strings, time));
    for (const r of batch.errors ?? [])
      of(r.identityId).errors?.push(decodeError(r, this.strings, time));
    return [...byIdentity.values()];
  }

  #spans(batch: Batch, time: bigint): ResourceSpansRecord[] {
    if (!batch.spans?.length) return [];
    const byIdentity = new Map<number, SpanRecord[]>();
    for (const wire of batch.spans) {
      const identity = wire.identityId ?? 0;
      if (!this.#identities.has(identity))
        throw new BatchError(`span of undefined identity ${identity}`);
      const list = byIdentity.get(identity) ?? [];
      const span = decodeSpan(wire, this.strings, time);
      storableTime(span.startTimeUnixNano, `span ${span.spanId} start time`);
      storableTime(span.endTimeUnixNano, `span ${span.spanId} end time`);
      for (const e of span.events) storableTime(e.timeUnixNano, `span ${span.spanId} event time`);
      list.push(span);
      byIdentity.set(identity, list);
    }
    return [...byIdentity].map(([id, spans]) => ({
      resource: { attributes: { ...(this.#identities.get(id)?.labels ?? {}) } },
      scope: { name: "", version: "" },
      spans,
    }));
  }
}
