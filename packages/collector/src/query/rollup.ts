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

/** Aggregated rollup rows of one group or cell: count, sum, min, max and bucket counts. */
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

/**
 * Answers a query from `rollup` ({@link pickRollup}): whole minutes from the rollup table, the
 * partial minutes at either end of the range from `spans` aggregated the same way, so the
 * answer covers exactly the range. Same answer shape and group semantics as the raw path;
 * COUNT, SUM, AVG, MIN, MAX, RATE_SUM equal the raw answer (sums up to float rounding);
 * percentiles and HEATMAP are estimates from the duration buckets (see `Approximation` in
 * `@sonde/protocol/query`). Throws what DuckDB throws.
 */
export async function runRollupQuery(
  conn: DuckDBConnection,
  spec: QuerySpec,
  rollup: Rollup,
): Promise<QueryResult> {
  const p = new Params();
  const dims = rollup.dims.map((d) => DIM_SQL[d]).join(", ");
  const whole = [
    new Date(Math.ceil(spec.start.getTime() / MINUTE) * MINUTE),
    new Date(Math.floor(spec.end.getTime() / MINUTE) * MINUTE),
  ];
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
  const keys = spec.breakdowns.map((_, i) => `g${i}`);
  const gran = p.add(spec.granularity_s, DOUBLE);
  const sql =
    `SELECT ${[...keys, "epoch_ms(t)::DOUBLE AS t", "b"].join(", ")}, sum(n)::DOUBLE AS n, sum(s) AS s, min(mn) AS mn, max(mx) AS mx FROM (` +
    `SELECT ${[...groups, `time_bucket(to_seconds(${gran}), minute, TIMESTAMP '1970-01-01') AS t`, "b", "n", "s", "mn", "mx"].join(", ")} FROM (${src}))` +
    ` GROUP BY ALL`;
  const reader = await conn.runAndReadAll(sql, p.values, p.types);
  const cols = reader.getColumnsJS();
  const [tCol, bCol, nCol, sCol, mnCol, mxCol] = cols.slice(keys.length) as number[][];

  const byGroup = new Map<string, { group: Group; total: Cell; cells: Map<number, Cell> }>();
  for (let r = 0; r < reader.currentRowCount; r++) {
    const values = keys.map((_, i) => jsonScalar(cols[i][r] as JS));
    const id = JSON.stringify(values);
    let g = byGroup.get(id);
    if (g === undefined) {
      const group = Object.fromEntries(spec.breakdowns.map((b, i) => [b, values[i]]));
      g = { group, total: newCell(), cells: new Map() };
      byGroup.set(id, g);
    }
    let cell = g.cells.get(tCol[r]);
    if (cell === undefined) {
      cell = newCell();
      g.cells.set(tCol[r], cell);
    }
    for (const c of [g.total, cell]) {
      c.n += nCol[r];
      c.s += sCol[r];
      c.mn = Math.min(c.mn, mnCol[r]);
      c.mx = Math.max(c.mx, mxCol[r]);
      c.hist.set(bCol[r], (c.hist.get(bCol[r]) ?? 0) + nCol[r]);
    }
  }
  if (byGroup.size === 0 && keys.length === 0) {
    byGroup.set("[]", { group: {}, total: newCell(), cells: new Map() });
  }

  const rangeS = (spec.end.getTime() - spec.start.getTime()) / 1000;
  const scalarValues = (c: Cell, seconds: number): CalculationValues =>
    Object.fromEntries(
      spec.calculations
        .filter((calc) => calc.op !== "HEATMAP")
        .map((calc) => [calculationKey(calc), scalar(calc, c, seconds)]),
    );
  let kept = [...byGroup.values()].map((g) => ({ ...g, values: scalarValues(g.total, rangeS) }));
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
  const valuesOf = (c: Cell, seconds: number): CalculationValues => {
    const out = scalarValues(c, seconds);
    for (const calc of heatmaps) out[calculationKey(calc)] = heatmap(c, lo, hi);
    return out;
  };
  const step = spec.granularity_s * 1000;
  const times: number[] = [];
  for (let t = Math.floor(spec.start.getTime() / step) * step; t < spec.end.getTime(); t += step) {
    times.push(t);
  }
  const result: QueryResult = {
    totals: kept.map((g) => ({ group: g.group, values: valuesOf(g.total, rangeS) })),
    series: kept.map((g) => ({
      group: g.group,
      points: times.map((t) => ({
        time: new Date(t).toISOString(),
        values: valuesOf(g.cells.get(t) ?? newCell(), spec.granularity_s),
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

function scalar(calc: Calculation, c: Cell, seconds: number): number | null {
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
      return quantile(c, quantileOf(calc.op));
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

function heatmap(c: Cell, lo: number, hi: number): HeatmapValue {
  const counts = new Map<number, number>();
  const width = (hi - lo) / HEATMAP_BUCKETS;
  for (const [b, n] of c.hist) {
    const v = Math.min(c.mx, Math.max(c.mn, bucketValue(b)));
    const i = hi === lo ? 0 : Math.min(Math.floor((v - lo) / width), HEATMAP_BUCKETS - 1);
    counts.set(i, (counts.get(i) ?? 0) + n);
  }
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
