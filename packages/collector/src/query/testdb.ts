/**
 * Test support for the query engine (not exported from the package): a real DuckDB file in a
 * temporary directory, rows inserted with plain parameterised INSERTs, a seeded random source,
 * and reference calculations done in JS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  type DuckDBConnection,
  DuckDBInstance,
  LIST,
  listValue,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from "@duckdb/node-api";
import { finishBulkLoad } from "../storage/bulk-load.js";
import { SPAN_TABLES_DDL } from "../storage/schema.js";

/** A span as the tests generate it; `startMs` is whole epoch milliseconds. */
export interface TestSpan {
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  name: string;
  kind: string;
  service: string;
  startMs: number;
  duration_ms: number;
  status_code: string;
  status_message: string;
  str: Record<string, string>;
  num: Record<string, number>;
  bool: Record<string, boolean>;
  events?: string;
  links?: string;
}

export interface TestDb {
  conn: DuckDBConnection;
  close(): void;
}

/** Opens a fresh database file with the `spans` table. */
export async function openTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "sonde-query-"));
  const instance = await DuckDBInstance.create(join(dir, "test.duckdb"));
  const conn = await instance.connect();
  await conn.run(SPAN_TABLES_DDL);
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const INSERT = `INSERT INTO spans VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, $9, $10, $11, $12,
  map($13, $14), map($15, $16), map($17, $18), $19, $20)`;

const INSERT_TYPES = [
  ...[VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, TIMESTAMP, BIGINT, BIGINT, DOUBLE],
  ...[VARCHAR, VARCHAR, LIST(VARCHAR), LIST(VARCHAR), LIST(VARCHAR), LIST(DOUBLE)],
  ...[LIST(VARCHAR), LIST(BOOLEAN), VARCHAR, VARCHAR],
];

/** Inserts spans one parameterised INSERT each, then {@link finishBulkLoad}. */
export async function insertSpans(conn: DuckDBConnection, spans: TestSpan[]): Promise<void> {
  for (const s of spans) {
    const startNs = BigInt(s.startMs) * 1_000_000n;
    const endNs = startNs + BigInt(Math.round(s.duration_ms * 1e6));
    const maps = [
      [Object.keys(s.str), Object.values(s.str)],
      [Object.keys(s.num), Object.values(s.num)],
      [Object.keys(s.bool), Object.values(s.bool)],
    ];
    await conn.run(
      INSERT,
      [
        s.trace_id,
        s.span_id,
        s.parent_span_id,
        s.name,
        s.kind,
        s.service,
        timestampValue(BigInt(s.startMs) * 1000n),
        startNs,
        endNs,
        s.duration_ms,
        s.status_code,
        s.status_message,
        ...maps.flatMap(([keys, values]) => [listValue(keys), listValue([...values])]),
        s.events ?? "[]",
        s.links ?? "[]",
      ],
      INSERT_TYPES,
    );
  }
  await finishBulkLoad(conn);
}

/** A seeded PRNG (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `quantile_cont`: linear interpolation between the two nearest ranks of the sorted values. */
export function quantileCont(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
