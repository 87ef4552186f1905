import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnInfo, ColumnsResult, ColumnType } from "@sonde/protocol/query";
import { SPAN_COLUMNS } from "../storage/schema.js";

const ATTRIBUTE_KEYS = `
SELECT DISTINCT k AS name, 'string' AS type FROM (SELECT unnest(map_keys(attr_str)) AS k FROM spans)
UNION SELECT DISTINCT k, 'number' FROM (SELECT unnest(map_keys(attr_num)) AS k FROM spans)
UNION SELECT DISTINCT k, 'bool' FROM (SELECT unnest(map_keys(attr_bool)) AS k FROM spans)
ORDER BY name, type`;

/**
 * Lists what a query can name, for the UI's pickers: the fixed span columns in their
 * `SPAN_COLUMNS` order, then every attribute key stored on any span, sorted by name. A key
 * stored with different types on different spans is listed once per type; keys that equal a
 * fixed column's name are left out (the column wins). Scans the attribute maps of the whole table.
 * @throws nothing of its own; DuckDB errors propagate unchanged.
 */
export async function listColumns(conn: DuckDBConnection): Promise<ColumnsResult> {
  const columns: ColumnInfo[] = Object.entries(SPAN_COLUMNS).map(([name, { type }]) => ({
    name,
    type,
  }));
  const reader = await conn.runAndReadAll(ATTRIBUTE_KEYS);
  for (const row of reader.getRowObjectsJS()) {
    const name = row.name as string;
    if (!Object.hasOwn(SPAN_COLUMNS, name)) {
      columns.push({ name, type: row.type as ColumnType });
    }
  }
  return { columns };
}
