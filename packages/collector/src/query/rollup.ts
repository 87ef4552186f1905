import { DOUBLE, type DuckDBConnection, type JS } from "@duckdb/node-api";
import {
  type Calculation,
  type CalculationValues,
  calculationKey,
  type FilterGroup,
  type Group,
  type HeatmapValue,
  type QueryResult,
} from "@sonde/protocol/query";
import {
  bucketValue,
  DIM_SQL,
  ROLLUPS,
  type Rollup,
  rollupSelect,
  SKETCH_ALPHA,
  SKETCH_GAMMA,
  SKETCH_MIN_MS,
  SKETCH_OVERFLOW,
} from "../storage/rollups.js";
import { filterTree, HEATMAP_BUCKETS, Params, quantileOf } from "./compile.js";
import { jsonScalar } from "./json.js";
import type { QuerySpec } from "./spec.js";

const MINUTE = 60_000;
const EXACT_OPS = new Set(["COUNT", "SUM", "AVG", "MIN", "MAX", "RATE_SUM"]);
const SKETCH_OPS = new Set(["P50", "P90", "P95", "P99", "HEATMAP"]);

function filterColumns(group: FilterGroup, out: string[] = []): string[] {
  for (const f of group.filters) {
    if ("filters" in f) filterColumns(f, out);
    else out.push(f.column);
  }
  return out;
}

/**
 * The rollup that can answer a query, or undefined: not `exact`; buckets of whole minutes;
 * at least one whole minute in the range; only COUNT or `duration_ms` calculations the rollups
 * keep (COUNT, SUM, AVG, MIN, MAX, RATE_SUM exact; P50…P99 and HEATMAP estimated); filters and
 * breakdowns only on the rollup's columns. Throws nothing.
 */
export function pickRollup(spec: QuerySpec): Rollup | undefined {
  if (spec.exact || spec.granularity_s % 60 !== 0) return undefined;
  if (Math.floor(spec.end.getTime() / MINUTE) <= Math.ceil(spec.start.getTime() / MINUTE)) {
    return undefined;
  }
  const ok = spec.calculations.every(
    (c) =>
      c.op === "COUNT" ||
      (c.column === "duration_ms" && (EXACT_OPS.has(c.op) || SKETCH_OPS.has(c.op))),
  );
  if (!ok) return undefined;
  const columns = [...spec.breakdowns, ...filterColumns(spec.filters)];
  return ROLLUPS.find((r) => columns.every((c) => r.dims.includes(c)));
}

/** Aggregated rollup rows of one group: count, sum, min, max and duration bucket counts. */
interface Cell {
  n: number;
  s: number;
  mn: number;
  mx: number;
  hist: Map<number, number>;
}

const newCell = (): Cell => ({
  n: 0,
  s: 0,
  mn: Number.POSITIVE_INFINITY,
  mx: Number.NEGATIVE_INFINITY,
  hist: new Map(),
});

/** One (group, time bucket) as the cells statement answers it: quantile buckets and heatmap counts. */
interface Point {
  n: number;
  s: number;
  mn: number;
  mx: number;
  /** Duration bucket holding each requested quantile, by quantile. */
  qb: Map<number, number>;
  heat: Map<number, number>;
}

const emptyPoint = (): Point => ({
  n: 0,
  s: 0,
  mn: Number.POSITIVE_INFINITY,
  mx: Number.NEGATIVE_INFINITY,
  qb: new Map(),
  heat: new Map(),
});

/** SQL of a bucket's representative value ({@link bucketValue}) clamped to [`mn`, `mx`]. */
const clampedValueSql = (mn: string, mx: string) =>
  `greatest(${mn}, least(${mx}, CASE WHEN b = 0 THEN ${SKETCH_MIN_MS} WHEN b = ${SKETCH_OVERFLOW} ` +
  `THEN 'Infinity'::DOUBLE ELSE ${SKETCH_MIN_MS} * 2 * pow(${SKETCH_GAMMA}, b) / (${SKETCH_GAMMA + 1}) END))`;

/**
 * Answers a query from `rollup` ({@link pickRollup}): whole minutes from the rollup table, the
 * partial minutes at either end of the range from `spans` aggregated the same way, so the
 * answer covers exactly the range. Same answer shape and group semantics as the raw path;
 * COUNT, SUM, AVG, MIN, MAX, RATE_SUM equal the raw answer (sums up to float rounding);
 * percentiles and HEATMAP are estimates from the duration buckets (see `Approximation` in
 * `@sonde/protocol/query`). Two statements: group totals per duration bucket (few rows; groups
 * are filtered, ordered and limited here), then one row per group and time bucket with its
 * quantile buckets and heatmap counts computed in SQL. Throws what DuckDB throws.
 */
