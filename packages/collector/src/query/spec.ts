import {
  CALCULATION_OPS,
  type Calculation,
  type CalculationOp,
  calculationKey,
  FILTER_OPS,
  type Filter,
  type FilterGroup,
  type FilterOp,
  HAVING_OPS,
  type Having,
  type OrderBy,
  QUERY_DATASETS,
  type QueryDataset,
  type QueryRequest,
  type Scalar,
} from "@sonde/protocol/query";
import { z } from "zod";
import { SPAN_COLUMNS } from "../storage/schema.js";
import { datasetColumn } from "./datasets.js";
import { formatPath, QueryError } from "./errors.js";

/** A validated query with its time range resolved to absolute instants. */
export interface QuerySpec {
  /** The table queried: `spans`, `events`, `logs` or `errors`. */
  dataset: QueryDataset;
  /** Start of the time range, inclusive. */
  start: Date;
  /** End of the time range, exclusive. */
  end: Date;
  /** At least one; defaults to `[{ op: "COUNT" }]`. No two share a {@link calculationKey}. */
  calculations: Calculation[];
  /** The filters as one group (a plain list becomes an AND group). */
  filters: FilterGroup;
  /** Column or attribute names to group by, distinct. */
  breakdowns: string[];
  /** Width of a series time bucket in seconds (a positive integer), buckets aligned to the epoch. */
  granularity_s: number;
  /** Group order, at least one term (the default filled in), directions resolved. */
  order_by: Required<OrderBy>[];
  /** All must hold. */
  having: Having[];
  /** Maximum number of groups, 1..1000. */
  limit: number;
  /** Offset of the compared period in seconds, when asked for. */
  compare_offset_s?: number;
  /** Never use rollups. */
  exact: boolean;
}

/** Default number of groups returned. */
export const DEFAULT_LIMIT = 100;
/** Most time buckets a query may ask for (range / granularity). */
export const MAX_BUCKETS = 10_000;

const ISO_ERROR = "must be an ISO-8601 date-time with a zone, e.g. 2026-01-01T00:00:00Z";
const LAST_ERROR = 'must be a duration such as "15m" (s, m, h, d, w) or a number of seconds';
const isoDateTime = z.iso.datetime({ offset: true, error: ISO_ERROR });
const scalar = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a string, number or boolean",
});

/** `time_range` as the request gives it (validated further by {@link resolveTimeRange}). */
export const timeRangeSchema = z.strictObject({
  start: isoDateTime.optional(),
  end: isoDateTime.optional(),
  last: z
    .union(
      [
        z.string().regex(/^[1-9][0-9]*[smhdw]$/, { error: LAST_ERROR }),
        z.number().positive({ error: LAST_ERROR }),
      ],
      { error: LAST_ERROR },
    )
    .optional(),
});

/** `filters`, `breakdowns`, `granularity_s` and `limit`, shared by every dataset. */
export const sharedFields = {
  filters: z
    .array(
      z.strictObject({
        column: z.string().min(1, { error: "must not be empty" }),
        op: z.enum(FILTER_OPS),
        value: z
          .union([scalar, z.array(scalar)], {
            error: "must be a string, number, boolean, or (for in) a list of them",
          })
          .optional(),
      }),
    )
    .max(100)
    .optional(),
  breakdowns: z
    .array(z.string().min(1, { error: "must not be empty" }))
    .max(20)
    .optional(),
  granularity_s: z.int().positive().optional(),
  limit: z.int().min(1).max(1000).optional(),
};

const filterSchema = sharedFields.filters.unwrap().element;
/** Filters: a list (AND) or a nested AND/OR group. */
type FilterInput = z.infer<typeof filterSchema> | { op: "AND" | "OR"; filters: FilterInput[] };
const filterGroupSchema: z.ZodType<{ op: "AND" | "OR"; filters: FilterInput[] }> = z.lazy(() =>
  z.strictObject({
    op: z.enum(["AND", "OR"]),
    filters: z.array(z.union([filterGroupSchema, filterSchema])).max(100),
  }),
);
const durationSchema = z.union(
  [
    z.string().regex(/^[1-9][0-9]*[smhdw]$/, { error: LAST_ERROR }),
    z.number().positive({ error: LAST_ERROR }),
  ],
  { error: LAST_ERROR },
);

/** The spans dataset's `filters`: a list (AND) or a group. */
export const spanFiltersSchema = z.union([z.array(filterSchema).max(100), filterGroupSchema], {
  error: "must be a list of filters or { op: AND|OR, filters: [...] }",
});

