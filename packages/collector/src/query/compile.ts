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
  type Scalar,
} from "@sonde/protocol/query";
import { type QuerySpec, spanColumn } from "./spec.js";

/** Number of equal-width HEATMAP buckets between the column's min and max. */
export const HEATMAP_BUCKETS = 20;

/**
 * DuckDB SQL for a query, with its parameters (`$1`, `$2`, ... with explicit types). Nothing
 * from the request is SQL text: values and attribute names are all parameters.
 *
 * One row per group (`total` = 1) and one per group and time bucket (`total` = 0), in the
 * order of the groups then time. Columns: `total`; `rank` (1-based group order, only with
 * breakdowns); `t` (bucket start, TIMESTAMP; NULL on total rows); `g0`, `g1`, ... (breakdown
 * values); `v0`, `v1`, ... (one per calculation; a HEATMAP's is a MAP of bucket index to count,
 * with its column's range in `lo<i>`/`hi<i>`).
 */
export interface CompiledQuery {
  sql: string;
  params: DuckDBValue[];
  types: DuckDBType[];
  breakdowns: string[];
  calculations: { key: string; op: CalculationOp }[];
}

/** Collects parameters; `add` returns the placeholder to put in the SQL. */
class Params {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];

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

/**
 * Compiles a validated query. Semantics:
 * - rows with `start <= timestamp < end` that pass every filter;
 * - a fixed span column (`SPAN_COLUMNS`) by name, anything else an attribute, looked up in the
 *   map its use implies: numbers (`> >= < <=`, a number value, SUM/AVG/MIN/MAX/Pxx/HEATMAP) in
 *   `attr_num`, booleans in `attr_bool`, strings and `contains` in `attr_str`;
 * - `!=` also matches rows without the attribute; `exists` on a fixed string column means
 *   non-empty (a root span's `parent_span_id` does not exist); `contains` is case-sensitive;
 * - a breakdown on an attribute is its value as text from whichever map holds it (strings
 *   first, then numbers with integers rendered without `.0`, then `true`/`false`), NULL when absent;
 * - percentiles are exact: `quantile_cont`, linear interpolation between the two nearest ranks;
 * - groups are ordered by the first non-HEATMAP calculation, descending, NULLs last (COUNT if
 *   there is none), ties by group values, then the first `limit` kept;
 * - HEATMAP: {@link HEATMAP_BUCKETS} equal-width buckets over the column's [min, max] among the
 *   rows of the kept groups, shared by all groups and time buckets so they can be compared;
 *   a value falls in bucket floor((v - min) / width), the max in the last one; NaN and
 *   infinities are left out.
 */
