import type { DuckDBConnection, JS } from "@duckdb/node-api";
import type { CalculationValues, HeatmapValue, QueryResult } from "@sonde/protocol/query";
import { type CompiledQuery, compileQuery, HEATMAP_BUCKETS } from "./compile.js";
import { jsonScalar } from "./json.js";
import { runMetricQuery } from "./metric-run.js";
import { compare, pickRollup, runRollupQuery } from "./rollup.js";
import { parseQuery, type QuerySpec } from "./spec.js";

type Row = Record<string, JS>;

/**
 * Runs a query: `dataset: "metrics"` over the metric tables ({@link runMetricQuery}); `events`,
 * `logs`, `errors` over their tables ({@link compileQuery}); else over spans: from the rollups when one covers the query ({@link pickRollup}; percentiles and
 * HEATMAP are then estimates and the answer says so), else from the `spans` table
 * ({@link compileQuery}). With `compare`, runs the query again over the shifted range for the
 * same groups. See {@link parseQuery} for validation and defaults.
 * @param conn an open connection to a database with the tables (`SPAN_TABLES_DDL`, `METRIC_DDL`).
 * @param request the request JSON (a `QueryRequest`), unvalidated.
 * @param now the end of a relative time range; defaults to the current time.
 * @throws {QueryError} when the request is invalid; DuckDB errors propagate unchanged.
 */
export async function runQuery(
  conn: DuckDBConnection,
  request: unknown,
  now: Date = new Date(),
): Promise<QueryResult> {
  if ((request as { dataset?: unknown } | null)?.dataset === "metrics") {
    return runMetricQuery(conn, request, now);
  }
  const spec = parseQuery(request, now);
  const result = await runSpec(conn, spec);
  if (spec.compare_offset_s !== undefined) {
    result.compare = await previousPeriod(conn, spec, spec.compare_offset_s, result);
  }
  return result;
}

/** Runs a validated query, from rollups when possible (spans only). */
export async function runSpec(conn: DuckDBConnection, spec: QuerySpec): Promise<QueryResult> {
  const rollup = spec.dataset === "spans" ? pickRollup(spec) : undefined;
  if (rollup !== undefined) return runRollupQuery(conn, spec, rollup);
  return runRaw(conn, spec);
}

async function runRaw(conn: DuckDBConnection, spec: QuerySpec): Promise<QueryResult> {
  const query = compileQuery(spec);
  const reader = await conn.runAndReadAll(query.sql, query.params, query.types);
  let totals: QueryResult["totals"] = [];
  const pointsByGroup: Map<number, CalculationValues>[] = [];
  // Rows come ordered by group, each group's total row first, then its time buckets.
  for (const row of reader.getRowObjectsJS()) {
    if (Number(row.total) === 1) {
      const group = Object.fromEntries(
        query.breakdowns.map((b, i) => [b, jsonScalar(row[`g${i}`])]),
      );
      totals.push({ group, values: rowValues(query, row) });
      pointsByGroup.push(new Map());
    } else {
      pointsByGroup[pointsByGroup.length - 1].set((row.t as Date).getTime(), rowValues(query, row));
    }
  }
  const times = bucketStarts(spec);
  let series = totals.map(({ group }, i) => ({
    group,
    points: times.map((time) => ({
      time: new Date(time).toISOString(),
      values: pointsByGroup[i].get(time) ?? emptyValues(query),
    })),
  }));
  if (query.concurrency !== undefined) {
    await addConcurrency(conn, query, spec, totals, series);
  }
  finishRateAvg(query, spec, totals, series);
  if (spec.breakdowns.length === 0 && spec.having.length > 0) {
    const pass = spec.having.every((h) =>
      compare(totals[0].values[h.calculation] as number | null, h.op, h.value),
    );
    if (!pass) [totals, series] = [[], []];
  }
  return { totals, series };
}

/** Fills CONCURRENCY: per bucket from the concurrency query, totals the peak. */
async function addConcurrency(
  conn: DuckDBConnection,
  query: CompiledQuery,
  spec: QuerySpec,
  totals: QueryResult["totals"],
  series: QueryResult["series"],
): Promise<void> {
  const reader = await conn.runAndReadAll(query.concurrency as string, query.params, query.types);
  const step = spec.granularity_s * 1000;
  const counts = new Map<string, number>();
  for (const row of reader.getRowObjectsJS()) {
    counts.set(`${Number(row.rank)}/${Number(row.bi) * step}`, Number(row.n));
  }
  for (const { key, op } of query.calculations) {
    if (op !== "CONCURRENCY") continue;
    series.forEach((s, i) => {
      let peak = 0;
      for (const point of s.points) {
        const n = counts.get(`${i + 1}/${Date.parse(point.time)}`) ?? 0;
        point.values[key] = n;
        peak = Math.max(peak, n);
      }
      totals[i].values[key] = peak;
    });
  }
}

