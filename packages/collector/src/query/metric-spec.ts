import {
  type Filter,
  METRIC_OPS,
  type MetricOp,
  type MetricQueryRequest,
} from "@sonde/protocol/query";
import { z } from "zod";
import { QueryError } from "./errors.js";
import {
  checkBreakdowns,
  checkFilter,
  checkGranularity,
  DEFAULT_LIMIT,
  issueError,
  resolveTimeRange,
  sharedFields,
  timeRangeSchema,
} from "./spec.js";

/** A validated `metrics` query, its time range resolved to absolute instants. */
export interface MetricQuerySpec {
  dataset: "metrics";
  metric: string;
  start: Date;
  end: Date;
  /** Distinct ops; empty means the metric kind's default (resolved by the runner). */
  ops: MetricOp[];
  filters: Filter[];
  breakdowns: string[];
  granularity_s: number;
  limit: number;
}

const metricQuerySchema = z.strictObject({
  dataset: z.literal("metrics"),
  metric: z.string().min(1, { error: "must not be empty" }),
  time_range: timeRangeSchema,
  calculations: z
    .array(z.strictObject({ op: z.enum(METRIC_OPS) }))
    .max(50)
    .optional(),
  ...sharedFields,
});

// Compile-time checks that the shared MetricQueryRequest type and the schema agree.
type _ReadsEveryField<
  K extends keyof z.input<typeof metricQuerySchema> = keyof MetricQueryRequest,
> = K;
type _RequestFitsSchema<T extends z.input<typeof metricQuerySchema> = MetricQueryRequest> = T;

/** The ops each metric kind takes. */
export const OPS_BY_KIND: Record<string, readonly MetricOp[]> = {
  counter: ["RATE", "INCREASE"],
  gauge: ["LAST", "AVG", "MIN", "MAX"],
  constant: ["LAST", "AVG", "MIN", "MAX"],
  distribution: ["P50", "P90", "P95", "P99", "HEATMAP", "COUNT", "SUM"],
};

/**
 * Validates a `metrics` query ({@link MetricQueryRequest}) and resolves it against `now`, with
 * the same rules as `parseQuery` for the time range, filters (any name: identity fields and
 * tags), breakdowns, granularity and limit. Whether the metric exists and its ops fit its kind
 * is checked by the runner, which knows the kind.
 * @throws {QueryError} naming the first offending field (a `column` on a calculation included).
 */
export function parseMetricQuery(input: unknown, now: Date = new Date()): MetricQuerySpec {
  const calcs = (input as { calculations?: unknown })?.calculations;
  if (Array.isArray(calcs)) {
    calcs.forEach((c, i) => {
      if (typeof c === "object" && c !== null && "column" in c) {
        throw new QueryError(
          `calculations[${i}].column`,
          "metric calculations take no column; the metric is named by metric",
        );
      }
    });
  }
  const parsed = metricQuerySchema.safeParse(input);
  if (!parsed.success) throw issueError(parsed.error.issues[0], input);
  const query = parsed.data;
  const { start, end } = resolveTimeRange(query.time_range, now);
  const ops = (query.calculations ?? []).map((c, i, all) => {
    if (all.findIndex((o) => o.op === c.op) !== i) {
      throw new QueryError(`calculations[${i}]`, `duplicate calculation ${c.op}`);
    }
    return c.op;
  });
  return {
    dataset: "metrics",
    metric: query.metric,
    start,
    end,
    ops,
    filters: (query.filters ?? []).map((f, i) => checkFilter(f, `filters[${i}]`, () => undefined)),
    breakdowns: checkBreakdowns(query.breakdowns ?? []),
    granularity_s: checkGranularity(query.granularity_s, end.getTime() - start.getTime()),
    limit: query.limit ?? DEFAULT_LIMIT,
  };
}
