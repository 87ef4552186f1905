import {
  BOOLEAN,
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  LIST,
  MAP,
  VARCHAR,
  listValue,
  mapValue,
  timestampValue,
} from "@duckdb/node-api";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { MetricPointRecord, ResourceSpansRecord } from "@sonde/protocol";
import { splitAttributes, type TypedAttributes, toJsonText } from "./attributes.js";
import { METRIC_POINTS_DDL, SPANS_DDL } from "./schema.js";

const STR_MAP = MAP(VARCHAR, VARCHAR);
const NUM_MAP = MAP(VARCHAR, DOUBLE);
const BOOL_MAP = MAP(VARCHAR, BOOLEAN);
const DOUBLE_LIST = LIST(DOUBLE);

function appendMaps(a: DuckDBAppender, attrs: TypedAttributes): void {
  a.appendMap(mapValue(attrs.str), STR_MAP);
  a.appendMap(mapValue(attrs.num), NUM_MAP);
  a.appendMap(mapValue(attrs.bool), BOOL_MAP);
}

const nullableDouble = (a: DuckDBAppender, v: number | null) =>
  v === null ? a.appendNull() : a.appendDouble(v);

/**
 * Embedded storage in one DuckDB file. Writes go through one connection and are group-committed:
 * rows from concurrent `insert*` calls are appended together, and each call's promise resolves
 * once its rows are flushed (durable in the database file). Queries use a second connection.
 */
export class DuckDbStore {
  private pending: { run: (a: { spans: DuckDBAppender; points: DuckDBAppender }) => void; done: (e?: Error) => void }[] = [];
  private flushing = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    /** A connection for read queries. */
    readonly reader: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the database file at `path`, or in memory for `":memory:"`. */
  static async open(path: string): Promise<DuckDbStore> {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const writer = await instance.connect();
    await writer.run(SPANS_DDL);
    await writer.run(METRIC_POINTS_DDL);
    return new DuckDbStore(instance, writer, await instance.connect());
  }

  /** Stores spans; resolves with the number of rows written. Rejects if the write failed. */
  insertSpans(batches: ResourceSpansRecord[]): Promise<number> {
    let n = 0;
    return this.enqueue(({ spans: a }) => {
      for (const b of batches) {
        const res = b.resource.attributes;
        const service = typeof res["service.name"] === "string" ? res["service.name"] : "unknown_service";
        for (const s of b.spans) {
          a.appendVarchar(s.traceId);
          a.appendVarchar(s.spanId);
          a.appendVarchar(s.parentSpanId);
          a.appendVarchar(s.traceState);
          a.appendVarchar(s.name);
          a.appendVarchar(s.kind);
          a.appendVarchar(service);
          a.appendTimestamp(timestampValue(s.startTimeUnixNano / 1000n));
          a.appendBigInt(s.startTimeUnixNano);
          a.appendBigInt(s.endTimeUnixNano);
          a.appendDouble(Number(s.endTimeUnixNano - s.startTimeUnixNano) / 1e6);
          a.appendVarchar(s.statusCode);
          a.appendVarchar(s.statusMessage);
          appendMaps(a, splitAttributes(res, s.attributes));
          a.appendVarchar(s.events.length ? toJsonText(s.events) : "[]");
          a.appendVarchar(s.links.length ? toJsonText(s.links) : "[]");
          a.endRow();
          n++;
        }
      }
    }).then(() => n);
  }

  /** Stores metric points; resolves with the number of rows written. */
  insertMetricPoints(points: MetricPointRecord[]): Promise<number> {
    return this.enqueue(({ points: a }) => {
      for (const p of points) {
        const service = typeof p.resource["service.name"] === "string" ? p.resource["service.name"] : "unknown_service";
        a.appendVarchar(p.name);
        a.appendVarchar(p.description);
        a.appendVarchar(p.unit);
        a.appendVarchar(p.kind);
        a.appendBoolean(p.monotonic);
        a.appendVarchar(p.temporality);
        a.appendVarchar(service);
        a.appendVarchar(p.scope);
        a.appendTimestamp(timestampValue(p.timeUnixNano / 1000n));
        a.appendBigInt(p.startTimeUnixNano);
        a.appendBigInt(p.timeUnixNano);
        nullableDouble(a, p.value);
        nullableDouble(a, p.count);
        nullableDouble(a, p.min);
        nullableDouble(a, p.max);
        a.appendList(listValue(p.explicitBounds), DOUBLE_LIST);
        a.appendList(listValue(p.bucketCounts), DOUBLE_LIST);
        appendMaps(a, splitAttributes(p.resource, p.attributes));
        a.endRow();
      }
    }).then(() => points.length);
  }

  private enqueue(run: (a: { spans: DuckDBAppender; points: DuckDBAppender }) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ run, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  /** Appends everything queued in one transaction per table; loops while more arrives. */
  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length) {
      const jobs = this.pending;
      this.pending = [];
      const spans = await this.writer.createAppender("spans");
      const points = await this.writer.createAppender("metric_points");
      const ok: typeof jobs = [];
      for (const job of jobs) {
        try {
          job.run({ spans, points });
          ok.push(job);
        } catch (e) {
          // A row that fails mid-way leaves the appender unusable for the rest of the batch;
          // fail this job and retry the others in a fresh appender.
          job.done(e as Error);
          this.pending.push(...jobs.slice(jobs.indexOf(job) + 1));
          break;
        }
      }
      try {
        spans.closeSync();
        points.closeSync();
        for (const job of ok) job.done();
      } catch (e) {
        for (const job of ok) job.done(e as Error);
      }
    }
    this.flushing = false;
  }

  /** Waits for queued writes and closes the database. */
  async close(): Promise<void> {
    while (this.flushing || this.pending.length) await new Promise((r) => setTimeout(r, 5));
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}
