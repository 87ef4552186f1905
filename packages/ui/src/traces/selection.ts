import type { Filter, FilterGroup, Group, QueryRequest } from "@sonde/protocol/query";
import type { SentRequest } from "../query/state.js";

/**
 * What the user clicked in the results: a group (table row or line), optionally a time bucket
 * (chart point, seconds since the epoch) and a value range of a column (heatmap cell).
 */
export interface Selection {
  group?: Group;
  start?: number;
  end?: number;
  column?: string;
  lower?: number;
  upper?: number;
}

/** Filters that keep exactly a group's spans: `=` per value, `not-exists` for a missing one. */
export function groupFilters(group: Group): Filter[] {
  return Object.entries(group).map(
    ([column, value]): Filter =>
      value === null ? { column, op: "not-exists" } : { column, op: "=", value },
  );
}

/**
 * A query's filters (a list, or an AND/OR group) with more that must all hold too: a list when
 * the query's was a list, else an AND group around its group.
 */
export function andFilters(base: Filter[] | FilterGroup, more: Filter[]): Filter[] | FilterGroup {
  if (Array.isArray(base)) return [...base, ...more];
  return more.length ? { op: "AND", filters: [base, ...more] } : base;
}

/**
 * The "slowest traces" query behind a selection: the original query's filters plus the
 * selection's, breakdown by trace, MAX(duration_ms), 20 rows. With `rootsOnly`, only root
 * spans (`parent_span_id = ""`) count, so the duration is the trace's.
 */
export function slowestTracesRequest(
  base: SentRequest,
  selection: Selection,
  rootsOnly: boolean,
): QueryRequest {
  const filters = groupFilters(selection.group ?? {});
  if (selection.column !== undefined && selection.lower !== undefined) {
    filters.push({ column: selection.column, op: ">=", value: selection.lower });
  }
  if (selection.column !== undefined && selection.upper !== undefined) {
    filters.push({ column: selection.column, op: "<", value: selection.upper });
  }
  if (rootsOnly) filters.push({ column: "parent_span_id", op: "=", value: "" });
  const time_range =
    selection.start !== undefined && selection.end !== undefined
      ? {
          start: new Date(selection.start * 1000).toISOString(),
          end: new Date(selection.end * 1000).toISOString(),
        }
      : base.time_range;
  return {
    dataset: "spans",
    time_range,
    calculations: [{ op: "MAX", column: "duration_ms" }],
    filters: andFilters(base.filters, filters),
    breakdowns: ["trace_id", "name", "service.name"],
    granularity_s: base.granularity_s,
    limit: 20,
  };
}