const querySchema = z.strictObject({
  dataset: z.enum(QUERY_DATASETS),
  time_range: timeRangeSchema,
  calculations: z
    .array(
      z.strictObject({
        op: z.enum(CALCULATION_OPS),
        column: z.string().min(1, { error: "must not be empty" }).optional(),
      }),
    )
    .max(50)
    .optional(),
  ...sharedFields,
  filters: spanFiltersSchema.optional(),
  order_by: z
    .array(
      z.strictObject({
        key: z.string().min(1, { error: "must not be empty" }),
        direction: z.enum(["asc", "desc"]).optional(),
      }),
    )
    .max(10)
    .optional(),
  having: z
    .array(
      z.strictObject({
        calculation: z.string().min(1, { error: "must not be empty" }),
        op: z.enum(HAVING_OPS),
        value: z.number(),
      }),
    )
    .max(10)
    .optional(),
  compare: z.strictObject({ offset: durationSchema }).optional(),
  exact: z.boolean().optional(),
});

// Compile-time checks that the shared QueryRequest type and the schema agree: the schema reads
// every top-level field of the type, and accepts the type of each.
type _SchemaReadsEveryField<K extends keyof z.input<typeof querySchema> = keyof QueryRequest> = K;
type _RequestFitsSchema<T extends z.input<typeof querySchema> = QueryRequest> = T;

/**
 * A fixed span column by its query name (`service.name`, `duration_ms`, ...), or undefined when
 * the name is an attribute. Only own keys of {@link SPAN_COLUMNS} count.
 */
export function spanColumn(name: string): (typeof SPAN_COLUMNS)[string] | undefined {
  return Object.hasOwn(SPAN_COLUMNS, name) ? SPAN_COLUMNS[name] : undefined;
}

/**
 * Validates a query request (a {@link QueryRequest}, DESIGN.md "Query model") and resolves it
 * against `now`.
 * A relative range `{ last }` ends at `now`. Without `granularity_s` the bucket width is the
 * smallest of 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 m, 2 m, 5 m, 10 m, 15 m, 30 m, 1 h, 2 h, 3 h,
 * 6 h, 12 h, 1 d, 2 d, 7 d (then whole days) that gives at most 240 buckets, so a range of a
 * minute or more gets 60–240 buckets.
 * The dataset (`spans`, `events`, `logs`, `errors`) decides which names are fixed columns
 * (`DATASET_COLUMNS`); CONCURRENCY only applies to spans.
 * @throws {QueryError} naming the first offending field: unknown keys, wrong types, an unknown
 *   dataset, CONCURRENCY outside spans, a numeric op on a non-numeric column, a value of the wrong type for
 *   its column or op, duplicate calculations or breakdowns, an empty or reversed time range,
 *   or more than {@link MAX_BUCKETS} time buckets.
 */
export function parseQuery(input: unknown, now: Date = new Date()): QuerySpec {
  checkDataset(input);
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) throw issueError(parsed.error.issues[0], input);
  const query = parsed.data;
  const { start, end } = resolveTimeRange(query.time_range, now);
  const dataset = query.dataset;
  const calculations = checkCalculations(query.calculations ?? [], dataset);
  const breakdowns = checkBreakdowns(query.breakdowns ?? []);
  return {
    dataset,
    start,
    end,
    calculations,
    filters: checkFilterTree(query.filters, dataset),
    breakdowns,
    granularity_s: checkGranularity(query.granularity_s, end.getTime() - start.getTime()),
    order_by: checkOrderBy(query.order_by, calculations, breakdowns),
    having: checkHaving(query.having ?? [], calculations),
    limit: query.limit ?? DEFAULT_LIMIT,
    compare_offset_s:
      query.compare === undefined ? undefined : durationSeconds(query.compare.offset),
    exact: query.exact ?? false,
  };
}

/** Seconds of a duration such as `"1d"` or a number of seconds. */
export function durationSeconds(d: string | number): number {
  return typeof d === "number" ? d : Number(d.slice(0, -1)) * UNIT_SECONDS[d.slice(-1)];
}

/** Ops whose totals are derived from the series after the query, so they cannot rank groups. */
const SERIES_DERIVED: CalculationOp[] = ["RATE_AVG", "CONCURRENCY", "HEATMAP"];

function rankable(key: string, calcs: Calculation[], path: string): void {
  const calc = calcs.find((c) => calculationKey(c) === key);
  if (calc === undefined) throw new QueryError(path, `${key} is not a calculation of the query`);
  if (SERIES_DERIVED.includes(calc.op)) {
    throw new QueryError(path, `${calc.op} cannot order or filter groups`);
  }
}

