import type { MetricDeclaration } from "@sonde/api";
import type { Attributes, ErrorRecord, EventRecord, LogRecord, SpanRecord } from "@sonde/protocol";
import {
  appendToBatch,
  type Batch,
  type Define,
  encodeClientMessage,
  encodeError,
  encodeEvent,
  encodeLog,
  encodeSpans,
  type Identity,
  type MetricDefinition,
  MetricKind,
  MetricSamplesBuilder,
  type SeriesDefinition,
  StringInterner,
  type TagValue,
  ValueType,
} from "@sonde/protocol/collect";
import type { DistributionSnapshot, MetricSnapshot, SeriesSnapshot } from "../metrics/read.js";

/**
 * One process lifetime's side of the collection protocol (collect.proto): assigns the session's
 * ids (identity, metric, series, string), remembers the last value sent for every series, and
 * turns metric snapshots and finished spans into encoded, numbered batches. The ids stay valid
 * across reconnects; {@link defineAll} restores them on a collector that lost them.
 */

const KIND: Record<MetricDeclaration["kind"], number> = {
  constant: MetricKind.METRIC_KIND_CONSTANT,
  gauge: MetricKind.METRIC_KIND_GAUGE,
  counter: MetricKind.METRIC_KIND_COUNTER,
  distribution: MetricKind.METRIC_KIND_DISTRIBUTION,
};
const VALUE_TYPE: Record<MetricDeclaration["valueType"], number> = {
  int: ValueType.VALUE_TYPE_INT,
  double: ValueType.VALUE_TYPE_DOUBLE,
  string: ValueType.VALUE_TYPE_STRING,
  bool: ValueType.VALUE_TYPE_BOOL,
};

/** A batch ready to send: its sequence number, the encoded `ClientMessage`, what it carries. */
export interface EncodedBatch {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly samples: number;
  /** Spans, events, log records and error reports. */
  readonly records: number;
}

interface SeriesState {
  readonly id: number;
  readonly startTimeUnixNano: bigint;
  readonly bounds: readonly number[];
  /** Last value sent; `undefined` until the first sample. */
  last: bigint | number | string | boolean | undefined;
  counts: number[];
  sum: number;
  min: number;
  max: number;
}

interface MetricState {
  readonly id: number;
  /** The identity (process) the metric's series belong to. */
  readonly identity: number;
  readonly definition: MetricDefinition;
  readonly series: Map<object, SeriesState>;
}

/** Milliseconds an offset may reach before the base moves (signed 32-bit, with a day to spare). */
const MAX_OFFSET_MS = 2 ** 31 - 86_400_000;

