import type { Filter, TraceSearchRequest } from "@sonde/protocol/query";
import type { RangeKey } from "../query/state.js";
import { RANGES } from "../query/state.js";

/** Sort keys of a trace search. */
export type TraceSort = "duration" | "start" | "spans" | "errors";

/** The trace search form, as kept in the URL (`#/traces?service=web&min=100&sort=duration`). */
export interface TraceSearchState {
  service: string;
  name: string;
  /** `""` (any), `error`, `ok` or `unset`. */
  status: string;
  /** Bounds on the trace's duration in ms, as typed (`""`: none). */
  min: string;
  max: string;
  /** Attribute conditions, `key=value` each. */
  attrs: string[];
  range: RangeKey;
  sort: TraceSort;
  desc: boolean;
  limit: number;
}

const SORTS: TraceSort[] = ["duration", "start", "spans", "errors"];

/** Reads the URL form; anything unreadable takes its default. Throws nothing. */
export function searchFromParams(params: URLSearchParams): TraceSearchState {
  const range = params.get("range") ?? "";
  const sort = params.get("sort") as TraceSort;
  const limit = Number(params.get("limit") ?? 50);
  return {
    service: params.get("service") ?? "",
    name: params.get("name") ?? "",
    status: params.get("status") ?? "",
    min: params.get("min") ?? "",
    max: params.get("max") ?? "",
    attrs: params.getAll("attr").filter((a) => a.includes("=")),
    range: range in RANGES ? (range as RangeKey) : "15m",
    sort: SORTS.includes(sort) ? sort : "duration",
    desc: params.get("dir") !== "asc",
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : 50,
  };
}

/** The URL form of a search, only non-empty fields. Throws nothing. */
export function searchToParams(s: TraceSearchState): URLSearchParams {
  const params = new URLSearchParams();
  for (const k of ["service", "name", "status", "min", "max"] as const) {
    if (s[k].trim()) params.set(k, s[k].trim());
  }
  for (const a of s.attrs) if (a.includes("=")) params.append("attr", a);
  params.set("range", s.range);
  params.set("sort", s.sort);
  params.set("dir", s.desc ? "desc" : "asc");
  if (s.limit !== 50) params.set("limit", String(s.limit));
  return params;
}

/**
 * The `POST /api/traces/search` body: service, span name, status and attributes as filters on
 * one span (`key=value`, numbers compared as numbers), duration bounds on the whole trace.
 * Throws nothing.
 */
export function searchRequest(s: TraceSearchState): TraceSearchRequest {
  const filters: Filter[] = [];
  if (s.service.trim()) filters.push({ column: "service.name", op: "=", value: s.service.trim() });
  if (s.name.trim()) filters.push({ column: "name", op: "=", value: s.name.trim() });
  if (s.status) filters.push({ column: "status_code", op: "=", value: s.status });
  for (const a of s.attrs) {
    const cut = a.indexOf("=");
    const column = a.slice(0, cut).trim();
    const text = a.slice(cut + 1).trim();
    if (!column) continue;
    const number = Number(text);
    filters.push({
      column,
      op: "=",
      value: text !== "" && Number.isFinite(number) ? number : text,
    });
  }
  const request: TraceSearchRequest = {
    time_range: { last: RANGES[s.range].seconds },
    filters,
    sort: { by: s.sort, direction: s.desc ? "desc" : "asc" },
    limit: s.limit,
  };
  const min = Number(s.min);
  const max = Number(s.max);
  const bounds: { min?: number; max?: number } = {};
  if (s.min.trim() && Number.isFinite(min)) bounds.min = min;
  if (s.max.trim() && Number.isFinite(max)) bounds.max = max;
  if (bounds.min !== undefined || bounds.max !== undefined) request.trace_duration_ms = bounds;
  return request;
}
