import { type ColumnInfo, SPAN_COLUMNS as SHARED_SPAN_COLUMNS } from "@sonde/protocol/query";

/** The span columns every collector has; used until (or if) `/api/columns` answers. */
export const SPAN_COLUMNS: ColumnInfo[] = [...SHARED_SPAN_COLUMNS];

import { useEffect, useState } from "preact/hooks";
import { getColumns } from "../api.js";

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
