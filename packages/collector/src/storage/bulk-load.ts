import type { DuckDBConnection } from "@duckdb/node-api";
import { rebuildRollups } from "./rollups.js";
import { TRACE_INDEX_LEVELS, traceIndexSelect } from "./schema.js";

/**
 * Finishes a bulk load: rows inserted into `spans` directly (a benchmark, an import, tests)
 * instead of through `DuckDbStore.insertSpans` get the same rollups and trace index rows that
 * ingest writes, recomputed from the whole table with the same SQL. The trace index is written
 * to its last level, sorted by key, the other levels emptied (as if every level had been
 * merged, see `TRACE_INDEX_LEVELS`). Throws what DuckDB throws.
 */
export async function finishBulkLoad(conn: DuckDBConnection): Promise<void> {
  await rebuildRollups(conn);
  for (const table of TRACE_INDEX_LEVELS) await conn.run(`DELETE FROM ${table}`);
  await conn.run(
    `INSERT INTO ${TRACE_INDEX_LEVELS.at(-1)} ${traceIndexSelect("spans")} ORDER BY trace_key`,
  );
}
