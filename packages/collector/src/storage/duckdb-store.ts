import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  timestampValue,
} from "@duckdb/node-api";
import type { Attributes, MetricPointRecord, ResourceSpansRecord } from "@sonde/protocol";
import { splitAttributes, type TypedAttributesJson, toJsonText } from "./attributes.js";
import {
  META_DDL,
  METRIC_POINTS_DDL,
  PUBLISH_METRIC_POINTS_SQL,
  PUBLISH_SPANS_SQL,
  SCHEMA_VERSION,
  SPANS_DDL,
  STAGING_DDL,
} from "./schema.js";

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

const nullableDouble = (a: DuckDBAppender, v: number | null) =>
  v === null ? a.appendNull() : a.appendDouble(v);

/**
 * Embedded storage in one DuckDB file. Writes go through one connection and are group-committed:
 * rows from concurrent `insert*` calls are appended together to staging tables and moved to the
 * real tables in one transaction (see STAGING_DDL); each call's promise resolves once that
 * transaction has committed. Queries use a second connection.
 */
/** Rows for one table, appended by `run`; `done` settles the caller's promise. */
interface WriteJob {
  table: "spans" | "metric_points";
  run: (appender: DuckDBAppender) => void;
  done: (error?: Error) => void;
}

const PUBLISH = { spans: PUBLISH_SPANS_SQL, metric_points: PUBLISH_METRIC_POINTS_SQL };

export class DuckDbStore {
  private pending: WriteJob[] = [];
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
    await writer.run(SPANS_DDL);
    await writer.run(METRIC_POINTS_DDL);
    await writer.run(STAGING_DDL);
    return new DuckDbStore(instance, writer, await instance.connect());
  }

  /** Stores spans; resolves with the number of rows written. Rejects if the write failed. */
  insertSpans(batches: ResourceSpansRecord[]): Promise<number> {
    let n = 0;
    return this.enqueue("spans", (a) => {
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
    }).then(() => n);
  }

  /** Stores metric points; resolves with the number of rows written. */
  insertMetricPoints(points: MetricPointRecord[]): Promise<number> {
    return this.enqueue("metric_points", (a) => {
      for (const p of points) {
        const service = serviceName(p.resource);
        a.appendVarchar(p.name);
        a.appendVarchar(p.description);
        a.appendVarchar(p.unit);
        a.appendVarchar(toJsonText(p.metadata));
        a.appendVarchar(p.kind);
        a.appendBoolean(p.monotonic);
        a.appendVarchar(p.temporality);
        a.appendVarchar(service);
        a.appendVarchar(p.scope);
        a.appendTimestamp(timestampValue(p.timeUnixNano / 1000n));
        a.appendBigInt(p.startTimeUnixNano);
        a.appendBigInt(p.timeUnixNano);
        nullableDouble(a, p.value === null ? null : Number(p.value));
        nullableDouble(a, p.count);
        nullableDouble(a, p.min);
        nullableDouble(a, p.max);
        a.appendVarchar(p.exemplars.length ? toJsonText(p.exemplars) : "[]");
        a.appendVarchar(JSON.stringify(p.explicitBounds));
        a.appendVarchar(JSON.stringify(p.bucketCounts));
        appendMaps(a, splitAttributes(p.resource, p.attributes));
        a.endRow();
      }
    }).then(() => points.length);
  }

  private enqueue(table: WriteJob["table"], run: WriteJob["run"]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ table, run, done: (e) => (e ? reject(e) : resolve()) });
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
        await this.writer.run(`BEGIN TRANSACTION;\n${publish};\nCOMMIT`);
        for (const job of ok) job.done();
      } catch (e) {
        const clear = [...appenders.keys()].map((t) => `DELETE FROM ${t}_staging`).join("; ");
        await this.writer.run(`ROLLBACK; ${clear}`).catch(() => {});
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
