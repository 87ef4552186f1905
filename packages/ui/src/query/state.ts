import type {
  ColumnInfo,
  ColumnType,
  Filter,
  FilterGroup,
  FilterOp,
  Having,
  HavingOp,
  OrderBy,
  QueryDataset,
  Scalar,
} from "@sonde/protocol/query";
import {
  CALCULATION_OPS,
  calculationKey,
  FILTER_OPS,
  HAVING_OPS,
  METRIC_OPS,
  QUERY_DATASETS,
} from "@sonde/protocol/query";

/** Span calculation ops offered. */
export const SPAN_OPS: readonly string[] = CALCULATION_OPS;

/** Calculation ops of a dataset (CONCURRENCY needs spans' durations). */
export function opsOf(dataset: Dataset): readonly string[] {
  if (dataset === "metrics") return METRIC_OPS;
  return dataset === "spans" ? SPAN_OPS : SPAN_OPS.filter((op) => op !== "CONCURRENCY");
}

/** The column a numeric op starts with: durations for spans, severities for logs. */
export function defaultNumericColumn(dataset: Dataset): string {
  return dataset === "logs" ? "severity_number" : dataset === "spans" ? "duration_ms" : "";
}

/** Ops that take no column. */
export function isColumnless(op: string, dataset: Dataset): boolean {
  return dataset === "metrics" || op === "COUNT" || op === "CONCURRENCY";
}

/** What a query reads: a `QueryDataset` (spans, events, logs, errors) or one metric. */
export type Dataset = QueryDataset | "metrics";

/** Datasets the picker offers, in order. */
export const DATASETS: readonly Dataset[] = [...QUERY_DATASETS, "metrics"];

/** The starting query of each signal dataset: count by its most telling column. */
export const SIGNAL_DEFAULTS: Record<"events" | "logs" | "errors", string> = {
  events: "name",
  logs: "severity_text",
  errors: "fingerprint",
};

/** A calculation as edited (ops as text, so that ops newer than the contract's list fit). */
export interface CalcDraft {
  op: string;
  column?: string;
}

/** A filter as edited: the value is the text the user typed, typed only when sent. */
export interface FilterDraft {
  column: string;
  op: FilterOp;
  value: string;
}

/** ORDER BY: a calculation key (`P99(duration_ms)`) or a breakdown column, and direction. */
export interface OrderDraft {
  key: string;
  desc: boolean;
}

/** HAVING: a calculation key compared with a number (typed as text). */
export interface HavingDraft {
  key: string;
  op: HavingOp;
  value: string;
}

/** What the query builder edits and the URL keeps. */
export interface QueryState {
  dataset: Dataset;
  /** The metric's name for the `metrics` dataset, else `""`. */
  metric: string;
  calculations: CalcDraft[];
  filters: FilterDraft[];
  /** Filters combined with OR (any) instead of AND (all). */
  any: boolean;
  breakdowns: string[];
  orders: OrderDraft[];
  havings: HavingDraft[];
  /** Maximum number of groups, 1..1000. */
  limit: number;
  /** The relative range, used unless `from` and `to` are both set. */
  range: RangeKey;
  /** Absolute range: ISO-8601 start (inclusive) and end (exclusive), or `""`. */
  from: string;
  to: string;
  /** Also run the same query over the previous period of the same length. */
  compare: boolean;
}

/** Relative time ranges offered, with the series granularity used for each (~60 points). */
export const RANGES = {
  "5m": { label: "Last 5 minutes", seconds: 300, granularity: 5 },
  "15m": { label: "Last 15 minutes", seconds: 900, granularity: 15 },
  "1h": { label: "Last hour", seconds: 3600, granularity: 60 },
  "6h": { label: "Last 6 hours", seconds: 21_600, granularity: 300 },
  "24h": { label: "Last 24 hours", seconds: 86_400, granularity: 1200 },
  "7d": { label: "Last 7 days", seconds: 604_800, granularity: 10_800 },
} as const;
export type RangeKey = keyof typeof RANGES;

export const DEFAULT_LIMIT = 100;

/** The query shown on first load. */
export const DEFAULT_QUERY: QueryState = {
  dataset: "spans",
  metric: "",
  calculations: [
    { op: "COUNT" },
    { op: "P99", column: "duration_ms" },
    { op: "HEATMAP", column: "duration_ms" },
  ],
  filters: [],
  any: false,
  breakdowns: ["service.name"],
  orders: [],
  havings: [],
  limit: DEFAULT_LIMIT,
  range: "15m",
  from: "",
  to: "",
  compare: false,
};

