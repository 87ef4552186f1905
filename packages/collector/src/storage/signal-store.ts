import {
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBInstance,
  timestampValue,
} from "@duckdb/node-api";
import type { Attributes, ErrorRecord, EventRecord, LogRecord } from "@sonde/protocol";
import { splitAttributes, type TypedAttributesJson } from "./attributes.js";
import { CHECKPOINTS_DDL, type Checkpoint, writeCheckpoints } from "./schema.js";

/**
 * Storage of events, log records and error reports (issue 7) in DuckDB tables `events`,
 * `logs` and `errors`: one row each, with the time, the service, the trace and span ids, the
 * signal's own columns, and every field or attribute (merged with the resource's) in typed maps
 * `attr_str` / `attr_num` / `attr_bool` like spans, so the query engine can filter and group by
 * any of them. Writes are group-committed on this store's own connection, through staging
 * tables with the maps as JSON text (the appender converts MAP values ~20× slower).
 */
const COMMON = `
  "timestamp" TIMESTAMP NOT NULL,
  time_unix_nano BIGINT NOT NULL,
  service_name VARCHAR NOT NULL,
  trace_id VARCHAR NOT NULL,
  span_id VARCHAR NOT NULL`;
const MAPS = `
  attr_str MAP(VARCHAR, VARCHAR) NOT NULL,
  attr_num MAP(VARCHAR, DOUBLE) NOT NULL,
  attr_bool MAP(VARCHAR, BOOLEAN) NOT NULL`;

/** Signal tables: the columns between the common ones and the attribute maps. */
const TABLES = {
  events: `name VARCHAR NOT NULL, severity VARCHAR NOT NULL, owner VARCHAR NOT NULL,
    description VARCHAR NOT NULL,`,
  logs: `severity_number INTEGER NOT NULL, severity_text VARCHAR NOT NULL, body VARCHAR NOT NULL,
    logger VARCHAR NOT NULL,`,
  errors: `type VARCHAR NOT NULL, message VARCHAR NOT NULL, template VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL, owner VARCHAR NOT NULL, stack VARCHAR NOT NULL,
    source VARCHAR NOT NULL,`,
} as const;
type Table = keyof typeof TABLES;

const DDL = Object.entries(TABLES)
  .map(
    ([table, columns]) => `
CREATE TABLE IF NOT EXISTS ${table} (${COMMON}, ${columns} ${MAPS});
CREATE TEMP TABLE IF NOT EXISTS ${table}_staging AS SELECT * EXCLUDE (attr_str, attr_num, attr_bool),
  ''::VARCHAR AS attr_str, ''::VARCHAR AS attr_num, ''::VARCHAR AS attr_bool FROM ${table} LIMIT 0;`,
  )
  .join("\n");

const publish = (table: Table) => `
INSERT INTO ${table} SELECT * EXCLUDE (attr_str, attr_num, attr_bool),
  attr_str::JSON::MAP(VARCHAR, VARCHAR), attr_num::JSON::MAP(VARCHAR, DOUBLE),
  attr_bool::JSON::MAP(VARCHAR, BOOLEAN) FROM ${table}_staging;
DELETE FROM ${table}_staging`;

/** Records of one resource (a process), as they arrive from OTLP or the Sonde protocol. */
export interface SignalBatch {
  resource: Attributes;
  events?: EventRecord[];
  logs?: LogRecord[];
  errors?: ErrorRecord[];
}

interface Job {
  batches: SignalBatch[];
  checkpoint?: Checkpoint;
  done: (error?: Error) => void;
}

const serviceOf = (resource: Attributes): string =>
  typeof resource["service.name"] === "string" ? resource["service.name"] : "unknown_service";

function common(a: DuckDBAppender, time: bigint, service: string, trace: string, span: string) {
  a.appendTimestamp(timestampValue(time / 1000n));
  a.appendBigInt(time);
  a.appendVarchar(service);
  a.appendVarchar(trace);
  a.appendVarchar(span);
}

