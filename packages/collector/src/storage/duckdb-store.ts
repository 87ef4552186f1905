import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  timestampValue,
} from "@duckdb/node-api";
import type { Attributes, ResourceSpansRecord } from "@sonde/protocol";
import { splitAttributes, type TypedAttributesJson, toJsonText } from "./attributes.js";
import { finishBulkLoad } from "./bulk-load.js";
import { MetricStore } from "./metric-store.js";
import { compactRollups } from "./rollups.js";
import {
  CHECKPOINTS_DDL,
  type Checkpoint,
  META_DDL,
  PUBLISH_SPANS_SQL,
  SCHEMA_VERSION,
  SPAN_TABLES_DDL,
  STAGING_DDL,
  writeCheckpoints,
} from "./schema.js";
import { mergeTraceIndex, TRACE_INDEX_LEVEL_ROWS } from "./trace-index.js";

function appendMaps(a: DuckDBAppender, attrs: TypedAttributesJson): void {
  a.appendVarchar(attrs.str);
  a.appendVarchar(attrs.num);
  a.appendVarchar(attrs.bool);
}

/** The resource's `service.name`, or `unknown_service` as the OpenTelemetry SDKs default to. */
const serviceName = (resource: Attributes): string => {
  const name = resource["service.name"];
  return typeof name === "string" ? name : "unknown_service";
};

/** Rows for one table, appended by `run`; `done` settles the caller's promise. */
interface WriteJob {
  table: "spans";
  run: (appender: DuckDBAppender) => void;
  checkpoint?: Checkpoint;
  done: (error?: Error) => void;
}

const PUBLISH = { spans: PUBLISH_SPANS_SQL };

/** Spans published between two rollup compactions (see `compactRollups`). */
const COMPACT_EVERY_SPANS = 200_000;

/**
 * Spans published between two checks of the trace index's levels (see `mergeTraceIndex`): a
 * span adds at most one level-0 row, so level 0 stays under 1.5 times its limit.
 */
const MERGE_CHECK_EVERY_SPANS = TRACE_INDEX_LEVEL_ROWS[0] / 2;

/**
 * Embedded storage in one DuckDB file. Span writes go through one connection and are
 * group-committed: rows from concurrent `insertSpans` calls are appended together to a staging
 * table and moved to `spans` in one transaction (see STAGING_DDL); each call's promise resolves
 * once that transaction has committed. Metrics go through {@link metrics}, on a connection of
 * its own. Queries use a third connection. The trace index's levels are merged in the background
 * on a fourth (see `mergeTraceIndex`).
 */