function checkOrderBy(
  order: OrderBy[] | undefined,
  calcs: Calculation[],
  breakdowns: string[],
): Required<OrderBy>[] {
  if (order === undefined || order.length === 0) {
    const first = calcs.find((c) => !SERIES_DERIVED.includes(c.op)) ?? { op: "COUNT" };
    return [{ key: calculationKey(first), direction: "desc" }];
  }
  return order.map((o, i) => {
    if (!breakdowns.includes(o.key)) rankable(o.key, calcs, `order_by[${i}].key`);
    return { key: o.key, direction: o.direction ?? "desc" };
  });
}

function checkHaving(having: Having[], calcs: Calculation[]): Having[] {
  having.forEach((h, i) => {
    rankable(h.calculation, calcs, `having[${i}].calculation`);
  });
  return having;
}

/** Validates every leaf filter (paths as in the request) and returns the filters as a group. */
export function checkFilterTree(
  input: FilterInput[] | FilterInput | undefined,
  dataset: QueryDataset = "spans",
): FilterGroup {
  let count = 0;
  const walk = (node: FilterInput, path: string, depth: number): Filter | FilterGroup => {
    if ("filters" in node) {
      if (depth > 4) throw new QueryError(path, "filter groups nest at most 4 levels deep");
      return {
        op: node.op,
        filters: node.filters.map((f, i) => walk(f, `${path}.filters[${i}]`, depth + 1)),
      };
    }
    if (++count > 100) throw new QueryError(path, "at most 100 filters");
    return checkFilter(node, path, (name) => datasetColumn(dataset, name));
  };
  if (input === undefined) return { op: "AND", filters: [] };
  if (Array.isArray(input)) {
    return { op: "AND", filters: input.map((f, i) => walk(f, `filters[${i}]`, 1)) };
  }
  return walk(input, "filters", 0) as FilterGroup;
}

function checkDataset(input: unknown): void {
  if (typeof input !== "object" || input === null || !("dataset" in input)) return;
  const dataset = input.dataset;
  if (typeof dataset !== "string" || (QUERY_DATASETS as readonly string[]).includes(dataset)) {
    return;
  }
  if (dataset === "metrics") {
    throw new QueryError("dataset", "metrics queries are parsed by parseMetricQuery");
  }
  throw new QueryError(
    "dataset",
    `unknown dataset "${dataset}"; use one of ${[...QUERY_DATASETS, "metrics"].join(" ")}`,
  );
}

export function issueError(issue: z.core.$ZodIssue, input: unknown): QueryError {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    // Report the branch that got furthest into the value (e.g. a filter list's filters[0].op).
    const deepest = issue.errors
      .map((branch) => branch[0])
      .filter((i) => i !== undefined)
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest !== undefined && deepest.path.length > 0) {
      return issueError({ ...deepest, path: [...issue.path, ...deepest.path] }, input);
    }
  }
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return new QueryError(formatPath([...issue.path, issue.keys[0]]), "unknown key");
  }
  if (valueAt(input, issue.path) === undefined) return new QueryError(path, "required");
  if (issue.code === "invalid_value" && issue.values.length > 1) {
    return new QueryError(path, `must be one of ${issue.values.join(" ")}`);
  }
  return new QueryError(path, issue.message);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

export function resolveTimeRange(
  range: { start?: string; end?: string; last?: string | number },
  now: Date,
): { start: Date; end: Date } {
  if (range.last !== undefined) {
    if (range.start !== undefined || range.end !== undefined) {
      throw new QueryError("time_range", "give either start and end, or last");
    }
    const last = range.last;
    const seconds = durationSeconds(last);
    const start = new Date(now.getTime() - seconds * 1000);
    if (Number.isNaN(start.getTime())) throw new QueryError("time_range.last", "too long");
    return { start, end: now };
  }
  if (range.start === undefined) throw new QueryError("time_range.start", "required");
  if (range.end === undefined) throw new QueryError("time_range.end", "required");
  const start = new Date(range.start);
  const end = new Date(range.end);
  if (end.getTime() <= start.getTime()) {
    throw new QueryError("time_range.end", "must be after time_range.start");
  }
  return { start, end };
}

