import type { DuckDBConnection, JS } from "@duckdb/node-api";
import type { CalculationValues, HeatmapValue, QueryResult } from "@sonde/protocol/query";
import { type CompiledQuery, compileQuery, HEATMAP_BUCKETS } from "./compile.js";
import { jsonScalar } from "./json.js";
import { runMetricQuery } from "./metric-run.js";
import { parseQuery, type QuerySpec } from "./spec.js";

type Row = Record<string, JS>;

/**
 * Runs a query: `dataset: "metrics"` over the metric tables ({@link runMetricQuery}), else over
 * the `spans` table. See {@link parseQuery} for validation and defaults and
 * {@link compileQuery} for semantics (attribute maps, ordering, percentiles, HEATMAP buckets).
 * @param conn an open connection to a database with the tables (`SPANS_DDL`, `METRIC_DDL`).
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
  const query = compileQuery(spec);
  const reader = await conn.runAndReadAll(query.sql, query.params, query.types);
  const totals: QueryResult["totals"] = [];
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
  const series = totals.map(({ group }, i) => ({
    group,
    points: times.map((time) => ({
      time: new Date(time).toISOString(),
      values: pointsByGroup[i].get(time) ?? emptyValues(query),
    })),
  }));
  return { totals, series };
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
      op === "COUNT" ? 0 : op === "HEATMAP" ? { buckets: [] } : null,
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