export class DuckDbStore {
  private pending: WriteJob[] = [];
  private flushing = false;
  /** Span start times (epoch ms) published since the last rollup compaction, and their count. */
  private dirty = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY, spans: 0 };
  /** Spans published since the trace index's levels were last checked. */
  private unchecked = 0;
  /** The running merge of the trace index's levels, if any. */
  private merging: Promise<void> | undefined;
  /** Aborted on close: no merge starts after it, a running one stops. */
  private readonly closing = new AbortController();

  private constructor(
    /** The database, for components that keep tables of their own. */
    readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    /** A connection for read queries. */
    readonly reader: DuckDBConnection,
    /** Metric series and samples. */
    readonly metrics: MetricStore,
    private readonly indexer: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the database file at `path`, or in memory for `":memory:"`. */
  static async open(path: string): Promise<DuckDbStore> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const writer = await instance.connect();
    await writer.run(META_DDL);
    const found = (
      await writer.runAndReadAll("SELECT value FROM sonde_meta WHERE key = 'schema_version'")
    ).getRowObjectsJson()[0]?.value;
    if (found === undefined) {
      await writer.run("INSERT INTO sonde_meta VALUES ('schema_version', $1)", [
        String(SCHEMA_VERSION),
      ]);
    } else if (found !== String(SCHEMA_VERSION)) {
      writer.closeSync();
      instance.closeSync();
      throw new Error(
        `${path} holds Sonde storage layout ${found}, this collector writes layout ${SCHEMA_VERSION}: move the file away or choose another --storage`,
      );
    }
    await writer.run(SPAN_TABLES_DDL);
    await writer.run(STAGING_DDL);
    await writer.run(CHECKPOINTS_DDL);
    const metrics = await MetricStore.open(instance);
    const [reader, indexer] = [await instance.connect(), await instance.connect()];
    return new DuckDbStore(instance, writer, reader, metrics, indexer);
  }

  /**
   * Stores spans; resolves with the number of rows written. Rejects if the write failed.
   * `checkpoint` is recorded in the same transaction (see `CHECKPOINTS_DDL`).
   */
  insertSpans(batches: ResourceSpansRecord[], checkpoint?: Checkpoint): Promise<number> {
    let n = 0;
    return this.enqueue("spans", checkpoint, (a) => {
      const dirty = this.dirty;
      for (const b of batches) {
        const res = b.resource.attributes;
        const service = serviceName(res);
        for (const s of b.spans) {
          a.appendVarchar(s.traceId);
          a.appendVarchar(s.spanId);
          a.appendVarchar(s.parentSpanId);
          a.appendVarchar(s.traceState);
          a.appendVarchar(s.name);
          a.appendVarchar(s.kind);
          a.appendVarchar(service);
          a.appendTimestamp(timestampValue(s.startTimeUnixNano / 1000n));
          const ms = Number(s.startTimeUnixNano / 1_000_000n);
          if (ms < dirty.from) dirty.from = ms;
          if (ms > dirty.to) dirty.to = ms;
          a.appendBigInt(s.startTimeUnixNano);
          a.appendBigInt(s.endTimeUnixNano);
          a.appendDouble(Number(s.endTimeUnixNano - s.startTimeUnixNano) / 1e6);
          a.appendVarchar(s.statusCode);
          a.appendVarchar(s.statusMessage);
          a.appendVarchar(s.events.length ? toJsonText(s.events) : "[]");
          a.appendVarchar(s.links.length ? toJsonText(s.links) : "[]");
          appendMaps(a, splitAttributes(res, s.attributes));
          a.endRow();
          n++;
        }
      }
      dirty.spans += n;
      this.unchecked += n;
    }).then(() => n);
  }

  private enqueue(
    table: WriteJob["table"],
    checkpoint: Checkpoint | undefined,
    run: WriteJob["run"],
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ table, run, checkpoint, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Appends everything queued to the staging tables, then publishes the tables that got rows
   * in one transaction; loops while more arrives. A job whose rows fail to append fails alone.
   */
  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length) {
      const jobs = this.pending;
      this.pending = [];
      const appenders = new Map<WriteJob["table"], DuckDBAppender>();
      const ok: WriteJob[] = [];
      for (const job of jobs) {
        let appender = appenders.get(job.table);
        if (!appender) {
          appender = await this.writer.createAppender(`${job.table}_staging`);
          appenders.set(job.table, appender);
        }
        try {
          job.run(appender);
          ok.push(job);
        } catch (e) {
          job.done(e as Error);
        }
      }
      try {
        for (const appender of appenders.values()) appender.closeSync();
        const publish = [...appenders.keys()].map((t) => PUBLISH[t]).join(";\n");
        await this.writer.run(`BEGIN TRANSACTION;\n${publish}`);
        await writeCheckpoints(
          this.writer,
          ok.flatMap((job) => (job.checkpoint ? [job.checkpoint] : [])),
        );
        await this.writer.run("COMMIT");
        for (const job of ok) job.done();
        await this.compactIfDue();
        this.mergeIndexIfDue();
      } catch (e) {
        const clear = [...appenders.keys()].map((t) => `DELETE FROM ${t}_staging`).join("; ");
        await this.writer.run("ROLLBACK").catch(() => {});
        await this.writer.run(clear).catch(() => {});
        for (const job of ok) job.done(e as Error);
      }
    }
    this.flushing = false;
  }

  /**
   * Merges the rollup rows of the minutes written since the last compaction once enough spans
   * arrived; a failure leaves the rows as they were (answers do not depend on compaction).
   */
  private async compactIfDue(): Promise<void> {
    const { from, to, spans } = this.dirty;
    if (spans < COMPACT_EVERY_SPANS) return;
    this.dirty = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY, spans: 0 };
    try {
      await this.writer.run("BEGIN TRANSACTION");
      await compactRollups(this.writer, new Date(from - 60_000), new Date(to));
      await this.writer.run("COMMIT");
    } catch {
      await this.writer.run("ROLLBACK").catch(() => {});
    }
  }

  /** Starts {@link mergeTraceIndex} once enough spans arrived since the last check, if none runs. */
  private mergeIndexIfDue(): void {
    if (this.unchecked < MERGE_CHECK_EVERY_SPANS || this.merging) return;
    this.unchecked = 0;
    void this.mergeTraceIndex();
  }

  /**
   * Merges the full levels of the trace index (see `mergeTraceIndex` in `trace-index.ts`) on a
   * connection of its own, beside ingest, after any merge already running. Ingest starts this
   * in the background every `MERGE_CHECK_EVERY_SPANS` spans; benchmarks call it to
   * arrange the index. Never rejects: a failed merge leaves the index as it was (answers do
   * not depend on merging, only lookup time does).
   */
  mergeTraceIndex(): Promise<void> {
    const merge = (this.merging ?? Promise.resolve())
      .then(() => mergeTraceIndex(this.indexer, undefined, this.closing.signal))
      .then(
        () => {},
        () => {},
      );
    this.merging = merge;
    void merge.then(() => {
      if (this.merging === merge) this.merging = undefined;
    });
    return merge;
  }

  /**
   * The bulk-load path (benchmarks, imports): inserts the rows of `select` (SQL giving the
   * `spans` columns in table order) straight into `spans`, then recomputes the rollups and the
   * trace index with the same SQL ingest uses (`finishBulkLoad`), so the tables are as if the
   * spans had come through {@link insertSpans}. Throws what DuckDB throws.
   */
  async bulkLoad(select: string): Promise<void> {
    while (this.flushing || this.pending.length) await new Promise((r) => setTimeout(r, 5));
    await this.merging;
    await this.writer.run(`INSERT INTO spans ${select}`);
    await finishBulkLoad(this.writer);
  }

  /** Waits for queued writes, stops a trace index merge (rolled back) and closes the database. */
  async close(): Promise<void> {
    while (this.flushing || this.pending.length) await new Promise((r) => setTimeout(r, 5));
    // A merge stops before its next level, or mid-statement when interrupted; an interrupt sent
    // before DuckDB starts a statement is lost, hence the repeats.
    this.closing.abort();
    while (this.merging) {
      this.indexer.interrupt();
      await Promise.race([this.merging, new Promise((r) => setTimeout(r, 10))]);
    }
    this.indexer.closeSync();
    await this.metrics.close();
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}
