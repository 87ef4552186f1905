import { DATASET_COLUMNS, type QueryDataset } from "@sonde/protocol/query";
import { SPAN_COLUMNS } from "../storage/schema.js";

/** A fixed column of a dataset: its SQL over the dataset's table and its type. */
export interface FixedColumn {
  sql: string;
  type: "string" | "number" | "timestamp";
}

/** SQL names that differ from the query names in the signal tables (`signal-store.ts`). */
const SIGNAL_SQL: Record<string, string> = {
  "service.name": "service_name",
  timestamp: '"timestamp"',
};

const signalColumns = (dataset: QueryDataset): Record<string, FixedColumn> =>
  Object.fromEntries(
    DATASET_COLUMNS[dataset].map(({ name, type }) => [
      name,
      { sql: SIGNAL_SQL[name] ?? name, type },
    ]),
  );

/**
 * What the query compiler needs to know of a dataset (`@sonde/protocol/query` `QueryDataset`):
 * its DuckDB table (all have `"timestamp"` and the typed attribute maps) and its fixed columns
 * by query name.
 */
export const DATASETS: Record<
  QueryDataset,
  { table: string; columns: Record<string, FixedColumn> }
> = {
  spans: { table: "spans", columns: SPAN_COLUMNS },
  events: { table: "events", columns: signalColumns("events") },
  logs: { table: "logs", columns: signalColumns("logs") },
  errors: { table: "errors", columns: signalColumns("errors") },
};

/**
 * A fixed column of `dataset` by its query name, or undefined when the name is an attribute.
 * Only own keys count. Throws nothing.
 */
export function datasetColumn(dataset: QueryDataset, name: string): FixedColumn | undefined {
  const columns = DATASETS[dataset].columns;
  return Object.hasOwn(columns, name) ? columns[name] : undefined;
}
