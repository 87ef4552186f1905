import { BIGINT, type DuckDBConnection, type JS, VARCHAR } from "@duckdb/node-api";
import type {
  CalculationValues,
  Filter,
  Group,
  MetricOp,
  QueryResult,
  Scalar,
} from "@sonde/protocol/query";
import { Params } from "./compile.js";
import { QueryError } from "./errors.js";
import { bucketQuantile, heatmapOf, type MergedBuckets } from "./histogram.js";
import { jsonScalar } from "./json.js";
import { type MetricQuerySpec, OPS_BY_KIND, parseMetricQuery } from "./metric-spec.js";

type Row = Record<string, JS>;

const DEFAULT_OP: Record<string, MetricOp> = {
  counter: "RATE",
  gauge: "AVG",
  constant: "LAST",
  distribution: "P99",
};

const QUANTILES: Partial<Record<MetricOp, number>> = { P50: 0.5, P90: 0.9, P95: 0.95, P99: 0.99 };

/** A name's value in the series' identity or tags, as text (like a span attribute's). */
function label(name: string, p: Params): string {
  const k = p.add(name, VARCHAR);
  const num = `map_extract_value(tag_num, ${k})`;
  const numText =
    `CASE WHEN ${num} = trunc(${num}) AND abs(${num}) < 1e15 ` +
    `THEN CAST(CAST(${num} AS BIGINT) AS VARCHAR) ELSE CAST(${num} AS VARCHAR) END`;
  return `coalesce(map_extract_value(identity, ${k}), map_extract_value(tag_str, ${k}), ${numText}, CAST(map_extract_value(tag_bool, ${k}) AS VARCHAR))`;
}

/** A filter on the series table: strings match identity then string tags; numbers, bools tags. */
function filter(f: Filter, p: Params): string {
  const k = p.add(f.column, VARCHAR);
  if (f.op === "exists" || f.op === "not-exists") {
    const present = ["identity", "tag_str", "tag_num", "tag_bool"]
      .map((m) => `map_contains(${m}, ${k})`)
      .join(" OR ");
    return f.op === "exists" ? `(${present})` : `NOT (${present})`;
  }
  const values = Array.isArray(f.value) ? f.value : [f.value as Scalar];
  const first = values[0];
  const target =
    f.op === "contains" || typeof first === "string"
      ? `coalesce(map_extract_value(identity, ${k}), map_extract_value(tag_str, ${k}))`
      : `map_extract_value(${typeof first === "number" ? "tag_num" : "tag_bool"}, ${k})`;
  switch (f.op) {
    case "contains":
      return `contains(${target}, ${p.scalar(first)})`;
    case "in":
      return `${target} IN (${values.map((v) => p.scalar(v)).join(", ")})`;
    case "!=":
      return `${target} IS DISTINCT FROM ${p.scalar(first)}`;
    default:
      return `${target} ${f.op} ${p.scalar(first)}`;
  }
}

/**
 * The per-series RATE of one window, Prometheus 2.x `extrapolatedRate` (promql/functions.go)
 * in SQL over a series' samples in the window [rs, re): with n ≥ 2 samples, the increase dv
 * between the first and last (resets handled) is extrapolated to the window: towards each edge
 * by the distance to it when that is under 1.1 × the average gap between samples, else by half
 * a gap; towards the start no further than where the counter would have been 0
 * (`sampled × first value / dv`); then divided by the window length in seconds.
 */
const RATE_SQL = `CASE WHEN n < 2 OR sampled <= 0 THEN NULL ELSE
  dv * (sampled
    + CASE WHEN to_start < gap * 1.1 THEN to_start ELSE gap / 2 END
    + CASE WHEN to_end < gap * 1.1 THEN to_end ELSE gap / 2 END) / sampled / range_s END`;