export async function runRollupQuery(
  conn: DuckDBConnection,
  spec: QuerySpec,
  rollup: Rollup,
): Promise<QueryResult> {
  const whole = [
    new Date(Math.ceil(spec.start.getTime() / MINUTE) * MINUTE),
    new Date(Math.floor(spec.end.getTime() / MINUTE) * MINUTE),
  ];
  /** Rollup rows of the range as (g0…, t, b, n, s, mn, mx), t the query's time bucket. */
  const source = (p: Params): string => {
    const dims = rollup.dims.map((d) => DIM_SQL[d]).join(", ");
    const filters = filterTree(spec.filters, p);
    const edge = (from: Date, to: Date) =>
      rollupSelect(
        rollup,
        "spans",
        `"timestamp" >= ${p.time(from)} AND "timestamp" < ${p.time(to)} AND ${filters}`,
      );
    const src = [
      `SELECT minute, ${dims}, b, n, s, mn, mx FROM ${rollup.table} WHERE minute >= ${p.time(whole[0])} AND minute < ${p.time(whole[1])} AND ${filters}`,
      ...(spec.start < whole[0] ? [edge(spec.start, whole[0])] : []),
      ...(whole[1] < spec.end ? [edge(whole[1], spec.end)] : []),
    ].join("\nUNION ALL ");
    const groups = spec.breakdowns.map((b, i) => `${DIM_SQL[b]} AS g${i}`);
    const gran = p.add(spec.granularity_s, DOUBLE);
    const t = `time_bucket(to_seconds(${gran}), minute, TIMESTAMP '1970-01-01') AS t`;
    return `SELECT ${[...groups, t, "b", "n", "s", "mn", "mx"].join(", ")} FROM (${src})`;
  };
  const keys = spec.breakdowns.map((_, i) => `g${i}`);

  const p = new Params();
  const totalsSql = `SELECT ${[...keys, "b"].join(", ")}, sum(n)::DOUBLE AS n, sum(s) AS s, min(mn) AS mn, max(mx) AS mx FROM (${source(p)}) GROUP BY ALL`;
  const reader = await conn.runAndReadAll(totalsSql, p.values, p.types);
  const cols = reader.getColumnsJS();
  const [bCol, nCol, sCol, mnCol, mxCol] = cols.slice(keys.length) as number[][];
  const byGroup = new Map<string, { group: Group; total: Cell }>();
  for (let r = 0; r < reader.currentRowCount; r++) {
    const values = keys.map((_, i) => jsonScalar(cols[i][r] as JS));
    const id = JSON.stringify(values);
    let g = byGroup.get(id);
    if (g === undefined) {
      const group = Object.fromEntries(spec.breakdowns.map((b, i) => [b, values[i]]));
      g = { group, total: newCell() };
      byGroup.set(id, g);
    }
    const c = g.total;
    c.n += nCol[r];
    c.s += sCol[r];
    c.mn = Math.min(c.mn, mnCol[r]);
    c.mx = Math.max(c.mx, mxCol[r]);
    c.hist.set(bCol[r], (c.hist.get(bCol[r]) ?? 0) + nCol[r]);
  }
  if (byGroup.size === 0 && keys.length === 0) {
    byGroup.set("[]", { group: {}, total: newCell() });
  }

  const rangeS = (spec.end.getTime() - spec.start.getTime()) / 1000;
  const totalValues = (c: Cell): CalculationValues =>
    Object.fromEntries(
      spec.calculations
        .filter((calc) => calc.op !== "HEATMAP")
        .map((calc) => [calculationKey(calc), scalar(calc, c, rangeS, (q) => quantile(c, q))]),
    );
  let kept = [...byGroup].map(([id, g]) => ({ id, ...g, values: totalValues(g.total) }));
  kept = kept.filter((g) =>
    spec.having.every((h) => compare(g.values[h.calculation] as number | null, h.op, h.value)),
  );
  kept.sort((a, b) => {
    for (const o of spec.order_by) {
      const byCalc = Object.hasOwn(a.values, o.key);
      const byGroup = spec.breakdowns.includes(o.key);
      // The default order of a query of HEATMAPs only is COUNT, not one of its calculations.
      const x = byCalc ? a.values[o.key] : byGroup ? a.group[o.key] : a.total.n;
      const y = byCalc ? b.values[o.key] : byGroup ? b.group[o.key] : b.total.n;
      const d = order(x as number | string | null, y as number | string | null, o.direction);
      if (d !== 0) return d;
    }
    for (const k of spec.breakdowns) {
      const d = order(a.group[k], b.group[k], "asc");
      if (d !== 0) return d;
    }
    return 0;
  });
  kept = kept.slice(0, spec.limit);

  const heatmaps = spec.calculations.filter((c) => c.op === "HEATMAP");
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const g of kept) {
    lo = Math.min(lo, g.total.mn);
    hi = Math.max(hi, g.total.mx);
  }
  const quantiles = [
    ...new Set(
      spec.calculations
        .filter((c) => SKETCH_OPS.has(c.op) && c.op !== "HEATMAP")
        .map((c) => quantileOf(c.op)),
    ),
  ];
  const points = await cellPoints(conn, source, keys, quantiles, heatmaps.length > 0, lo, hi);

  const totalHeatmap = (c: Cell): HeatmapValue => {
    const counts = new Map<number, number>();
    for (const [b, n] of c.hist) {
      const i = heatmapIndex(Math.min(c.mx, Math.max(c.mn, bucketValue(b))), lo, hi);
      counts.set(i, (counts.get(i) ?? 0) + n);
    }
    return heatmapValue(counts, lo, hi);
  };
  const pointValues = (pt: Point): CalculationValues => {
    const out: CalculationValues = {};
    for (const calc of spec.calculations) {
      out[calculationKey(calc)] =
        calc.op === "HEATMAP"
          ? heatmapValue(pt.heat, lo, hi)
          : scalar(calc, pt, spec.granularity_s, (q) =>
              Math.min(pt.mx, Math.max(pt.mn, bucketValue(pt.qb.get(q) as number))),
            );
    }
    return out;
  };
  const step = spec.granularity_s * 1000;
  const times: number[] = [];
  for (let t = Math.floor(spec.start.getTime() / step) * step; t < spec.end.getTime(); t += step) {
    times.push(t);
  }
  const result: QueryResult = {
    totals: kept.map((g) => {
      const values = { ...g.values };
      for (const calc of heatmaps) values[calculationKey(calc)] = totalHeatmap(g.total);
      return { group: g.group, values };
    }),
    series: kept.map((g) => ({
      group: g.group,
      points: times.map((t) => ({
        time: new Date(t).toISOString(),
        values: pointValues(points.get(g.id)?.get(t) ?? emptyPoint()),
      })),
    })),
  };
  const estimated = spec.calculations.filter((c) => SKETCH_OPS.has(c.op)).map(calculationKey);
  if (estimated.length > 0) {
    result.approximate = true;
    result.approximation = { calculations: estimated, relative_error: SKETCH_ALPHA };
  }
  return result;
}

