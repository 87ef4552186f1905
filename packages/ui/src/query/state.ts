import type {
  Calculation,
  CalculationOp,
  ColumnInfo,
  ColumnType,
  Filter,
  FilterOp,
  QueryRequest,
  Scalar,
} from "@sonde/protocol/query";
import { CALCULATION_OPS, calculationKey, FILTER_OPS } from "@sonde/protocol/query";

/** A filter as edited: the value is the text the user typed, typed only when sent. */
export interface FilterDraft {
  column: string;
  op: FilterOp;
  value: string;
}

/** What the query builder edits and the URL keeps. */
export interface QueryState {
  calculations: Calculation[];
  filters: FilterDraft[];
  breakdowns: string[];
  range: RangeKey;
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

/** The query shown on first load. */
export const DEFAULT_QUERY: QueryState = {
  calculations: [
    { op: "COUNT" },
    { op: "P99", column: "duration_ms" },
    { op: "HEATMAP", column: "duration_ms" },
  ],
  filters: [],
  breakdowns: ["service.name"],
  range: "15m",
};

/** True when the operator takes no value. */
export function isUnary(op: FilterOp): boolean {
  return op === "exists" || op === "not-exists";
}

/**
 * URL form (the hash's query string), readable and stable:
 * `calc=COUNT&calc=P99(duration_ms)&where=service.name|=|web&by=service.name&range=15m`.
 * A `where` is `column|op` or `column|op|value`; the value may itself contain `|`.
 */
export function stateToParams(state: QueryState): URLSearchParams {
  const params = new URLSearchParams();
  for (const c of state.calculations) params.append("calc", calculationKey(c));
  for (const f of state.filters) {
    params.append(
      "where",
      isUnary(f.op) ? `${f.column}|${f.op}` : `${f.column}|${f.op}|${f.value}`,
    );
  }
  for (const b of state.breakdowns) params.append("by", b);
  params.set("range", state.range);
  return params;
}

/** Reads the URL form back; anything unreadable is skipped. No query parameters → default. */
export function paramsToState(params: URLSearchParams): QueryState {
  if (!["calc", "where", "by", "range"].some((k) => params.has(k))) return DEFAULT_QUERY;
  const calculations: Calculation[] = [];
  for (const text of params.getAll("calc")) {
    const match = /^([A-Z0-9]+)(?:\((.+)\))?$/.exec(text);
    const op = match?.[1] as CalculationOp | undefined;
    if (!op || !CALCULATION_OPS.includes(op)) continue;
    calculations.push(match?.[2] ? { op, column: match[2] } : { op });
  }
  const filters: FilterDraft[] = [];
  for (const text of params.getAll("where")) {
    const [column, op, ...rest] = text.split("|");
    if (!column || !FILTER_OPS.includes(op as FilterOp)) continue;
    filters.push({ column, op: op as FilterOp, value: rest.join("|") });
  }
  const range = params.get("range");
  return {
    calculations,
    filters,
    breakdowns: params.getAll("by").filter(Boolean),
    range: range && range in RANGES ? (range as RangeKey) : DEFAULT_QUERY.range,
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

/** The `POST /api/query` body for a builder state, every field set. */
export function toRequest(state: QueryState, columns: ColumnInfo[]): Required<QueryRequest> {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const range = RANGES[state.range];
  return {
    dataset: "spans",
    time_range: { last: range.seconds },
    calculations: state.calculations.map((c) => (c.op === "COUNT" ? { op: "COUNT" } : c)),
    filters: state.filters.filter((f) => f.column).map((f) => toFilter(f, types)),
    breakdowns: state.breakdowns.filter(Boolean),
    granularity_s: range.granularity,
    limit: 100,
  };
}
