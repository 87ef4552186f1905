import { DOUBLE, type DuckDBConnection, VARCHAR } from "@duckdb/node-api";
import type { BubbleUpColumn, BubbleUpResult } from "@sonde/protocol/query";
import { z } from "zod";
import { Params, textValue, whereClause } from "./compile.js";
import { QueryError } from "./errors.js";
import {
  checkFilterTree,
  issueError,
  resolveTimeRange,
  spanColumn,
  spanFiltersSchema,
  timeRangeSchema,
} from "./spec.js";

const schema = z.strictObject({
  dataset: z.literal("spans"),
  time_range: timeRangeSchema,
  filters: spanFiltersSchema.optional(),
  selection: z.strictObject({
    time: z
      .strictObject({
        start: z.iso.datetime({ offset: true }),
        end: z.iso.datetime({ offset: true }),
      })
      .optional(),
    value: z
      .strictObject({
        column: z.string().min(1),
        min: z.number().optional(),
        max: z.number().optional(),
      })
      .optional(),
  }),
  max_columns: z.int().min(1).max(100).optional(),
  max_values: z.int().min(1).max(50).optional(),
});

/** Span columns always compared; attributes follow, the most populated first. */
const FIXED = ["service.name", "name", "kind", "status_code"];
/** Spans read in full up to this many in the table; above, a Bernoulli sample of about this many. */
const FULL_SCAN_SPANS = 1_000_000;

/**
 * Compares the selection of a `POST /api/bubbleup` request (`BubbleUpRequest`) with its
 * baseline, column by column: the fixed columns `service.name`, `name`, `kind`, `status_code`,
 * then the attributes present on most base spans (up to `max_columns` in all). A column's score
 * is the largest |selection fraction − baseline fraction| over its values (absence counts as a
 * value), the total variation bound of the two distributions on that value; ranked by score.
 * Above a million stored spans the spans are read as a Bernoulli sample of about a million
 * (`sample_rate` < 1). Throws {@link QueryError} naming the field for bad input.
 */
export async function runBubbleUp(
  conn: DuckDBConnection,
  request: unknown,
  now: Date = new Date(),
): Promise<BubbleUpResult> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw issueError(parsed.error.issues[0], request);
  const req = parsed.data;
  const { start, end } = resolveTimeRange(req.time_range, now);
  const value = req.selection.value;
  if (
    value !== undefined &&
    spanColumn(value.column) &&
    spanColumn(value.column)?.type !== "number"
  ) {
    throw new QueryError("selection.value.column", `${value.column} is not a numeric column`);
  }
  const p = new Params();
  const sel: string[] = [];
  if (req.selection.time) {
    sel.push(`"timestamp" >= ${p.time(req.selection.time.start)}`);
    sel.push(`"timestamp" < ${p.time(req.selection.time.end)}`);
  }
  if (value !== undefined) {
    const col =
      spanColumn(value.column)?.sql ??
      `map_extract_value(attr_num, ${p.add(value.column, VARCHAR)})`;
    if (value.min !== undefined) sel.push(`${col} >= ${p.add(value.min, DOUBLE)}`);
    if (value.max !== undefined) sel.push(`${col} <= ${p.add(value.max, DOUBLE)}`);
  }
  const where = whereClause({ start, end, filters: checkFilterTree(req.filters) }, p);
  const total = Number(
    (await conn.runAndReadAll("SELECT count(*) AS n FROM spans")).getRowObjectsJS()[0].n,
  );
  const rate = total > FULL_SCAN_SPANS ? FULL_SCAN_SPANS / total : 1;
  const sample = rate < 1 ? ` TABLESAMPLE ${(rate * 100).toFixed(4)}% (bernoulli)` : "";
  const maxColumns = req.max_columns ?? 30;
  const k = new Params();
  const keyWhere = whereClause({ start, end, filters: checkFilterTree(req.filters) }, k);
  const keys = (
    await conn.runAndReadAll(
      `SELECT k, count(*) AS n FROM (SELECT unnest(map_keys(attr_str) || map_keys(attr_num) || map_keys(attr_bool)) AS k FROM spans${sample} WHERE ${keyWhere}) GROUP BY k ORDER BY n DESC, k LIMIT ${maxColumns}`,
      k.values,
      k.types,
    )
  )
    .getRowObjectsJS()
    .map((r) => String(r.k))
    .filter((key) => !FIXED.includes(key));
  const columns = [...FIXED, ...keys].slice(0, maxColumns);
  const selExpr = sel.length ? sel.join(" AND ") : "TRUE";
  const vals = columns.map((c, i) => `${textValue(c, p)}::VARCHAR AS v${i}`);
  const sets = columns.map((_, i) => `(sel, v${i})`).join(", ");
  const sql =
    `SELECT sel, ${columns.map((_, i) => `grouping(v${i}) = 0 AS used${i}, v${i}`).join(", ")}, count(*)::DOUBLE AS n FROM ` +
    `(SELECT coalesce(${selExpr}, FALSE) AS sel, ${vals.join(", ")} FROM spans${sample} WHERE ${where}) ` +
    `GROUP BY GROUPING SETS (${sets}, (sel))`;
  const rows = (await conn.runAndReadAll(sql, p.values, p.types)).getRowObjectsJS();
  const counts = { true: 0, false: 0 };
  const perColumn = columns.map(() => new Map<string | null, { s: number; b: number }>());
  for (const r of rows) {
    const i = columns.findIndex((_, j) => r[`used${j}`] === true);
    const n = Number(r.n);
    if (i === -1) {
      counts[r.sel ? "true" : "false"] += n;
      continue;
    }
    const v = r[`v${i}`] === null ? null : String(r[`v${i}`]);
    const entry = perColumn[i].get(v) ?? { s: 0, b: 0 };
    if (r.sel) entry.s += n;
    else entry.b += n;
    perColumn[i].set(v, entry);
  }
  const maxValues = req.max_values ?? 10;
  const result: BubbleUpColumn[] = columns.map((column, i) => {
    const values = [...perColumn[i]].map(([value, { s, b }]) => ({
      value,
      selection: counts.true ? s / counts.true : 0,
      baseline: counts.false ? b / counts.false : 0,
    }));
    values.sort(
      (a, b) =>
        Math.abs(b.selection - b.baseline) - Math.abs(a.selection - a.baseline) ||
        b.selection - a.selection,
    );
    const score = values.length ? Math.abs(values[0].selection - values[0].baseline) : 0;
    return { column, score, values: values.slice(0, maxValues) };
  });
  result.sort((a, b) => b.score - a.score || (a.column < b.column ? -1 : 1));
  return {
    selection_count: Math.round(counts.true / rate),
    baseline_count: Math.round(counts.false / rate),
    columns: result,
    sample_rate: rate,
  };
}