/**
 * The (group, time bucket) points of the query, by group id (JSON of its values) then bucket
 * start (epoch ms): sums and extremes, the duration bucket of each quantile in `quantiles`
 * (rank ⌊q·(n−1)⌋ as {@link quantile}) and, with `heatmap`, the counts per heatmap bucket
 * over [lo, hi] (as {@link heatmapIndex}), all computed in SQL.
 */
async function cellPoints(
  conn: DuckDBConnection,
  source: (p: Params) => string,
  keys: string[],
  quantiles: number[],
  heatmap: boolean,
  lo: number,
  hi: number,
): Promise<Map<string, Map<number, Point>>> {
  const p = new Params();
  const cell = [...keys, "t"].join(", ");
  const part = `PARTITION BY ${cell}`;
  const windows = [
    ...(quantiles.length
      ? [`sum(n) OVER (${part} ORDER BY b) AS cum`, `sum(n) OVER (${part}) AS cn`]
      : []),
    ...(heatmap ? [`min(mn) OVER (${part}) AS cmn`, `max(mx) OVER (${part}) AS cmx`] : []),
  ];
  let idx = "0";
  if (heatmap && Number.isFinite(lo)) {
    const [loP, hiP] = [p.add(lo, DOUBLE), p.add(hi, DOUBLE)];
    idx =
      `CASE WHEN ${hiP} = ${loP} THEN 0 ELSE least(floor((${clampedValueSql("cmn", "cmx")} - ${loP}) / ` +
      `((${hiP} - ${loP}) / ${HEATMAP_BUCKETS})), ${HEATMAP_BUCKETS - 1}) END::INTEGER`;
  }
  const sql =
    `WITH cells AS (SELECT ${cell}, b, sum(n)::DOUBLE AS n, sum(s) AS s, min(mn) AS mn, max(mx) AS mx FROM (${source(p)}) GROUP BY ALL),\n` +
    `w AS (SELECT *${windows.map((w) => `, ${w}`).join("")} FROM cells),\n` +
    // Per heatmap bucket of each cell first, then per cell.
    `hb AS (SELECT ${cell}, ${idx} AS i, sum(n) AS n, sum(s) AS s, min(mn) AS mn, max(mx) AS mx` +
    quantiles
      .map((q, i) => `, min(b) FILTER (WHERE cum > floor(${q} * (cn - 1))) AS q${i}`)
      .join("") +
    ` FROM w GROUP BY ALL)\n` +
    `SELECT ${keys.map((k) => `${k}, `).join("")}epoch_ms(t)::DOUBLE AS t, sum(n) AS n, sum(s) AS s, min(mn) AS mn, max(mx) AS mx` +
    quantiles.map((_, i) => `, min(q${i})::DOUBLE AS q${i}`).join("") +
    (heatmap ? ", list(i ORDER BY i) AS hi, list(n ORDER BY i) AS hc" : "") +
    ` FROM hb GROUP BY ${cell}`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  const cols = reader.getColumnsJS();
  const [tCol, nCol, sCol, mnCol, mxCol] = cols.slice(keys.length) as number[][];
  const qColsJs = cols.slice(keys.length + 5, keys.length + 5 + quantiles.length) as number[][];
  const [hiCol, hcCol] = cols.slice(keys.length + 5 + quantiles.length) as number[][][];
  const out = new Map<string, Map<number, Point>>();
  for (let r = 0; r < reader.currentRowCount; r++) {
    const id = JSON.stringify(keys.map((_, i) => jsonScalar(cols[i][r] as JS)));
    let g = out.get(id);
    if (g === undefined) {
      g = new Map();
      out.set(id, g);
    }
    const pt: Point = {
      n: nCol[r],
      s: sCol[r],
      mn: mnCol[r],
      mx: mxCol[r],
      qb: new Map(quantiles.map((q, i) => [q, qColsJs[i][r]])),
      heat: new Map(hiCol ? hiCol[r].map((i, j) => [i, Number(hcCol[r][j])]) : []),
    };
    g.set(tCol[r], pt);
  }
  return out;
}