function maps(a: DuckDBAppender, attrs: TypedAttributesJson) {
  a.appendVarchar(attrs.str);
  a.appendVarchar(attrs.num);
  a.appendVarchar(attrs.bool);
  a.endRow();
}

export class SignalStore {
  #pending: Job[] = [];
  #flushing: Promise<void> | undefined;

  private constructor(private readonly conn: DuckDBConnection) {}

  /** Creates the tables if needed. Throws what DuckDB throws. */
  static async open(instance: DuckDBInstance): Promise<SignalStore> {
    const conn = await instance.connect();
    await conn.run(DDL);
    await conn.run(CHECKPOINTS_DDL);
    return new SignalStore(conn);
  }

  /**
   * Stores the batches' events, logs and errors; resolves with the number of rows once they
   * are durable (with `checkpoint` in the same transaction), rejects with DuckDB's error.
   */
  insert(batches: SignalBatch[], checkpoint?: Checkpoint): Promise<number> {
    let rows = 0;
    for (const b of batches) {
      rows += (b.events?.length ?? 0) + (b.logs?.length ?? 0) + (b.errors?.length ?? 0);
    }
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ batches, checkpoint, done: (e) => (e ? reject(e) : resolve()) });
      this.#flushing ??= this.#flush();
    }).then(() => rows);
  }

  async #flush(): Promise<void> {
    while (this.#pending.length > 0) {
      const jobs = this.#pending;
      this.#pending = [];
      const used = new Set<Table>();
      try {
        const appenders = {
          events: await this.conn.createAppender("events_staging"),
          logs: await this.conn.createAppender("logs_staging"),
          errors: await this.conn.createAppender("errors_staging"),
        };
        for (const { batches } of jobs) {
          for (const b of batches) this.#append(appenders, b, used);
        }
        for (const a of Object.values(appenders)) a.closeSync();
        await this.conn.run("BEGIN TRANSACTION");
        for (const table of used) await this.conn.run(publish(table));
        await writeCheckpoints(
          this.conn,
          jobs.flatMap((j) => (j.checkpoint ? [j.checkpoint] : [])),
        );
        await this.conn.run("COMMIT");
        for (const job of jobs) job.done();
      } catch (error) {
        await this.conn.run("ROLLBACK").catch(() => {});
        for (const table of Object.keys(TABLES)) {
          await this.conn.run(`DELETE FROM ${table}_staging`).catch(() => {});
        }
        for (const job of jobs) job.done(error as Error);
      }
    }
    this.#flushing = undefined;
  }

  #append(a: Record<Table, DuckDBAppender>, b: SignalBatch, used: Set<Table>): void {
    const service = serviceOf(b.resource);
    for (const e of b.events ?? []) {
      used.add("events");
      common(a.events, e.timeUnixNano, service, e.traceId, e.spanId);
      a.events.appendVarchar(e.name);
      a.events.appendVarchar(e.severity);
      a.events.appendVarchar(e.owner);
      a.events.appendVarchar(e.declaration?.description ?? "");
      maps(a.events, splitAttributes(b.resource, e.fields));
    }
    for (const l of b.logs ?? []) {
      used.add("logs");
      common(a.logs, l.timeUnixNano, service, l.traceId, l.spanId);
      a.logs.appendInteger(l.severityNumber);
      a.logs.appendVarchar(l.severityText);
      a.logs.appendVarchar(l.body);
      a.logs.appendVarchar(l.loggerName);
      maps(a.logs, splitAttributes(b.resource, l.attributes));
    }
    for (const x of b.errors ?? []) {
      used.add("errors");
      common(a.errors, x.timeUnixNano, service, x.traceId, x.spanId);
      a.errors.appendVarchar(x.type);
      a.errors.appendVarchar(x.message);
      a.errors.appendVarchar(x.template);
      a.errors.appendVarchar(x.fingerprint);
      a.errors.appendVarchar(x.owner);
      a.errors.appendVarchar(x.stack);
      a.errors.appendVarchar(x.source);
      maps(a.errors, splitAttributes(b.resource, x.attributes));
    }
  }

  /** Waits for queued writes and closes the connection. */
  async close(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    this.conn.closeSync();
  }
}
