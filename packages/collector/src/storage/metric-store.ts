import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { toJsonText } from "./attributes.js";
import {
  DISTRIBUTION_TOTALS_SQL,
  LAST_STATE_SQL,
  METRIC_DDL,
  PUBLISH_SERIES_SQL,
} from "./metric-schema.js";
import {
  descriptorError,
  type MetricSample,
  type SeriesDescriptor,
  seriesKey,
  seriesMetadata,
} from "./metric-series.js";
import { newSeriesState, SampleRows, type SeriesState } from "./sample-rows.js";
import { CHECKPOINTS_DDL, type Checkpoint, writeCheckpoints } from "./schema.js";

/** A rejected `defineSeries` or `appendSamples` call: `message` names the offending field. */
export class MetricInputError extends Error {
  override readonly name = "MetricInputError";
}

/** Queued work: converts its input into rows (or throws to fail alone), then awaits the commit. */
interface Job {
  run: (rows: SampleRows, series: (SeriesDescriptor & { id: number })[]) => void;
  checkpoint?: Checkpoint;
  done: (error?: Error) => void;
}

interface Unchanged {
  timeUnixNano: bigint;
  series: number[];
}

/**
 * Metric storage over the tables of `metric-schema.ts`, on its own DuckDB connection. Writes are
 * group-committed: calls queued while a commit is running are converted together, appended as
 * data chunks and committed in one transaction; each call's promise resolves once that
 * transaction has committed (durable), or rejects with the cause. Samples are converted in
 * arrival order against per-series state (see `SampleRows`), which is rebuilt from the tables
 * when the store opens, so a restarted collector continues every series exactly.
 */
export class MetricStore {
  private readonly ids = new Map<string, number>();
  private readonly metadata: string[] = [];
  private readonly states: SeriesState[] = [];
  private pending: Job[] = [];
  /** The running flush loop, undefined when idle (cleared by the loop itself when it ends). */
  private flushing: Promise<void> | undefined;
  private readonly rows = new SampleRows();

  private constructor(private readonly conn: DuckDBConnection) {}

  /**
   * Creates the metric tables in `instance` if needed and loads every series and its last state.
   * Throws what DuckDB throws.
   */
  static async open(instance: DuckDBInstance): Promise<MetricStore> {
    const conn = await instance.connect();
    await conn.run(METRIC_DDL);
    await conn.run(CHECKPOINTS_DDL);
    const store = new MetricStore(conn);
    await store.load();
    return store;
  }

  /** Samples skipped since the store opened because they were at or before their series' last one. */
  get skippedSamples(): number {
    return this.rows.skipped;
  }

  /** Time of each series' last stored sample (nanoseconds), by series id; for the catalogue. */
  lastSampleTime(id: number): bigint | undefined {
    const t = this.states[id]?.time;
    return t === undefined || t < 0n ? undefined : t;
  }