/** True when the operator takes no value. */
export function isUnary(op: FilterOp): boolean {
  return op === "exists" || op === "not-exists";
}

/** True when the state has a usable absolute range. */
export function isAbsolute(state: QueryState): boolean {
  return !!state.from && !!state.to && Date.parse(state.to) > Date.parse(state.from);
}

/**
 * URL form (the hash's query string), readable and stable, parameters only when they differ
 * from the default: `calc=COUNT&calc=P99(duration_ms)&where=service.name|=|web&match=any&
 * by=service.name&order=P99(duration_ms)|desc&having=COUNT|>|10&limit=20&range=15m` (or
 * `from=…&to=…`), `compare=1`, `dataset=metrics&metric=/proc/memory/rss`. A `where` is
 * `column|op` or `column|op|value`; the value may itself contain `|`.
 */
export function stateToParams(state: QueryState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.dataset !== "spans") params.set("dataset", state.dataset);
  if (state.dataset === "metrics") params.set("metric", state.metric);
  for (const c of state.calculations) params.append("calc", calculationKey(c));
  for (const f of state.filters) {
    params.append(
      "where",
      isUnary(f.op) ? `${f.column}|${f.op}` : `${f.column}|${f.op}|${f.value}`,
    );
  }
  if (state.any) params.set("match", "any");
  for (const b of state.breakdowns) params.append("by", b);
  for (const o of state.orders) params.append("order", `${o.key}|${o.desc ? "desc" : "asc"}`);
  for (const h of state.havings) params.append("having", `${h.key}|${h.op}|${h.value}`);
  if (state.limit !== DEFAULT_LIMIT) params.set("limit", String(state.limit));
  if (state.from && state.to) {
    params.set("from", state.from);
    params.set("to", state.to);
  } else params.set("range", state.range);
  if (state.compare) params.set("compare", "1");
  return params;
}

const KEYS = ["calc", "where", "by", "range", "from", "dataset"];

/** Reads the URL form back; anything unreadable is skipped. No query parameters → default. */
export function paramsToState(params: URLSearchParams): QueryState {
  if (!KEYS.some((k) => params.has(k))) return DEFAULT_QUERY;
  const named = params.get("dataset") as Dataset | null;
  const dataset: Dataset = named && DATASETS.includes(named) ? named : "spans";
  const ops = opsOf(dataset);
  const calculations: CalcDraft[] = [];
  for (const text of params.getAll("calc")) {
    const match = /^([A-Z0-9_]+)(?:\((.+)\))?$/.exec(text);
    const op = match?.[1];
    if (!op || !ops.includes(op)) continue;
    calculations.push(match?.[2] ? { op, column: match[2] } : { op });
  }
  const filters: FilterDraft[] = [];
  for (const text of params.getAll("where")) {
    const [column, op, ...rest] = text.split("|");
    if (!column || !FILTER_OPS.includes(op as FilterOp)) continue;
    filters.push({ column, op: op as FilterOp, value: rest.join("|") });
  }
  const orders: OrderDraft[] = [];
  for (const text of params.getAll("order")) {
    const cut = text.lastIndexOf("|");
    const key = cut < 0 ? text : text.slice(0, cut);
    if (key) orders.push({ key, desc: cut >= 0 && text.slice(cut + 1) === "desc" });
  }
  const havings: HavingDraft[] = [];
  for (const text of params.getAll("having")) {
    const match = /^(.+)\|([^|]+)\|(.*)$/.exec(text);
    const op = match?.[2] as HavingOp | undefined;
    if (match && op && HAVING_OPS.includes(op))
      havings.push({ key: match[1], op, value: match[3] });
  }
  const limit = Number(params.get("limit") ?? DEFAULT_LIMIT);
  const range = params.get("range");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const absolute = Number.isFinite(Date.parse(from)) && Number.isFinite(Date.parse(to));
  return {
    dataset,
    metric: dataset === "metrics" ? (params.get("metric") ?? "") : "",
    calculations,
    filters,
    any: params.get("match") === "any",
    breakdowns: params.getAll("by").filter(Boolean),
    orders,
    havings,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : DEFAULT_LIMIT,
    range: range && range in RANGES ? (range as RangeKey) : DEFAULT_QUERY.range,
    from: absolute ? from : "",
    to: absolute ? to : "",
    compare: params.get("compare") === "1",
  };
}

