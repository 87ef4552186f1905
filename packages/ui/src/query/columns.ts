import {
  type ColumnInfo,
  DATASET_COLUMNS,
  type QueryDataset,
  SPAN_COLUMNS as SHARED_SPAN_COLUMNS,
} from "@sonde/protocol/query";

/** The span columns every collector has; used until (or if) `/api/columns` answers. */
export const SPAN_COLUMNS: ColumnInfo[] = [...SHARED_SPAN_COLUMNS];

import { useEffect, useState } from "preact/hooks";
import { getColumns } from "../api.js";
import type { Dataset } from "./state.js";

const pending = new Map<QueryDataset, Promise<ColumnInfo[]>>();

/** The fixed columns of a dataset (none for metrics). */
function fixedColumns(dataset: Dataset): ColumnInfo[] {
  return dataset === "metrics" ? SPAN_COLUMNS : [...DATASET_COLUMNS[dataset]];
}

/**
 * The queryable columns of a dataset (the spans' for metrics), fetched once per page load; the
 * fixed columns while the call fails.
 */
export function loadColumns(dataset: Dataset = "spans"): Promise<ColumnInfo[]> {
  const ds: QueryDataset = dataset === "metrics" ? "spans" : dataset;
  let p = pending.get(ds);
  if (p === undefined) {
    p = getColumns(ds)
      .then((list) => (list.length ? list : fixedColumns(ds)))
      .catch(() => {
        pending.delete(ds); // ask again next time
        return fixedColumns(ds);
      });
    pending.set(ds, p);
  }
  return p;
}

/** {@link loadColumns} as component state: the fixed columns until the list arrives. */
export function useColumns(dataset: Dataset = "spans"): ColumnInfo[] {
  const [columns, setColumns] = useState<ColumnInfo[]>(() => fixedColumns(dataset));
  useEffect(() => {
    let live = true;
    setColumns(fixedColumns(dataset));
    loadColumns(dataset).then((list) => live && setColumns(list));
    return () => {
      live = false;
    };
  }, [dataset]);
  return columns;
}
