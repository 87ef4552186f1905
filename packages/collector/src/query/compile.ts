import {
  BOOLEAN,
  DOUBLE,
  type DuckDBType,
  type DuckDBValue,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from "@duckdb/node-api";
import {
  type Calculation,
  type CalculationOp,
  calculationKey,
  type Filter,
  type FilterGroup,
  type QueryDataset,
  type Scalar,
} from "@sonde/protocol/query";
import { DATASETS, datasetColumn, type FixedColumn } from "./datasets.js";
import type { QuerySpec } from "./spec.js";

/** Number of equal-width HEATMAP buckets between the column's min and max. */
export const HEATMAP_BUCKETS = 20;

/**
 * DuckDB SQL for a query over the raw table of its dataset (`spans`, `events`, `logs`, `errors`), with its parameters (`$1`, `$2`, ... with
 * explicit types). Nothing from the request is SQL text: values and attribute names are all
 * parameters.
 *
 * One row per group (`total` = 1) and one per group and time bucket (`total` = 0), in the
 * order of the groups then time. Columns: `total`; `rank` (1-based group order, only with
 * breakdowns); `t` (bucket start, TIMESTAMP; NULL on total rows); `g0`, `g1`, ... (breakdown
 * values); `v0`, `v1`, ... (one per calculation; a HEATMAP's is a MAP of bucket index to count,
 * with its column's range in `lo<i>`/`hi<i>`; a RATE_AVG's is the AVG, a CONCURRENCY's NULL:
 * both are finished from the series by the runner).
 *
 * `concurrency`, present when a calculation is CONCURRENCY, answers `(rank, bi, n)`: the
 * number of spans of group `rank` (1 without breakdowns) in progress during bucket number `bi`
 * (bucket start = bi × granularity since the epoch).
 */
export interface CompiledQuery {
  sql: string;
  concurrency?: string;
  params: DuckDBValue[];
  types: DuckDBType[];
  breakdowns: string[];
  calculations: { key: string; op: CalculationOp }[];
}

/**
 * Collects parameters; `add` returns the placeholder to put in the SQL. `dataset` says which
 * table's fixed columns the column names of the SQL built with it refer to.
 */
export class Params {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];

  constructor(readonly dataset: QueryDataset = "spans") {}

  /** A fixed column of the dataset by query name, undefined for an attribute. */
  column(name: string): FixedColumn | undefined {
    return datasetColumn(this.dataset, name);
  }

  add(value: DuckDBValue, type: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }

  scalar(value: Scalar): string {
    if (typeof value === "number") return this.add(value, DOUBLE);
    if (typeof value === "boolean") return this.add(value, BOOLEAN);
    return this.add(value, VARCHAR);
  }

  time(date: Date | string): string {
    return this.add(timestampValue(BigInt(new Date(date).getTime()) * 1000n), TIMESTAMP);
  }
}

type AttrMap = "attr_str" | "attr_num" | "attr_bool";

/** An attribute's value in one typed map, NULL when absent (DuckDB ≥ 1.1 value semantics). */
function attr(map: AttrMap, name: string, p: Params): string {
  return `map_extract_value(${map}, ${p.add(name, VARCHAR)})`;
}

/** `start <= "timestamp" < end` and the filters, as one SQL condition over the dataset's table. */
export function whereClause(spec: Pick<QuerySpec, "start" | "end" | "filters">, p: Params): string {
  return `"timestamp" >= ${p.time(spec.start)} AND "timestamp" < ${p.time(spec.end)} AND ${filterTree(spec.filters, p)}`;
}

