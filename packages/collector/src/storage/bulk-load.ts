import type { DuckDBConnection } from "@duckdb/node-api";
import { rebuildRollups } from "./rollups.js";
import { traceIndexSelect } from "./schema.js";

/**
 * Finishes a bulk load: rows inserted into `spans` directly (a benchmark, an import, tests)
 * instead of through `DuckDbStore.insertSpans` get the same rollups and trace index rows that
 * ingest writes, recomputed from the whole table with the same SQL. Throws what DuckDB throws.
 */
export async function finishBulkLoad(conn: DuckDBConnection): Promise<void> {
  await rebuildRollups(conn);
  await conn.run("DELETE FROM trace_index");
  await conn.run(`INSERT INTO trace_index ${traceIndexSelect("spans")} ORDER BY trace_key`);
}