  /**
   * Defines series (idempotent): the same name, identity and tags always get the same id, also
   * across restarts; new metadata or a new start time replaces the stored one. Resolves with the
   * ids, in order, once the definitions are durable.
   * @throws {MetricInputError} (as a rejection) naming the first invalid descriptor's field;
   *   nothing of the call is stored then.
   */
  defineSeries(series: SeriesDescriptor[]): Promise<number[]> {
    for (const [i, d] of series.entries()) {
      const error = descriptorError(d);
      if (error) return Promise.reject(new MetricInputError(`series[${i}].${error}`));
    }
    const ids: number[] = [];
    const changed: (SeriesDescriptor & { id: number })[] = [];
    for (const d of series) {
      const key = seriesKey(d);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size + 1;
        this.ids.set(key, id);
      }
      ids.push(id);
      const metadata = seriesMetadata(d);
      if (this.metadata[id] !== metadata) {
        this.metadata[id] = metadata;
        changed.push({ ...d, id });
      }
    }
    if (changed.length === 0) return Promise.resolve(ids);
    return this.enqueue(undefined, (_rows, defs) => {
      for (const d of changed) {
        const old = this.states[d.id];
        if (old && old.kind === d.kind && old.buckets === d.bounds.length + 1) {
          old.declaredStart = d.startTimeUnixNano;
          old.valueType = d.valueType;
        } else {
          this.states[d.id] = newSeriesState(
            d.kind,
            d.valueType,
            d.bounds.length + 1,
            d.startTimeUnixNano,
          );
        }
        defs.push(d);
      }
    }).then(() => ids);
  }

  /**
   * Stores samples, then (when given) the series `unchanged.series` as sampled at
   * `unchanged.timeUnixNano` with the value of their previous sample. Resolves once durable.
   * A sample at or before its series' last stored time is skipped (counted in
   * {@link skippedSamples}). `checkpoint` is recorded in the same transaction (see
   * `CHECKPOINTS_DDL`).
   * @throws {MetricInputError} (as a rejection) naming the first invalid sample's field (unknown
   *   series, missing or mistyped value); nothing of the call is stored then.
   */
  appendSamples(
    samples: MetricSample[],
    unchanged?: Unchanged,
    checkpoint?: Checkpoint,
  ): Promise<void> {
    return this.enqueue(checkpoint, (rows) => {
      for (let i = 0; i < samples.length; i++) {
        const error = SampleRows.check(samples[i], this.states[samples[i].series], i);
        if (error) throw new MetricInputError(error);
      }
      if (unchanged) {
        for (const id of unchanged.series) {
          if (this.states[id] === undefined) {
            throw new MetricInputError(`unchanged.series: unknown series ${id}`);
          }
        }
      }
      for (const s of samples) rows.add(s.series, this.states[s.series], s);
      if (unchanged) {
        const t = unchanged.timeUnixNano;
        for (const id of unchanged.series) rows.addUnchanged(id, this.states[id], t);
      }
    });
  }

  /** Waits for queued writes and closes the connection. */
  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.conn.closeSync();
  }

  private enqueue(checkpoint: Checkpoint | undefined, run: Job["run"]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ run, checkpoint, done: (e) => (e ? reject(e) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  /**
   * Converts and commits everything queued, looping while more arrives. A job whose input is
   * invalid fails alone; if the commit fails, every job of it fails and the per-series state is
   * reloaded from the tables so that later samples continue from what is stored.
   */
  private async flush(): Promise<void> {
    while (this.pending.length) {
      const jobs = this.pending;
      this.pending = [];
      const defs: (SeriesDescriptor & { id: number })[] = [];
      const ok: Job[] = [];
      for (const job of jobs) {
        try {
          job.run(this.rows, defs);
          ok.push(job);
        } catch (e) {
          job.done(e as Error);
        }
      }
      try {
        await this.conn.run("BEGIN TRANSACTION");
        if (defs.length) await this.writeSeries(defs);
        await this.rows.appendTo(this.conn);
        await writeCheckpoints(
          this.conn,
          ok.flatMap((job) => (job.checkpoint ? [job.checkpoint] : [])),
        );
        await this.conn.run("COMMIT");
        for (const job of ok) job.done();
      } catch (e) {
        this.rows.clear();
        await this.conn.run("ROLLBACK").catch(() => {});
        await this.load().catch(() => {});
        for (const job of ok) job.done(e as Error);
      }
    }
    this.flushing = undefined;
  }

  private async writeSeries(defs: (SeriesDescriptor & { id: number })[]): Promise<void> {
    const a = await this.conn.createAppender("metric_series_staging");
    const now = BigInt(Date.now()) * 1_000_000n;
    for (const d of defs) {
      const tags = {
        str: {} as Record<string, unknown>,
        num: {} as Record<string, unknown>,
        bool: {} as Record<string, unknown>,
      };
      for (const [k, v] of Object.entries(d.tags)) {
        tags[typeof v === "string" ? "str" : typeof v === "number" ? "num" : "bool"][k] = v;
      }
      a.appendUInteger(d.id);
      a.appendVarchar(seriesKey(d));
      a.appendVarchar(d.name);
      a.appendVarchar(d.kind);
      a.appendVarchar(d.valueType);
      a.appendVarchar(d.description);
      a.appendVarchar(d.unit);
      a.appendVarchar(d.owner);
      a.appendVarchar(d.stability);
      a.appendVarchar(d.sourceFile);
      a.appendInteger(d.sourceLine);
      a.appendBigInt(d.startTimeUnixNano);
      a.appendBigInt(now);
      a.appendVarchar(JSON.stringify(d.bounds));
      a.appendVarchar(toJsonText(d.identity));
      a.appendVarchar(toJsonText(tags.str));
      a.appendVarchar(toJsonText(tags.num));
      a.appendVarchar(toJsonText(tags.bool));
      a.endRow();
    }
    a.closeSync();
    await this.conn.run(PUBLISH_SERIES_SQL);
  }

  /** Loads the series and rebuilds each one's state from its stored samples. */
  private async load(): Promise<void> {
    this.ids.clear();
    this.metadata.length = 0;
    this.states.length = 0;
    const series = await this.conn.runAndReadAll(
      `SELECT id, key, kind, value_type, description, unit, owner, stability, source_file,
        source_line, bounds, start_time_unix_nano FROM metric_series`,
    );
    for (const r of series.getRowObjectsJS()) {
      const id = Number(r.id);
      const bounds = (r.bounds as number[]).map(Number);
      const d = {
        kind: r.kind,
        valueType: r.value_type,
        description: r.description,
        unit: r.unit,
        owner: r.owner,
        stability: r.stability,
        sourceFile: r.source_file,
        sourceLine: Number(r.source_line),
        bounds,
        startTimeUnixNano: r.start_time_unix_nano as bigint,
      } as SeriesDescriptor;
      this.ids.set(String(r.key), id);
      this.metadata[id] = seriesMetadata(d);
      this.states[id] = newSeriesState(d.kind, d.valueType, bounds.length + 1, d.startTimeUnixNano);
    }
    for (const r of (await this.conn.runAndReadAll(LAST_STATE_SQL)).getRowObjectsJS()) {
      const state = this.states[Number(r.series)];
      if (!state) continue;
      state.time = r.t as bigint;
      state.start = (r.start as bigint | null) ?? 0n;
      if (typeof r.value === "number") state.value = r.value;
      if (typeof r.text === "string") state.text = r.text;
    }
    for (const r of (await this.conn.runAndReadAll(DISTRIBUTION_TOTALS_SQL)).getRowObjectsJS()) {
      const state = this.states[Number(r.series)];
      if (state?.kind !== "distribution") continue;
      state.count = Number(r.count);
      state.sum = Number(r.sum);
      for (const b of (r.buckets as { i: number; n: number }[] | null) ?? []) {
        if (b.i < state.buckets) state.bucketCounts[b.i] = Number(b.n);
      }
    }
  }
}