/** Equal-width heatmap bucket of `v` over [lo, hi]; the max in the last one. */
function heatmapIndex(v: number, lo: number, hi: number): number {
  if (hi === lo) return 0;
  return Math.min(Math.floor((v - lo) / ((hi - lo) / HEATMAP_BUCKETS)), HEATMAP_BUCKETS - 1);
}

function scalar(
  calc: Calculation,
  c: { n: number; s: number; mn: number; mx: number },
  seconds: number,
  quantileAt: (q: number) => number,
): number | null {
  if (calc.op === "COUNT") return c.n;
  if (c.n === 0) return null;
  switch (calc.op) {
    case "SUM":
      return c.s;
    case "AVG":
      return c.s / c.n;
    case "MIN":
      return c.mn;
    case "MAX":
      return c.mx;
    case "RATE_SUM":
      return c.s / seconds;
    default:
      return quantileAt(quantileOf(calc.op));
  }
}

/**
 * The value at 0-based rank ⌊q·(n−1)⌋: its bucket's representative value, clamped to the
 * cell's [min, max] (clamping into a range holding the true value only brings it closer).
 */
function quantile(c: Cell, q: number): number {
  const rank = Math.floor(q * (c.n - 1));
  let seen = 0;
  for (const b of [...c.hist.keys()].sort((x, y) => x - y)) {
    seen += c.hist.get(b) ?? 0;
    if (seen > rank) return Math.min(c.mx, Math.max(c.mn, bucketValue(b)));
  }
  return c.mx;
}

/** A HEATMAP answer from counts by bucket index over [lo, hi]. */
function heatmapValue(counts: Map<number, number>, lo: number, hi: number): HeatmapValue {
  const width = (hi - lo) / HEATMAP_BUCKETS;
  const buckets = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([i, count]) => ({
      lower: lo + i * width,
      upper: hi === lo || i === HEATMAP_BUCKETS - 1 ? hi : lo + (i + 1) * width,
      count,
    }));
  return { buckets };
}

/** Whether a HAVING comparison holds; a null value never does. */
export function compare(v: number | null, op: string, x: number): boolean {
  if (v === null) return false;
  switch (op) {
    case "=":
      return v === x;
    case "!=":
      return v !== x;
    case ">":
      return v > x;
    case ">=":
      return v >= x;
    case "<":
      return v < x;
    default:
      return v <= x;
  }
}

/** Nulls last in either direction. */
function order(
  x: number | string | boolean | null,
  y: number | string | boolean | null,
  dir: "asc" | "desc",
): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  const d = x < y ? -1 : 1;
  return dir === "asc" ? d : -d;
}