/** SQL for counters, gauges and constants: one row per group and time bucket (b NULL: total). */
function scalarSql(sel: string, gs: string[], range: string, g: string): string {
  const keys = gs.length ? `${gs.join(", ")}, ` : "";
  return `WITH ${sel},
per AS (
  SELECT s.series, ${keys}s.t // ${g} AS b, count(*) AS n, min(s.t) AS t0, max(s.t) AS t1,
    arg_min(s.value, s.t) AS v0, arg_max(s.value, s.t) AS v1, sum(s.increase) AS inc,
    sum(s.increase) - arg_min(s.increase, s.t) AS dv, sum(s.value) AS vsum,
    min(s.value) AS vmin, max(s.value) AS vmax
  FROM metric_samples s JOIN sel ON s.series = sel.id WHERE ${range}
  GROUP BY GROUPING SETS ((s.series, ${keys}b), (s.series${gs.length ? `, ${gs.join(", ")}` : ""}))
),
win AS (
  SELECT *, CASE WHEN b IS NULL THEN $2 ELSE greatest(b * ${g}, $2) END AS rs,
    CASE WHEN b IS NULL THEN $3 ELSE least((b + 1) * ${g}, $3) END AS re FROM per
),
x AS (
  SELECT *, (t1 - t0) / 1e9 AS sampled, (re - t1) / 1e9 AS to_end, (re - rs) / 1e9 AS range_s,
    (t1 - t0) / 1e9 / greatest(n - 1, 1) AS gap,
    CASE WHEN dv > 0 AND v0 >= 0 THEN least((t0 - rs) / 1e9, (t1 - t0) / 1e9 * v0 / dv)
      ELSE (t0 - rs) / 1e9 END AS to_start
  FROM win
)
SELECT ${keys}b, sum(${RATE_SQL}) AS "RATE", sum(inc) AS "INCREASE", sum(v1) AS "LAST",
  sum(vsum) / sum(n) AS "AVG", min(vmin) AS "MIN", max(vmax) AS "MAX"
FROM x GROUP BY ${keys}b`;
}

/** SQL for distributions: count, sum, min and max per group and time bucket (b NULL: total). */
function distributionSql(sel: string, gs: string[], range: string, g: string): string {
  const keys = gs.length ? `${gs.join(", ")}, ` : "";
  return `WITH ${sel}
SELECT ${keys}d.t // ${g} AS b, sum(d.count) AS "COUNT", sum(d.sum) AS "SUM", min(d.min) AS lo,
  max(d.max) AS hi
FROM metric_distributions d JOIN sel ON d.series = sel.id WHERE ${range.replaceAll("s.t", "d.t")}
GROUP BY GROUPING SETS ((${keys}b), (${gs.join(", ")}))`;
}

/** SQL for merged bucket counts per group, time bucket (b NULL: total) and upper bound. */
function bucketSql(sel: string, gs: string[], range: string, g: string): string {
  const keys = gs.length ? `${gs.join(", ")}, ` : "";
  return `WITH ${sel}
SELECT ${keys}k.t // ${g} AS b,
  CASE WHEN k.bucket < len(sel.bounds) THEN sel.bounds[k.bucket + 1] ELSE 'inf'::DOUBLE END AS le,
  sum(k.count) AS n
FROM metric_buckets k JOIN sel ON k.series = sel.id WHERE ${range.replaceAll("s.t", "k.t")}
GROUP BY GROUPING SETS ((${keys}b, le), (${keys}le)) ORDER BY le`;
}

interface GroupValues {
  group: Group;
  total: CalculationValues;
  points: Map<number, CalculationValues>;
}

/**
 * Runs a `metrics` query (`MetricQueryRequest` in `@sonde/protocol/query`, which documents the
 * semantics of each op) over the metric tables, answering like a spans query: one total per
 * group, ordered by the first non-HEATMAP calculation descending (NULLs last, ties by group
 * values) and limited, and the same groups' series with every time bucket of the range.
 * @throws {QueryError} when the request is invalid, the metric is unknown (`metric`), or an op
 *   does not fit the metric's kind (`calculations[i].op`); DuckDB errors propagate unchanged.
 */
