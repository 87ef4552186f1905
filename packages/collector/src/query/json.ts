import type { JS } from "@duckdb/node-api";

/** A JSON-safe scalar read from DuckDB. */
export type JsonScalar = string | number | boolean | null;

/**
 * Converts a scalar DuckDB value (as read by `getRowObjectsJS`) to plain JSON: BIGINT and other
 * bigints to numbers, TIMESTAMP (a `Date`) to ISO-8601 UTC text, NaN and infinities to null.
 * Lists, maps and blobs are not scalars and also become null.
 */
export function jsonScalar(value: JS): JsonScalar {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "boolean") return value;
  return null;
}
