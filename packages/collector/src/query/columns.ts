import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnInfo, ColumnsResult, ColumnType, QueryDataset } from "@sonde/protocol/query";
import { DATASETS } from "./datasets.js";

const attributeKeys = (table: string) => `
SELECT DISTINCT k AS name, 'string' AS type FROM (SELECT unnest(map_keys(attr_str)) AS k FROM ${table})
UNION SELECT DISTINCT k, 'number' FROM (SELECT unnest(map_keys(attr_num)) AS k FROM ${table})
UNION SELECT DISTINCT k, 'bool' FROM (SELECT unnest(map_keys(attr_bool)) AS k FROM ${table})
ORDER BY name, type`;

/**
 * Lists what a query of `dataset` can name, for the UI's pickers: the dataset's fixed columns in
 * their `DATASET_COLUMNS` order, then every attribute key stored on any of its rows, sorted by
 * name. A key stored with different types on different rows is listed once per type; keys that
 * equal a fixed column's name are left out (the column wins). Scans the attribute maps of the
 * whole table.
 * @throws nothing of its own; DuckDB errors propagate unchanged.
 */
export async function listColumns(
  conn: DuckDBConnection,
  dataset: QueryDataset = "spans",
): Promise<ColumnsResult> {
  const { table, columns: fixed } = DATASETS[dataset];
  const columns: ColumnInfo[] = Object.entries(fixed).map(([name, { type }]) => ({ name, type }));
  const reader = await conn.runAndReadAll(attributeKeys(table));
  for (const row of reader.getRowObjectsJS()) {
    const name = row.name as string;
    if (!Object.hasOwn(fixed, name)) columns.push({ name, type: row.type as ColumnType });
  }
  return { columns };
}
