import type { ColumnInfo } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getColumns } from "../api.js";

/** The span columns every collector has; used until (or if) `/api/columns` answers. */
export const SPAN_COLUMNS: ColumnInfo[] = [
  { name: "trace_id", type: "string" },
  { name: "span_id", type: "string" },
  { name: "parent_span_id", type: "string" },
  { name: "name", type: "string" },
  { name: "kind", type: "string" },
  { name: "service.name", type: "string" },
  { name: "timestamp", type: "timestamp" },
  { name: "duration_ms", type: "number" },
  { name: "status_code", type: "string" },
  { name: "status_message", type: "string" },
];

let pending: Promise<ColumnInfo[]> | undefined;

/** The queryable columns, fetched once per page load; span columns while the call fails. */
export function loadColumns(): Promise<ColumnInfo[]> {
  pending ??= getColumns()
    .then((list) => (list.length ? list : SPAN_COLUMNS))
    .catch(() => {
      pending = undefined; // ask again next time
      return SPAN_COLUMNS;
    });
  return pending;
}

/** {@link loadColumns} as component state: span columns until the list arrives. */
export function useColumns(): ColumnInfo[] {
  const [columns, setColumns] = useState<ColumnInfo[]>(SPAN_COLUMNS);
  useEffect(() => {
    let live = true;
    loadColumns().then((list) => live && setColumns(list));
    return () => {
      live = false;
    };
  }, []);
  return columns;
}