/** Turns each RATE_AVG's per-bucket AVG into the per-second change; totals the mean rate. */
function finishRateAvg(
  query: CompiledQuery,
  spec: QuerySpec,
  totals: QueryResult["totals"],
  series: QueryResult["series"],
): void {
  for (const { key, op } of query.calculations) {
    if (op !== "RATE_AVG") continue;
    series.forEach((s, i) => {
      const avgs = s.points.map((point) => point.values[key] as number | null);
      const rates: number[] = [];
      s.points.forEach((point, j) => {
        const [prev, cur] = [avgs[j - 1] ?? null, avgs[j]];
        const rate = prev === null || cur === null ? null : (cur - prev) / spec.granularity_s;
        point.values[key] = rate;
        if (rate !== null) rates.push(rate);
      });
      totals[i].values[key] = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
    });
  }
}

/** The same groups over the range shifted back by `offset_s` (see `QueryResult.compare`). */
async function previousPeriod(
  conn: DuckDBConnection,
  spec: QuerySpec,
  offsetS: number,
  main: QueryResult,
): Promise<NonNullable<QueryResult["compare"]>> {
  const shift = offsetS * 1000;
  const start = new Date(spec.start.getTime() - shift);
  const end = new Date(spec.end.getTime() - shift);
  const prev = await runSpec(conn, { ...spec, start, end, having: [], limit: 1000 });
  const byGroup = new Map(prev.series.map((s, i) => [JSON.stringify(s.group), i]));
  const step = spec.granularity_s * 1000;
  const empty = emptyValues(compileQuery(spec));
  const totals = main.totals.map(({ group }) => {
    const i = byGroup.get(JSON.stringify(group));
    return { group, values: i === undefined ? empty : prev.totals[i].values };
  });
  const series = main.series.map(({ group, points }) => {
    const i = byGroup.get(JSON.stringify(group));
    const prevPoints = new Map(
      (i === undefined ? [] : prev.series[i].points).map((pt) => [Date.parse(pt.time), pt]),
    );
    return {
      group,
      points: points.map((pt) => {
        const t = Math.floor((Date.parse(pt.time) - shift) / step) * step;
        return { time: new Date(t).toISOString(), values: prevPoints.get(t)?.values ?? empty };
      }),
    };
  });
  return {
    offset_s: offsetS,
    time_range: { start: start.toISOString(), end: end.toISOString() },
    totals,
    series,
  };
}

function rowValues(query: CompiledQuery, row: Row): CalculationValues {
  const values: CalculationValues = {};
  query.calculations.forEach(({ key, op }, i) => {
    values[key] =
      op === "HEATMAP"
        ? heatmap(row[`v${i}`], row[`lo${i}`], row[`hi${i}`])
        : (jsonScalar(row[`v${i}`]) as number | null);
  });
  return values;
}

/** Bucket bounds from the column's range, as the SQL computed the bucket index. */
function heatmap(histogram: JS, lo: JS, hi: JS): HeatmapValue {
  if (!Array.isArray(histogram) || typeof lo !== "number" || typeof hi !== "number") {
    return { buckets: [] };
  }
  const width = (hi - lo) / HEATMAP_BUCKETS;
  const buckets = histogram.map((entry) => {
    const { key, value } = entry as { key: number; value: bigint };
    const last = hi === lo || key === HEATMAP_BUCKETS - 1;
    return {
      lower: lo + key * width,
      upper: last ? hi : lo + (key + 1) * width,
      count: Number(value),
    };
  });
  return { buckets: buckets.sort((a, b) => a.lower - b.lower) };
}

function emptyValues(query: CompiledQuery): CalculationValues {
  return Object.fromEntries(
    query.calculations.map(({ key, op }) => [
      key,
      op === "COUNT" || op === "CONCURRENCY" ? 0 : op === "HEATMAP" ? { buckets: [] } : null,
    ]),
  );
}

/** Start (epoch ms) of every time bucket overlapping [start, end), aligned to the epoch. */
function bucketStarts(spec: QuerySpec): number[] {
  const step = spec.granularity_s * 1000;
  const times: number[] = [];
  for (let t = Math.floor(spec.start.getTime() / step) * step; t < spec.end.getTime(); t += step) {
    times.push(t);
  }
  return times;
}