/**
 * Compiles a validated query for the raw table. Semantics:
 * - rows with `start <= timestamp < end` that pass the filters (AND/OR groups as given);
 * - a fixed column of the dataset (`DATASET_COLUMNS`) by name, anything else an attribute, looked up in the
 *   map its use implies: numbers (`> >= < <=`, a number value, SUM/AVG/MIN/MAX/Pxx/HEATMAP/
 *   RATE_*) in `attr_num`, booleans in `attr_bool`, strings and `contains` in `attr_str`;
 *   COUNT_DISTINCT of an attribute counts its text as a breakdown shows it;
 * - `!=` also matches rows without the attribute; `exists` on a fixed string column means
 *   non-empty (a root span's `parent_span_id` does not exist); `contains` is case-sensitive;
 * - a breakdown on an attribute is its value as text from whichever map holds it (strings
 *   first, then numbers with integers rendered without `.0`, then `true`/`false`), NULL when absent;
 * - percentiles are exact: `quantile_cont`, linear interpolation between the two nearest ranks;
 * - groups pass `having`, are ordered by `order_by` (NULLs last), ties by group values, then
 *   the first `limit` kept;
 * - HEATMAP: {@link HEATMAP_BUCKETS} equal-width buckets over the column's [min, max] among the
 *   rows of the kept groups, shared by all groups and time buckets so they can be compared;
 *   a value falls in bucket floor((v - min) / width), the max in the last one; NaN and
 *   infinities are left out.
 * Without breakdowns `having` is left to the caller (the single group is always answered here).
 */
export function compileQuery(spec: QuerySpec): CompiledQuery {
  const p = new Params(spec.dataset);
  const gran = p.add(spec.granularity_s, DOUBLE);
  const bucket = `time_bucket(to_seconds(${gran}), "timestamp", TIMESTAMP '1970-01-01')`;
  const groupExprs = spec.breakdowns.map((b) => textValue(b, p));
  const select = [`${bucket} AS t`, ...groupExprs.map((g, i) => `${g} AS g${i}`)];
  const valueColumns = new Map<string, string>();
  for (const calc of spec.calculations) {
    if (calc.column === undefined) continue;
    const distinct = calc.op === "COUNT_DISTINCT";
    const id = `${distinct ? "d" : "c"}:${calc.column}`;
    if (valueColumns.has(id)) continue;
    const alias = `${distinct ? "d" : "c"}${valueColumns.size}`;
    valueColumns.set(id, alias);
    select.push(`${distinct ? textValue(calc.column, p) : numeric(calc.column, p)} AS ${alias}`);
  }
  const filterSql = filterTree(spec.filters, p);
  const where = `"timestamp" >= ${p.time(spec.start)} AND "timestamp" < ${p.time(spec.end)} AND ${filterSql}`;
  const groups = spec.breakdowns.map((_, i) => `g${i}`);
  const table = DATASETS[spec.dataset].table;
  const ctes = [`base AS (SELECT ${select.join(", ")} FROM ${table} WHERE ${where})`];
  // Numbers computed here, not request text: safe as literals (and unused ones need no parameter).
  const rangeS = `${(spec.end.getTime() - spec.start.getTime()) / 1000}::DOUBLE`;
  const total = (calc: Calculation) => aggregate(calc, valueColumns, rangeS);

  if (groups.length > 0) {
    const byKey = new Map(spec.calculations.map((c) => [calculationKey(c), c]));
    const orderTerms = spec.order_by.map((o) => {
      const calc = byKey.get(o.key);
      const b = spec.breakdowns.indexOf(o.key);
      // The default order of a query of HEATMAPs only is COUNT, not one of its calculations.
      const expr = calc !== undefined ? total(calc) : b >= 0 ? `g${b}` : "count(*)";
      return `${expr} ${o.direction.toUpperCase()} NULLS LAST`;
    });
    const having = spec.having.map(
      (h) => `${total(byKey.get(h.calculation) as Calculation)} ${h.op} ${p.add(h.value, DOUBLE)}`,
    );
    ctes.push(
      `top AS (SELECT ${groups.join(", ")}, row_number() OVER (ORDER BY ${[...orderTerms, ...groups.map((g) => `${g} NULLS LAST`)].join(", ")}) AS rank` +
        ` FROM base GROUP BY ${groups.join(", ")}${having.length ? ` HAVING ${having.join(" AND ")}` : ""}` +
        ` QUALIFY rank <= ${p.add(spec.limit, DOUBLE)})`,
      `scoped AS (SELECT base.*, top.rank FROM base JOIN top ON ${groups.map((g) => `base.${g} IS NOT DISTINCT FROM top.${g}`).join(" AND ")})`,
    );
  } else {
    ctes.push("scoped AS (SELECT * FROM base)");
  }

  const heatmapColumns = [...valueColumns].filter(([id]) =>
    spec.calculations.some((c) => c.op === "HEATMAP" && id === `c:${c.column}`),
  );
  let from = "scoped";
  if (heatmapColumns.length > 0) {
    const bounds = heatmapColumns.map(
      ([, c]) =>
        `min(${c}) FILTER (WHERE isfinite(${c})) AS lo_${c}, max(${c}) FILTER (WHERE isfinite(${c})) AS hi_${c}`,
    );
    ctes.push(`bounds AS (SELECT ${bounds.join(", ")} FROM scoped)`);
    from = "scoped CROSS JOIN bounds";
  }

  const keys = groups.length > 0 ? ["rank", ...groups] : [];
  const divisor = `CASE WHEN grouping(t) = 1 THEN ${rangeS} ELSE ${gran} END`;
  const values = spec.calculations.flatMap((calc, i) => {
    const out = [`${aggregate(calc, valueColumns, divisor)} AS v${i}`];
    if (calc.op === "HEATMAP") {
      const c = valueColumns.get(`c:${calc.column}`);
      out.push(`any_value(lo_${c}) AS lo${i}`, `any_value(hi_${c}) AS hi${i}`);
    }
    return out;
  });
  const sql =
    `WITH ${ctes.join(",\n")}\n` +
    `SELECT grouping(t) AS total, ${[...keys, "t"].join(", ")}, ${values.join(", ")}\n` +
    `FROM ${from}\n` +
    `GROUP BY GROUPING SETS ((${keys.join(", ")}), (${[...keys, "t"].join(", ")}))\n` +
    `ORDER BY ${groups.length > 0 ? "rank, " : ""}total DESC, t`;

  let concurrency: string | undefined;
  if (spec.calculations.some((c) => c.op === "CONCURRENCY")) {
    concurrency = concurrencySql(spec, groupExprs, filterSql, ctes);
  }
  return {
    sql,
    concurrency,
    params: p.values,
    types: p.types,
    breakdowns: spec.breakdowns,
    calculations: spec.calculations.map((c) => ({ key: calculationKey(c), op: c.op })),
  };
}

