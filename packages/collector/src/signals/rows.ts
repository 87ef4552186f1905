import type { JS } from "@duckdb/node-api";
import type { ErrorOccurrence, Scalar } from "@sonde/protocol/query";
import { z } from "zod";
import { QueryError } from "../query/errors.js";
import { jsonScalar } from "../query/json.js";
import { resolveTimeRange, timeRangeSchema } from "../query/spec.js";

type Row = Record<string, JS>;

/** Every attribute of a row's typed maps as plain JSON (strings, then numbers, then booleans). */
export function attributesOf(row: Row): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const map of [row.attr_str, row.attr_num, row.attr_bool]) {
    for (const { key, value } of (map ?? []) as { key: string; value: JS }[]) {
      const v = jsonScalar(value);
      if (v !== null && !Object.hasOwn(out, key)) out[key] = v;
    }
  }
  return out;
}

/** Columns read for an {@link ErrorOccurrence}. */
export const ERROR_COLUMNS = `"timestamp", service_name, type, message, template, fingerprint,
  owner, stack, source, trace_id, span_id, attr_str, attr_num, attr_bool`;

/** A row of {@link ERROR_COLUMNS} as the API answers it. */
export function errorOccurrence(row: Row): ErrorOccurrence {
  return {
    timestamp: jsonScalar(row.timestamp) as string,
    "service.name": row.service_name as string,
    type: row.type as string,
    message: row.message as string,
    template: row.template as string,
    fingerprint: row.fingerprint as string,
    owner: row.owner as string,
    stack: row.stack as string,
    source: row.source as string,
    trace_id: row.trace_id as string,
    span_id: row.span_id as string,
    attributes: attributesOf(row),
  };
}

/** Query-string parameters of a time range: `last` (default `fallback`), or `start` and `end`. */
export interface RangeParams {
  last?: string;
  start?: string;
  end?: string;
}

/**
 * The time range of a GET request's query string, as `time_range` of a query resolves it
 * (`last` a duration such as `15m` or a number of seconds; `start`/`end` ISO-8601).
 * @throws {QueryError} naming the parameter (`last`, `start`, `end`).
 */
export function rangeOf(q: RangeParams, now: Date, fallback = "1h"): { start: Date; end: Date } {
  const absolute = q.start !== undefined || q.end !== undefined;
  const last =
    q.last === undefined || absolute ? undefined : /^\d+$/.test(q.last) ? Number(q.last) : q.last;
  const input = absolute ? { start: q.start, end: q.end } : { last: last ?? fallback };
  const parsed = timeRangeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QueryError(String(issue.path[0] ?? "last"), issue.message);
  }
  try {
    return resolveTimeRange(parsed.data, now);
  } catch (e) {
    if (e instanceof QueryError) throw new QueryError(e.path.replace("time_range.", ""), e.detail);
    throw e;
  }
}

/**
 * An integer query-string parameter in `[min, max]`, `fallback` when absent.
 * @throws {QueryError} naming the parameter otherwise.
 */
export function intParam(
  name: string,
  value: string | undefined,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = z.coerce.number().int().min(1).max(max).safeParse(value);
  if (!n.success) throw new QueryError(name, `must be an integer from 1 to ${max}`);
  return n.data;
}
