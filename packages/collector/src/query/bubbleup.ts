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
/** Base spans read in full up to this many; above, a sample of about this many. */
const SAMPLE_SPANS = 50_000;
/** Selected spans read at least (when there are as many), sampling the selection apart. */
const MIN_SELECTED = 2_000;
/** Marks a fixed column's key among attribute keys (no attribute key starts with it). */
const FIXED_MARK = "\u0000";

/** An attribute number as text, as a breakdown shows it (integers without `.0`). */
const numText = (x: string) =>
  `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END`;

/**
 * Compares the selection of a `POST /api/bubbleup` request (`BubbleUpRequest`) with its
 * baseline, column by column: the fixed columns `service.name`, `name`, `kind`, `status_code`,
 * then the attributes present on most base spans (up to `max_columns` in all). A column's score
 * is the largest |selection fraction − baseline fraction| over its values (absence counts as a
 * value), the total variation bound of the two distributions on that value; ranked by score.
 *
 * The selection and baseline counts are exact (one scan without the attribute maps). The
 * fractions come from one pass that reads each span's maps once, unnests every (key, value)
 * with the span's selection flag, and ranks in SQL. Reading the maps dominates, so above
 * {@link SAMPLE_SPANS} base spans they are read from a DuckDB `system` sample (whole vectors
 * of 2,048 consecutive spans) of about that many; a selection that sample would hold fewer
 * than {@link MIN_SELECTED} of is sampled apart, denser (a short time selection is then read
 * through the zone maps of the time-ordered table). Fractions are then estimates (standard
 * error about √(f(1−f)/sampled spans of that side)) and `sample_rate` is the fraction of the
 * base spans read; 1: exact. A null attribute value counts as absent; a key held in two typed
 * maps of one span counts once per map. Throws {@link QueryError} naming the field for bad
 * input.
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
  const selTime = req.selection.time;
  /** The selection as SQL (NULL when a value is absent) and the base spans' condition. */
  const conditions = (p: Params) => {
    const sel = selTime
      ? [`"timestamp" >= ${p.time(selTime.start)}`, `"timestamp" < ${p.time(selTime.end)}`]
      : [];
    if (value !== undefined) {
      const col =
        spanColumn(value.column)?.sql ??
        `map_extract_value(attr_num, ${p.add(value.column, VARCHAR)})`;
      if (value.min !== undefined) sel.push(`${col} >= ${p.add(value.min, DOUBLE)}`);
      if (value.max !== undefined) sel.push(`${col} <= ${p.add(value.max, DOUBLE)}`);
    }
    const where = whereClause({ start, end, filters: checkFilterTree(req.filters) }, p);
    return { selected: sel.length ? sel.join(" AND ") : "TRUE", where };
  };

  // Exact selection and baseline counts, without reading the maps.
  const q = new Params();
  const exact = conditions(q);
  const counts = (
    await conn.runAndReadAll(
      `SELECT count(*) FILTER (WHERE ${exact.selected})::DOUBLE AS s, ` +
        `count(*) FILTER (WHERE NOT coalesce(${exact.selected}, FALSE))::DOUBLE AS b ` +
        `FROM spans WHERE ${exact.where}`,
      q.values,
      q.types,
    )
  ).getRowObjectsJS()[0];
  const [selCount, baseCount] = [Number(counts.s), Number(counts.b)];
  // One sample of about SAMPLE_SPANS; a selection it would hold too few of is read apart,
  // denser (a short time selection through the zone maps of the time-ordered table).
  const p = new Params();
  const { selected, where } = conditions(p);
  const total = selCount + baseCount;
  const rate = total > SAMPLE_SPANS ? SAMPLE_SPANS / total : 1;
  const selRate =
    selCount > 0 && selCount * rate < MIN_SELECTED ? Math.min(1, MIN_SELECTED / selCount) : rate;
  // Numbers computed here, not request text: safe as literals. A `system` sample is drawn
  // before the WHERE filters, so the sparse selection is thinned after them instead: by a
  // hash of the span id, which keeps the zone-map pruning of a short time selection.
  const from = (r: number, cond: string) =>
    `${1 / r}::DOUBLE AS w, * FROM spans${r < 1 ? ` TABLESAMPLE ${(r * 100).toFixed(6)}% (system)` : ""} WHERE ${where} AND ${cond}`;
  const thinned = `${1 / selRate}::DOUBLE AS w, * FROM spans WHERE ${where} AND ${selected}${selRate < 1 ? ` AND hash(span_id) % 1000000 < ${Math.ceil(selRate * 1e6)}` : ""}`;
  const source =
    selRate === rate
      ? `SELECT coalesce(${selected}, FALSE) AS sel, ${from(rate, "TRUE")}`
      : `SELECT TRUE AS sel, ${thinned} UNION ALL ` +
        `SELECT FALSE AS sel, ${from(rate, `NOT coalesce(${selected}, FALSE)`)}`;
  const read = total > 0 ? (selCount * selRate + baseCount * rate) / total : 1;

  const fixedSql = FIXED.map((c) => `${textValue(c, p)}::VARCHAR`);
  const fixedKeys = FIXED.map((c) => p.add(FIXED_MARK + c, VARCHAR));
  const maxColumns = p.add(req.max_columns ?? 30, DOUBLE);
  const maxValues = p.add(req.max_values ?? 10, DOUBLE);
  const fixedNames = FIXED.map((c) => p.add(c, VARCHAR)).join(", ");
  // Each span contributes a NULL key (its totals), its fixed columns and its map entries.
  const keysList = `[NULL::VARCHAR, ${fixedKeys.join(", ")}] || map_keys(attr_str) || map_keys(attr_num) || map_keys(attr_bool)`;
  const valuesList =
    `[NULL::VARCHAR, ${fixedSql.join(", ")}] || map_values(attr_str) || ` +
    `list_transform(map_values(attr_num), x -> ${numText("x")}) || map_values(attr_bool)::VARCHAR[]`;
  const sql = `WITH e AS (SELECT sel, w, unnest(${keysList}) AS k, unnest(${valuesList}) AS v FROM (${source})),
c AS (SELECT k, v, coalesce(sum(w) FILTER (WHERE sel), 0) AS s, coalesce(sum(w) FILTER (WHERE NOT sel), 0) AS b FROM e GROUP BY k, v),
t AS (SELECT coalesce(any_value(s), 0) AS ts, coalesce(any_value(b), 0) AS tb FROM c WHERE k IS NULL),
cols AS (SELECT k, row_number() OVER (ORDER BY coalesce(list_position([${fixedKeys.join(", ")}], k), ${FIXED.length + 1}), round(sum(s + b)) DESC, k) AS rank FROM c
  WHERE k IS NOT NULL AND k NOT IN (${fixedNames}) GROUP BY k QUALIFY rank <= ${maxColumns}),
vals AS (SELECT k, v, s, b FROM c SEMI JOIN cols USING (k) WHERE v IS NOT NULL
  UNION ALL SELECT k, NULL, any_value(ts) - sum(s) FILTER (WHERE v IS NOT NULL), any_value(tb) - sum(b) FILTER (WHERE v IS NOT NULL)
  FROM c SEMI JOIN cols USING (k), t GROUP BY k),
f AS (SELECT k, v, CASE WHEN ts > 0 THEN s / ts ELSE 0 END AS fs, CASE WHEN tb > 0 THEN b / tb ELSE 0 END AS fb FROM vals, t
  WHERE s > 1e-9 * ts OR b > 1e-9 * tb)
SELECT k, v, fs, fb FROM f
QUALIFY row_number() OVER (PARTITION BY k ORDER BY abs(fs - fb) DESC, fs DESC) <= ${maxValues}`;
  const rows = (await conn.runAndReadAll(sql, p.values, p.types)).getRowObjectsJS();
  const byColumn = new Map<string, BubbleUpColumn>();
  for (const r of rows) {
    const key = String(r.k);
    const column = key.startsWith(FIXED_MARK) ? key.slice(1) : key;
    let col = byColumn.get(column);
    if (col === undefined) {
      col = { column, score: 0, values: [] };
      byColumn.set(column, col);
    }
    col.values.push({
      value: r.v === null ? null : String(r.v),
      selection: Number(r.fs),
      baseline: Number(r.fb),
    });
  }
  const columns = [...byColumn.values()].map(({ column, values }) => {
    values.sort(
      (a, b) =>
        Math.abs(b.selection - b.baseline) - Math.abs(a.selection - a.baseline) ||
        b.selection - a.selection,
    );
    const score = values.length ? Math.abs(values[0].selection - values[0].baseline) : 0;
    return { column, score, values };
  });
  columns.sort((a, b) => b.score - a.score || (a.column < b.column ? -1 : 1));
  return {
    selection_count: selCount,
    baseline_count: baseCount,
    columns,
    sample_rate: read,
  };
}