function checkCalculations(
  calcs: { op: CalculationOp; column?: string }[],
  dataset: QueryDataset,
): Calculation[] {
  if (calcs.length === 0) return [{ op: "COUNT" }];
  const seen = new Set<string>();
  return calcs.map((calc, i) => {
    const path = `calculations[${i}]`;
    if (calc.op === "CONCURRENCY" && dataset !== "spans") {
      throw new QueryError(`${path}.op`, `CONCURRENCY needs spans; ${dataset} have no duration`);
    }
    if (calc.op === "COUNT" || calc.op === "CONCURRENCY") {
      if (calc.column !== undefined)
        throw new QueryError(`${path}.column`, `${calc.op} takes no column`);
    } else if (calc.column === undefined) {
      throw new QueryError(`${path}.column`, `${calc.op} needs a column`);
    } else if (calc.op !== "COUNT_DISTINCT") {
      const fixed = datasetColumn(dataset, calc.column);
      if (fixed !== undefined && fixed.type !== "number") {
        throw new QueryError(
          `${path}.column`,
          `${calc.op} needs a numeric column; ${calc.column} is a ${fixed.type} column`,
        );
      }
    }
    const key = calculationKey(calc);
    if (seen.has(key)) throw new QueryError(path, `duplicate calculation ${key}`);
    seen.add(key);
    return calc.column === undefined ? { op: calc.op } : { op: calc.op, column: calc.column };
  });
}

export function checkFilter(
  filter: { column: string; op: FilterOp; value?: Scalar | Scalar[] },
  path: string,
  fixedColumn: (
    name: string,
  ) => { type: "string" | "number" | "timestamp" } | undefined = spanColumn,
): Filter {
  const { column, op, value } = filter;
  if (op === "exists" || op === "not-exists") {
    if (value !== undefined) throw new QueryError(`${path}.value`, `${op} takes no value`);
    return { column, op };
  }
  if (value === undefined) throw new QueryError(`${path}.value`, `${op} needs a value`);
  const fixed = fixedColumn(column);
  if (op === "in") {
    if (!Array.isArray(value) || value.length === 0) {
      throw new QueryError(`${path}.value`, "in needs a non-empty list");
    }
    if (value.length > 1000) throw new QueryError(`${path}.value`, "in takes at most 1000 values");
    value.forEach((v, j) => {
      if (typeof v !== typeof value[0]) {
        throw new QueryError(`${path}.value[${j}]`, "in needs values of one type");
      }
      if (fixed !== undefined) checkColumnValue(column, fixed.type, v, `${path}.value[${j}]`);
    });
    return { column, op, value };
  }
  if (Array.isArray(value)) throw new QueryError(`${path}.value`, `only in takes a list`);
  if (op === "contains") {
    if (typeof value !== "string") throw new QueryError(`${path}.value`, "contains needs a string");
    if (fixed !== undefined && fixed.type !== "string") {
      throw new QueryError(`${path}.column`, `contains needs a string column`);
    }
  } else if (fixed !== undefined) {
    checkColumnValue(column, fixed.type, value, `${path}.value`);
  } else if (op !== "=" && op !== "!=" && typeof value !== "number") {
    throw new QueryError(`${path}.value`, `${op} on an attribute needs a number`);
  }
  return { column, op, value };
}

function checkColumnValue(
  column: string,
  type: "string" | "number" | "timestamp",
  value: Scalar,
  path: string,
): void {
  if (type === "number" && typeof value !== "number") {
    throw new QueryError(path, `${column} is a number column; value must be a number`);
  }
  if (type === "string" && typeof value !== "string") {
    throw new QueryError(path, `${column} is a string column; value must be a string`);
  }
  if (type === "timestamp" && !isoDateTime.safeParse(value).success) {
    throw new QueryError(path, ISO_ERROR);
  }
}

export function checkBreakdowns(breakdowns: string[]): string[] {
  breakdowns.forEach((name, i) => {
    if (breakdowns.indexOf(name) !== i) {
      throw new QueryError(`breakdowns[${i}]`, `duplicate breakdown ${name}`);
    }
  });
  return breakdowns;
}

/** Bucket widths tried for a default granularity, in seconds. */
const NICE_STEPS_S = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800,
  604800,
];

export function checkGranularity(granularity: number | undefined, rangeMs: number): number {
  if (granularity === undefined) {
    const step = NICE_STEPS_S.find((s) => rangeMs / (s * 1000) <= 240);
    return step ?? Math.ceil(rangeMs / 240 / 86_400_000) * 86400;
  }
  const buckets = Math.ceil(rangeMs / (granularity * 1000)) + 1;
  if (buckets > MAX_BUCKETS) {
    throw new QueryError(
      "granularity_s",
      `gives ${buckets} time buckets over the range; at most ${MAX_BUCKETS}`,
    );
  }
  return granularity;
}
