import type { BubbleUpRequest, ExemplarRequest } from "@sonde/protocol/query";
import type { SentRequest } from "../query/state.js";
import type { Selection } from "../traces/selection.js";
import { andFilters, groupFilters } from "../traces/selection.js";

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * The BubbleUp comparison behind a brushed region: the query's time range and filters (and its
 * group's, when the region is a line's) as the base; the region's time span and value range
 * as the selection. Throws nothing.
 */
export function bubbleUpRequest(base: SentRequest, selection: Selection): BubbleUpRequest {
  const request: BubbleUpRequest = {
    dataset: "spans",
    time_range: base.time_range,
    filters: andFilters(base.filters, groupFilters(selection.group ?? {})),
    selection: {},
  };
  if (selection.start !== undefined && selection.end !== undefined) {
    request.selection.time = { start: iso(selection.start), end: iso(selection.end) };
  }
  if (selection.column !== undefined) {
    request.selection.value = { column: selection.column };
    if (selection.lower !== undefined) request.selection.value.min = selection.lower;
    if (selection.upper !== undefined) request.selection.value.max = selection.upper;
  }
  return request;
}

/**
 * The exemplar lookup behind a clicked point: within the point's time bucket and group (and
 * the query's filters), the span with the largest `column` at or below the clicked value (no
 * bound for calculations that are not of the column itself, e.g. COUNT). Throws nothing.
 */
export function exemplarRequest(
  base: SentRequest,
  point: { group?: Selection["group"]; start: number; end: number },
  value: { column?: string; atMost?: number },
): ExemplarRequest {
  const request: ExemplarRequest = {
    dataset: "spans",
    time_range: { start: iso(point.start), end: iso(point.end) },
    filters: base.filters,
    column: value.column ?? "duration_ms",
  };
  if (point.group && Object.keys(point.group).length) request.group = point.group;
  if (value.atMost !== undefined && Number.isFinite(value.atMost)) request.at_most = value.atMost;
  return request;
}