/**
 * Spans in progress per group and bucket: every span passing the filters whose `[start, end)`
 * overlaps the range, counted in each bucket of the range it overlaps (a zero-length span in
 * the bucket of its start).
 */
function concurrencySql(
  spec: QuerySpec,
  groupExprs: string[],
  filterSql: string,
  ctes: string[],
): string {
  // Numbers computed here, not request text: literals, so the main query's parameters still fit.
  const stepNs = `${BigInt(spec.granularity_s) * 1_000_000_000n}::BIGINT`;
  const startNs = `${BigInt(spec.start.getTime()) * 1_000_000n}::BIGINT`;
  const endNs = `${BigInt(spec.end.getTime()) * 1_000_000n}::BIGINT`;
  const first = `(${startNs} // ${stepNs})`;
  const last = `((${endNs} - 1) // ${stepNs})`;
  const lo = `greatest(start_time_unix_nano // ${stepNs}, ${first})`;
  const hi = `least(greatest(end_time_unix_nano - 1, start_time_unix_nano) // ${stepNs}, ${last})`;
  const cbase =
    `cbase AS (SELECT ${[...groupExprs.map((g, i) => `${g} AS g${i}`), `${lo} AS lo`, `${hi} AS hi`].join(", ")} FROM spans` +
    ` WHERE start_time_unix_nano < ${endNs} AND end_time_unix_nano > ${startNs} AND ${filterSql})`;
  const groups = groupExprs.map((_, i) => `g${i}`);
  const join =
    groups.length > 0
      ? ` JOIN top ON ${groups.map((g) => `cbase.${g} IS NOT DISTINCT FROM top.${g}`).join(" AND ")}`
      : "";
  return (
    `WITH ${[...ctes, cbase].join(",\n")}\n` +
    `SELECT ${groups.length > 0 ? "rank" : "1 AS rank"}, bi, count(*) AS n FROM` +
    ` (SELECT ${groups.length > 0 ? "rank, " : ""}unnest(range(lo, hi + 1)) AS bi FROM cbase${join})` +
    ` GROUP BY ALL`
  );
}

const QUANTILES: Partial<Record<CalculationOp, string>> = {
  P50: "0.5",
  P90: "0.9",
  P95: "0.95",
  P99: "0.99",
};

/** Quantile of a percentile op (0.5 for P50, ...). */
export const quantileOf = (op: CalculationOp): number => Number(QUANTILES[op]);