/** Types a filter's text by its column: numbers for numeric columns, booleans for bool ones. */
export function typeValue(text: string, type: ColumnType | undefined): Scalar {
  const trimmed = text.trim();
  if (type === "number" && trimmed !== "" && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  if (type === "bool" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  return text;
}

/**
 * The API filter for a draft; `in` takes a comma-separated list. A column missing from
 * `types` (an attribute not seen yet) is taken as numeric under an ordering operator, since
 * the server compares attributes only with numbers.
 */
export function toFilter(draft: FilterDraft, types: Map<string, ColumnType>): Filter {
  const ordering = [">", ">=", "<", "<="].includes(draft.op);
  const type = types.get(draft.column) ?? (ordering ? "number" : undefined);
  if (isUnary(draft.op)) return { column: draft.column, op: draft.op };
  if (draft.op === "in") {
    const items = draft.value.split(",").map((v) => typeValue(v.trim(), type));
    return { column: draft.column, op: "in", value: items };
  }
  return { column: draft.column, op: draft.op, value: typeValue(draft.value, type) };
}

/** "Nice" bucket widths in seconds. */
const NICE = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600];

/** The smallest nice granularity giving at most ~60 buckets over `seconds`. */
export function granularityFor(seconds: number): number {
  return NICE.find((g) => seconds / g <= 60) ?? 86_400;
}

/** The time window of a state: seconds of its length, and the API's `time_range`. */
export function timeWindow(state: QueryState): {
  seconds: number;
  granularity: number;
  time_range: { last: number } | { start: string; end: string };
  label: string;
} {
  if (isAbsolute(state)) {
    const seconds = (Date.parse(state.to) - Date.parse(state.from)) / 1000;
    return {
      seconds,
      granularity: granularityFor(seconds),
      time_range: {
        start: new Date(state.from).toISOString(),
        end: new Date(state.to).toISOString(),
      },
      label: `${state.from} – ${state.to}`,
    };
  }
  const r = RANGES[state.range];
  return {
    seconds: r.seconds,
    granularity: r.granularity,
    time_range: { last: r.seconds },
    label: r.label,
  };
}

/**
 * The `POST /api/query` body as this UI sends it: a {@link QueryRequest} or a
 * {@link MetricQueryRequest} (ops as text); the optional fields are left out when unused.
 */
export interface SentRequest {
  dataset: Dataset;
  metric?: string;
  time_range: { last: number } | { start: string; end: string };
  calculations: CalcDraft[];
  filters: Filter[] | FilterGroup;
  breakdowns: string[];
  order_by?: OrderBy[];
  having?: Having[];
  compare?: { offset: number };
  granularity_s: number;
  limit: number;
}

/** The filter list of a request, whether a list or a group. */
export function filterList(filters: Filter[] | FilterGroup): (Filter | FilterGroup)[] {
  return Array.isArray(filters) ? filters : [filters];
}

/** The `POST /api/query` body for a builder state. */
export function toRequest(state: QueryState, columns: ColumnInfo[]): SentRequest {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const window = timeWindow(state);
  const filters = state.filters.filter((f) => f.column).map((f) => toFilter(f, types));
  const request: SentRequest = {
    dataset: state.dataset,
    time_range: window.time_range,
    calculations: state.calculations.map((c) =>
      isColumnless(c.op, state.dataset) ? { op: c.op } : c,
    ),
    filters: state.any && filters.length > 1 ? { op: "OR", filters } : filters,
    breakdowns: state.breakdowns.filter(Boolean),
    granularity_s: window.granularity,
    limit: state.limit,
  };
  if (state.dataset === "metrics") request.metric = state.metric;
  const orders = state.orders.filter((o) => o.key);
  if (orders.length) {
    request.order_by = orders.map((o) => ({ key: o.key, direction: o.desc ? "desc" : "asc" }));
  }
  const havings = state.havings.filter((h) => h.key && Number.isFinite(Number(h.value)));
  if (havings.length) {
    request.having = havings.map((h) => ({
      calculation: h.key,
      op: h.op,
      value: Number(h.value),
    }));
  }
  if (state.compare && state.dataset !== "metrics") request.compare = { offset: window.seconds };
  return request;
}