export function compileQuery(spec: QuerySpec): CompiledQuery {
  const p = new Params();
  const bucket = `time_bucket(to_seconds(${p.add(spec.granularity_s, DOUBLE)}), "timestamp", TIMESTAMP '1970-01-01')`;
  const select = [
    `${bucket} AS t`,
    ...spec.breakdowns.map((b, i) => `${breakdown(b, p)} AS g${i}`),
  ];
  const valueColumns = new Map<string, string>();
  for (const calc of spec.calculations) {
    if (calc.column === undefined || valueColumns.has(calc.column)) continue;
    const alias = `c${valueColumns.size}`;
    valueColumns.set(calc.column, alias);
    select.push(`${numeric(calc.column, p)} AS ${alias}`);
  }
  const where = [
    `"timestamp" >= ${p.time(spec.start)}`,
    `"timestamp" < ${p.time(spec.end)}`,
    ...spec.filters.map((f) => filter(f, p)),
  ];
  const groups = spec.breakdowns.map((_, i) => `g${i}`);
  const ctes = [`base AS (SELECT ${select.join(", ")} FROM spans WHERE ${where.join(" AND ")})`];

  const agg = (calc: Calculation) => aggregate(calc, valueColumns);
  const orderCalc = spec.calculations.find((c) => c.op !== "HEATMAP") ?? { op: "COUNT" };
  if (groups.length > 0) {
    const tieBreak = groups.map((g) => `${g} NULLS LAST`).join(", ");
    ctes.push(
      `top AS (SELECT ${groups.join(", ")}, row_number() OVER (ORDER BY ${agg(orderCalc)} DESC NULLS LAST, ${tieBreak}) AS rank` +
        ` FROM base GROUP BY ${groups.join(", ")} QUALIFY rank <= ${p.add(spec.limit, DOUBLE)})`,
      `scoped AS (SELECT base.*, top.rank FROM base JOIN top ON ${groups.map((g) => `base.${g} IS NOT DISTINCT FROM top.${g}`).join(" AND ")})`,
    );
  } else {
    ctes.push("scoped AS (SELECT * FROM base)");
  }

  const heatmapColumns = [...valueColumns].filter(([column]) =>
    spec.calculations.some((c) => c.op === "HEATMAP" && c.column === column),
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
  const values = spec.calculations.flatMap((calc, i) => {
    const out = [`${agg(calc)} AS v${i}`];
    const c = calc.column === undefined ? undefined : valueColumns.get(calc.column);
    if (calc.op === "HEATMAP")
      out.push(`any_value(lo_${c}) AS lo${i}`, `any_value(hi_${c}) AS hi${i}`);
    return out;
  });
  const sql =
    `WITH ${ctes.join(",\n")}\n` +
    `SELECT grouping(t) AS total, ${[...keys, "t"].join(", ")}, ${values.join(", ")}\n` +
    `FROM ${from}\n` +
    `GROUP BY GROUPING SETS ((${keys.join(", ")}), (${[...keys, "t"].join(", ")}))\n` +
    `ORDER BY ${groups.length > 0 ? "rank, " : ""}total DESC, t`;
  return {
    sql,
    params: p.values,
    types: p.types,
    breakdowns: spec.breakdowns,
    calculations: spec.calculations.map((c) => ({ key: calculationKey(c), op: c.op })),
  };
}

const QUANTILES: Partial<Record<CalculationOp, string>> = {
  P50: "0.5",
  P90: "0.9",
  P95: "0.95",
  P99: "0.99",
};

function aggregate(calc: Calculation, valueColumns: Map<string, string>): string {
  if (calc.column === undefined) return "count(*)";
  const c = valueColumns.get(calc.column);
  switch (calc.op) {
    case "SUM":
    case "AVG":
    case "MIN":
    case "MAX":
      return `${calc.op.toLowerCase()}(${c})`;
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
  return spanColumn(column)?.sql ?? attr("attr_num", column, p);
}

function breakdown(column: string, p: Params): string {
  const fixed = spanColumn(column);
  if (fixed !== undefined) return fixed.sql;
  const num = attr("attr_num", column, p);
  const numText =
    `CASE WHEN ${num} = trunc(${num}) AND abs(${num}) < 1e15 ` +
    `THEN CAST(CAST(${num} AS BIGINT) AS VARCHAR) ELSE CAST(${num} AS VARCHAR) END`;
  return `coalesce(${attr("attr_str", column, p)}, ${numText}, CAST(${attr("attr_bool", column, p)} AS VARCHAR))`;
}

function filter(f: Filter, p: Params): string {
  const fixed = spanColumn(f.column);
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
      return `contains(${target}, ${param(values[0])})`;
    case "in":
      return `${target} IN (${values.map(param).join(", ")})`;
    case "!=":
      return `${target} IS DISTINCT FROM ${param(values[0])}`;
    default:
      return `${target} ${f.op} ${param(values[0])}`;
  }
}

function attrMap(f: Filter, value: Scalar): AttrMap {
  if (f.op === "contains" || typeof value === "string") return "attr_str";
  return typeof value === "number" ? "attr_num" : "attr_bool";
}