export async function runMetricQuery(
  conn: DuckDBConnection,
  request: unknown,
  now: Date = new Date(),
): Promise<QueryResult> {
  const spec = parseMetricQuery(request, now);
  const found = (
    await conn.runAndReadAll(
      "SELECT kind, value_type FROM metric_series WHERE name = $1 ORDER BY defined_unix_nano DESC LIMIT 1",
      [spec.metric],
    )
  ).getRowObjectsJS()[0];
  if (found === undefined) throw new QueryError("metric", `unknown metric ${spec.metric}`);
  const kind = String(found.kind);
  if (found.value_type === "string") {
    throw new QueryError("metric", `${spec.metric} has string values; no calculation applies`);
  }
  const ops = spec.ops.length ? spec.ops : [DEFAULT_OP[kind]];
  ops.forEach((op, i) => {
    if (!OPS_BY_KIND[kind].includes(op)) {
      throw new QueryError(
        `calculations[${i}].op`,
        `${op} does not apply to ${spec.metric}, a ${kind}; use one of ${OPS_BY_KIND[kind].join(" ")}`,
      );
    }
  });

  const p = new Params();
  p.add(spec.metric, VARCHAR);
  const startNs = BigInt(spec.start.getTime()) * 1_000_000n;
  const endNs = BigInt(spec.end.getTime()) * 1_000_000n;
  p.add(startNs, BIGINT);
  p.add(endNs, BIGINT);
  const g = p.add(BigInt(spec.granularity_s) * 1_000_000_000n, BIGINT);
  const gs = spec.breakdowns.map((_, i) => `g${i}`);
  const labels = spec.breakdowns.map((b, i) => `, ${label(b, p)} AS g${i}`).join("");
  const where = ["name = $1", ...spec.filters.map((f) => filter(f, p))].join(" AND ");
  const sel = `sel AS (SELECT id, bounds${labels} FROM metric_series WHERE ${where})`;
  const range = "s.t >= $2 AND s.t < $3";
  const run = async (sql: string) =>
    (await conn.runAndReadAll(sql, p.values, p.types)).getRowObjectsJS();

  const groups = new Map<string, GroupValues>();
  const valuesAt = (row: Row): CalculationValues => {
    const group = Object.fromEntries(spec.breakdowns.map((b, i) => [b, jsonScalar(row[`g${i}`])]));
    const key = JSON.stringify(group);
    let entry = groups.get(key);
    if (!entry) {
      entry = { group, total: {}, points: new Map() };
      groups.set(key, entry);
    }
    if (row.b === null) return entry.total;
    const time = Number(row.b) * spec.granularity_s * 1000;
    let values = entry.points.get(time);
    if (!values) {
      values = {};
      entry.points.set(time, values);
    }
    return values;
  };

  if (kind === "distribution") {
    const extremes = new Map<CalculationValues, { lo: number | null; hi: number | null }>();
    for (const row of await run(distributionSql(sel, gs, range, g))) {
      const values = valuesAt(row);
      values.COUNT = jsonScalar(row.COUNT) as number | null;
      values.SUM = jsonScalar(row.SUM) as number | null;
      extremes.set(values, {
        lo: jsonScalar(row.lo) as number | null,
        hi: jsonScalar(row.hi) as number | null,
      });
    }
    const merged = new Map<CalculationValues, MergedBuckets>();
    for (const row of await run(bucketSql(sel, gs, range, g))) {
      const values = valuesAt(row);
      let m = merged.get(values);
      if (!m) {
        m = { le: [], counts: [] };
        merged.set(values, m);
      }
      m.le.push(row.le as number);
      m.counts.push(Number(row.n));
    }
    for (const [values, m] of merged) {
      const { lo, hi } = extremes.get(values) ?? { lo: null, hi: null };
      for (const op of ops) {
        if (op === "HEATMAP") values.HEATMAP = heatmapOf(m, lo, hi);
        const q = QUANTILES[op];
        if (q !== undefined) values[op] = bucketQuantile(q, m);
      }
    }
  } else {
    for (const row of await run(scalarSql(sel, gs, range, g))) {
      const values = valuesAt(row);
      for (const op of ops) values[op] = jsonScalar(row[op]) as number | null;
    }
  }
  return assemble(spec, ops, [...groups.values()]);
}

function emptyValues(ops: MetricOp[]): CalculationValues {
  return Object.fromEntries(
    ops.map((op) => [op, op === "COUNT" ? 0 : op === "HEATMAP" ? { buckets: [] } : null]),
  );
}

/** Orders and limits the groups, and fills every time bucket of the range. */
function assemble(spec: MetricQuerySpec, ops: MetricOp[], groups: GroupValues[]): QueryResult {
  if (spec.breakdowns.length === 0 && groups.length === 0) {
    groups.push({ group: {}, total: {}, points: new Map() });
  }
  const orderOp = ops.find((op) => op !== "HEATMAP");
  const order = (g: GroupValues) => (orderOp ? (g.total[orderOp] as number | null) : null) ?? null;
  groups.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
    return JSON.stringify(a.group) < JSON.stringify(b.group) ? -1 : 1;
  });
  const kept = groups.slice(0, spec.limit);
  const step = spec.granularity_s * 1000;
  const times: number[] = [];
  for (let t = Math.floor(spec.start.getTime() / step) * step; t < spec.end.getTime(); t += step) {
    times.push(t);
  }
  const filled = (values: CalculationValues | undefined) => ({ ...emptyValues(ops), ...values });
  return {
    totals: kept.map((g) => ({ group: g.group, values: filled(g.total) })),
    series: kept.map((g) => ({
      group: g.group,
      points: times.map((time) => ({
        time: new Date(time).toISOString(),
        values: filled(g.points.get(time)),
      })),
    })),
  };
}