export class CollectSession {
  /** Random id of this process lifetime. */
  readonly sessionId: string;
  /** ms since the UNIX epoch that batch offsets count from. */
  timeBaseMs: number;
  readonly #identities: Identity[] = [];
  /** Metric state by identity, then declaration. */
  readonly #metrics = new Map<number, Map<MetricDeclaration, MetricState>>();
  readonly #definitions: MetricDefinition[] = [];
  readonly #seriesDefinitions: SeriesDefinition[] = [];
  readonly #strings = new StringInterner();
  #pending: { identities: Identity[]; metrics: MetricDefinition[]; series: SeriesDefinition[] } = {
    identities: [],
    metrics: [],
    series: [],
  };
  #nextSeq = 1;
  #nextSeries = 1;

  /**
   * @param resource The process's resource attributes, sent as its identity's labels.
   * @param startTimeUnixNano When the process started.
   */
  constructor(resource: Attributes, startTimeUnixNano: bigint, nowMs = Date.now()) {
    this.sessionId = crypto.randomUUID();
    this.timeBaseMs = nowMs;
    this.addIdentity(resource, startTimeUnixNano);
  }

  /**
   * Adds an identity this session speaks for (the seed's proxy: a log scraper reporting for
   * the server whose logs it reads) and returns its id for {@link metricBatch}; the process's
   * own identity, from the constructor, is 1. Labels are the resource's scalar attributes.
   */
  addIdentity(resource: Attributes, startTimeUnixNano: bigint): number {
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(resource)) {
      if (value !== null && typeof value !== "object") labels[key] = String(value);
    }
    const identity: Identity = {
      id: this.#identities.length + 1,
      labels,
      startTimeUnixNano: Number(startTimeUnixNano),
    };
    this.#identities.push(identity);
    this.#pending.identities.push(identity);
    this.#metrics.set(identity.id ?? 0, new Map());
    return identity.id ?? 0;
  }

  /** The next batch will get this sequence number. */
  get nextSeq(): number {
    return this.#nextSeq;
  }

  /** Every definition so far, for the `Define` that starts each connection. */
  defineAll(): Define {
    return {
      identities: this.#identities,
      metrics: this.#definitions,
      series: this.#seriesDefinitions,
      firstStringId: 1,
      strings: this.#strings.all(),
    };
  }

  /**
   * The batch of one instant's metric samples: every series of `snapshots` is sampled; those
   * whose value changed since the last batch are sent (counters and distributions as
   * increases), the rest are covered by the metric's entry in `sampled_metrics`. The series
   * belong to `identity` (default 1, the process itself; see {@link addIdentity}). `undefined`
   * when `snapshots` is empty or the identity unknown. Never throws.
   */
  metricBatch(
    snapshots: readonly MetricSnapshot[],
    nowMs = Date.now(),
    identity = 1,
  ): EncodedBatch | undefined {
    const metrics = this.#metrics.get(identity);
    if (snapshots.length === 0 || metrics === undefined) return undefined;
    const samples = new MetricSamplesBuilder();
    let count = 0;
    for (const snapshot of snapshots) {
      const metric = this.#metric(metrics, identity, snapshot);
      samples.addSampledMetric(metric.id);
      for (const series of snapshot.series) {
        count++;
        this.#sample(metric, series, samples);
      }
    }
    return this.#batch({ metrics: samples.build() }, nowMs, count, 0);
  }

  /** The batch of events, log records and error reports of this process. Never throws. */
  signalBatch(
    signals: { events: EventRecord[]; logs: LogRecord[]; errors: ErrorRecord[] },
    nowMs = Date.now(),
  ): EncodedBatch | undefined {
    const { events, logs, errors } = signals;
    const count = events.length + logs.length + errors.length;
    if (count === 0) return undefined;
    const t = BigInt(nowMs) * 1_000_000n;
    const s = this.#strings;
    return this.#batch(
      {
        events: events.map((e) => encodeEvent(e, s, 1, t)),
        logs: logs.map((l) => encodeLog(l, s, 1, t)),
        errors: errors.map((x) => encodeError(x, s, 1, t)),
      },
      nowMs,
      0,
      count,
    );
  }

  /** The batch of finished spans, with new strings interned. Never throws. */
  spanBatch(spans: readonly SpanRecord[], nowMs = Date.now()): EncodedBatch | undefined {
    if (spans.length === 0) return undefined;
    // Written straight to bytes (span-encoder.ts), before #batch takes the strings they added.
    const fields = encodeSpans(spans, this.#strings, 1, BigInt(nowMs) * 1_000_000n);
    return this.#batch({}, nowMs, 0, spans.length, fields);
  }

  /** The rebase (the new base, ms) a batch at `nowMs` must carry; 0 when the base holds. */
  #rebase(nowMs: number): number {
    if (nowMs - this.timeBaseMs > MAX_OFFSET_MS || nowMs < this.timeBaseMs - MAX_OFFSET_MS) {
      this.timeBaseMs = nowMs;
      return nowMs;
    }
    return 0;
  }

  /** `body` with the batch's envelope; `fields`: more encoded `Batch` fields (spans). */
  #batch(
    body: Batch,
    nowMs: number,
    samples: number,
    records: number,
    fields?: Uint8Array,
  ): EncodedBatch {
    const rebase = this.#rebase(nowMs);
    const seq = this.#nextSeq++;
    const define: Define = {};
    const { first, strings } = this.#strings.takeNew();
    if (strings.length > 0) {
      define.firstStringId = first;
      define.strings = strings;
    }
    if (this.#pending.identities.length > 0) define.identities = this.#pending.identities;
    if (this.#pending.metrics.length > 0) define.metrics = this.#pending.metrics;
    if (this.#pending.series.length > 0) define.series = this.#pending.series;
    this.#pending = { identities: [], metrics: [], series: [] };
    const batch: Batch = {
      ...body,
      seq,
      timeOffsetMs: nowMs - this.timeBaseMs,
      define:
        define.strings || define.identities || define.metrics || define.series ? define : undefined,
    };
    if (rebase !== 0) batch.rebaseUnixMs = rebase;
    const bytes = encodeClientMessage({ batch });
    return { seq, bytes: fields ? appendToBatch(bytes, fields) : bytes, samples, records };
  }

  #metric(
    metrics: Map<MetricDeclaration, MetricState>,
    identity: number,
    { declaration, series }: MetricSnapshot,
  ): MetricState {
    let metric = metrics.get(declaration);
    if (metric !== undefined) return metric;
    const definition: MetricDefinition = {
      id: this.#definitions.length + 1,
      name: declaration.name,
      kind: KIND[declaration.kind],
      valueType: VALUE_TYPE[declaration.valueType],
      description: declaration.description,
      unit: declaration.unit,
      owner: declaration.owner,
      stability: declaration.stability,
      sourceFile: declaration.source?.file ?? "",
      sourceLine: declaration.source?.line ?? 0,
      tagNames: Object.keys(declaration.tags),
    };
    const bounds = series[0]?.distribution?.bounds;
    if (bounds !== undefined) definition.bounds = [...bounds];
    metric = { id: definition.id ?? 0, identity, definition, series: new Map() };
    metrics.set(declaration, metric);
    this.#definitions.push(definition);
    this.#pending.metrics.push(definition);
    return metric;
  }

  #defineSeries(metric: MetricState, series: SeriesSnapshot): SeriesState {
    const bounds = series.distribution?.bounds ?? [];
    const tagValues: TagValue[] = (metric.definition.tagNames ?? []).map((name) => {
      const v = series.tags[name];
      if (typeof v === "number") return { intValue: v };
      if (typeof v === "boolean") return { boolValue: v };
      return { stringValue: v ?? "" };
    });
    const definition: SeriesDefinition = {
      id: this.#nextSeries++,
      metricId: metric.id,
      identityId: metric.identity,
      tagValues,
      startTimeUnixNano: Number(series.startTimeUnixNano),
      overflow: series.overflow,
    };
    if (!sameBounds(metric.definition.bounds ?? [], bounds)) definition.bounds = [...bounds];
    this.#seriesDefinitions.push(definition);
    this.#pending.series.push(definition);
    const state: SeriesState = {
      id: definition.id ?? 0,
      startTimeUnixNano: series.startTimeUnixNano,
      bounds,
      last: undefined,
      counts: [],
      sum: 0,
      min: Number.NaN,
      max: Number.NaN,
    };
    metric.series.set(series.tags, state);
    return state;
  }

  #sample(metric: MetricState, series: SeriesSnapshot, out: MetricSamplesBuilder): void {
    let state = metric.series.get(series.tags);
    const d = series.distribution;
    if (
      state === undefined ||
      state.startTimeUnixNano !== series.startTimeUnixNano ||
      (d !== undefined && !sameBounds(state.bounds, d.bounds))
    ) {
      // A new series, a reset (new start time) or rescaled buckets: defined afresh, and its
      // first sample counts from zero.
      state = this.#defineSeries(metric, series);
    }
    if (d !== undefined) {
      this.#distribution(state, d, out);
      return;
    }
    const value = series.value;
    if (value === undefined || value === state.last) return;
    const kind = metric.definition.kind;
    if (typeof value === "bigint") {
      const previous = typeof state.last === "bigint" ? state.last : 0n;
      const v = kind === MetricKind.METRIC_KIND_COUNTER ? value - previous : value;
      out.add(state.id, { column: "int", value: Number(v) });
    } else if (typeof value === "boolean") {
      out.add(state.id, { column: "int", value: value ? 1 : 0 });
    } else if (typeof value === "string") {
      out.add(state.id, { column: "string", value });
    } else {
      const previous = typeof state.last === "number" ? state.last : 0;
      const v = kind === MetricKind.METRIC_KIND_COUNTER ? value - previous : value;
      out.add(state.id, { column: "double", value: v });
    }
    state.last = value;
  }

  #distribution(state: SeriesState, d: DistributionSnapshot, out: MetricSamplesBuilder): void {
    const buckets: [number, number][] = [];
    const counts = d.counts;
    for (let i = 0; i < counts.length; i++) {
      const grown = counts[i] - (state.counts[i] ?? 0);
      if (grown > 0) buckets.push([i, grown]);
    }
    if (buckets.length === 0) return;
    const change = { sum: d.sum - state.sum, buckets } as {
      sum: number;
      buckets: [number, number][];
      min?: number;
      max?: number;
    };
    if (!Object.is(d.min, state.min)) change.min = d.min;
    if (!Object.is(d.max, state.max)) change.max = d.max;
    out.add(state.id, { column: "distribution", value: change });
    state.counts = [...counts];
    state.sum = d.sum;
    state.min = d.min;
    state.max = d.max;
  }
}

function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