/** The aggregate of one calculation; `seconds` is the SQL of a RATE_SUM's divisor. */
function aggregate(calc: Calculation, valueColumns: Map<string, string>, seconds: string): string {
  if (calc.op === "COUNT") return "count(*)";
  if (calc.op === "CONCURRENCY") return "NULL::DOUBLE";
  if (calc.op === "COUNT_DISTINCT")
    return `count(DISTINCT ${valueColumns.get(`d:${calc.column}`)})`;
  const c = valueColumns.get(`c:${calc.column}`);
  switch (calc.op) {
    case "SUM":
    case "AVG":
    case "MIN":
    case "MAX":
      return `${calc.op.toLowerCase()}(${c})`;
    case "RATE_SUM":
      return `sum(${c}) / ${seconds}`;
    case "RATE_AVG":
      return `avg(${c})`;
    case "HEATMAP": {
      const [lo, hi] = [`lo_${c}`, `hi_${c}`];
      return (
        `histogram(CASE WHEN ${c} IS NULL OR NOT isfinite(${c}) THEN NULL WHEN ${hi} = ${lo} THEN 0 ` +
        `ELSE least(floor((${c} - ${lo}) / ((${hi} - ${lo}) / ${HEATMAP_BUCKETS})), ${HEATMAP_BUCKETS - 1})::INTEGER END)`
      );
    }
    default:
      return `quantile_cont(${c}, ${QUANTILES[calc.op]})`;
  }
}

/** A numeric column: the fixed one, else the attribute from `attr_num`. */
function numeric(column: string, p: Params): string {
  return p.column(column)?.sql ?? attr("attr_num", column, p);
}

/** A column's value as a breakdown shows it: a fixed column as is, an attribute as text. */
export function textValue(column: string, p: Params): string {
  const fixed = p.column(column);
  if (fixed !== undefined) return fixed.sql;
  const num = attr("attr_num", column, p);
  const numText =
    `CASE WHEN ${num} = trunc(${num}) AND abs(${num}) < 1e15 ` +
    `THEN CAST(CAST(${num} AS BIGINT) AS VARCHAR) ELSE CAST(${num} AS VARCHAR) END`;
  return `coalesce(${attr("attr_str", column, p)}, ${numText}, CAST(${attr("attr_bool", column, p)} AS VARCHAR))`;
}

/** A filter group as SQL; an empty AND is TRUE, an empty OR FALSE. */
export function filterTree(group: FilterGroup, p: Params): string {
  if (group.filters.length === 0) return group.op === "AND" ? "TRUE" : "FALSE";
  const parts = group.filters.map((f) => ("filters" in f ? filterTree(f, p) : filter(f, p)));
  return `(${parts.join(` ${group.op} `)})`;
}

function filter(f: Filter, p: Params): string {
  const fixed = p.column(f.column);
  if (f.op === "exists" || f.op === "not-exists") {
    let present: string;
    if (fixed === undefined) {
      const maps: AttrMap[] = ["attr_str", "attr_num", "attr_bool"];
      present = `(${maps.map((m) => `map_contains(${m}, ${p.add(f.column, VARCHAR)})`).join(" OR ")})`;
    } else {
      present = fixed.type === "string" ? `(${fixed.sql} <> '')` : "TRUE";
    }
    return f.op === "exists" ? present : `NOT ${present}`;
  }
  const values = Array.isArray(f.value) ? f.value : [f.value as Scalar];
  const target = fixed?.sql ?? attr(attrMap(f, values[0]), f.column, p);
  const param = (v: Scalar) => (fixed?.type === "timestamp" ? p.time(v as string) : p.scalar(v));
  switch (f.op) {
    case "contains":
      return `coalesce(contains(${target}, ${param(values[0])}), FALSE)`;
    case "in":
      return `coalesce(${target} IN (${values.map(param).join(", ")}), FALSE)`;
    case "!=":
      return `${target} IS DISTINCT FROM ${param(values[0])}`;
    default:
      return `coalesce(${target} ${f.op} ${param(values[0])}, FALSE)`;
  }
}

function attrMap(f: Filter, value: Scalar): AttrMap {
  if (f.op === "contains" || typeof value === "string") return "attr_str";
  return typeof value === "number" ? "attr_num" : "attr_bool";
}
