import type {
  BoundDistribution,
  MetricsImplementation,
  SpanKind,
  SpanStatusCode,
} from "@sonde/api";
import { diag, metrics } from "@sonde/api";

/** Span kinds by index (the order spans store them in). */
export const KINDS: readonly SpanKind[] = ["internal", "server", "client", "producer", "consumer"];
/** Span status codes by index. */
export const STATUSES: readonly SpanStatusCode[] = ["unset", "ok", "error"];
/** The index of status `error` in {@link STATUSES}. */
export const ERROR_STATUS = 2;

/** Span names kept apart at most; spans of further names are counted under {@link OTHER_NAME}. */
export const MAX_SPAN_NAMES = 500;
/** The name under which spans beyond {@link MAX_SPAN_NAMES} distinct names are counted. */
export const OTHER_NAME = "(other)";

/** The span metric: every finished span, sampled or not. */
export const SPAN_DURATION_METRIC = "/sonde/spans/duration";

const SPAN_DURATION_TAGS = { name: "string", kind: "string", status: "string" } as const;

/** Calls from spans of one name (the caller) to spans of another, in this process. */
export interface CallEdgeStats {
  readonly caller: SpanNameStats;
  calls: number;
  errors: number;
  /** Sum of the callee spans' durations, in milliseconds. */
  totalMs: number;
}

/**
 * What is known about the finished spans of one name: their duration distribution by kind
 * and status (the span metric), and their call-graph node (calls, errors, total and self
 * time) with the edges from the spans that started them.
 */
export class SpanNameStats {
  readonly name: string;
  calls = 0;
  errors = 0;
  /** Sum of durations, in milliseconds. */
  totalMs = 0;
  /** Sum of durations minus the time of children that ended before their parent, in ms. */
  selfMs = 0;
  /** Incoming edges, by caller. */
  readonly callers = new Map<SpanNameStats, CallEdgeStats>();
  // One bound handle per (kind, status), bound on first use.
  readonly #durations: (BoundDistribution | undefined)[] = new Array(KINDS.length * 3).fill(
    undefined,
  );
  readonly #bind: (kind: SpanKind, status: SpanStatusCode) => BoundDistribution;

  constructor(name: string, bind: (kind: SpanKind, status: SpanStatusCode) => BoundDistribution) {
    this.name = name;
    this.#bind = bind;
  }

  /**
   * Counts one finished span. `kind` and `status` are indexes into {@link KINDS} and
   * {@link STATUSES}; `caller` is the stats of its parent when the parent is in this process.
   */
  record(
    kind: number,
    status: number,
    durationMs: number,
    selfMs: number,
    caller: SpanNameStats | undefined,
  ): void {
    const failed = status === ERROR_STATUS ? 1 : 0;
    this.calls++;
    this.errors += failed;
    this.totalMs += durationMs;
    this.selfMs += selfMs;
    if (caller !== undefined) {
      let edge = this.callers.get(caller);
      if (edge === undefined) {
        edge = { caller, calls: 0, errors: 0, totalMs: 0 };
        this.callers.set(caller, edge);
      }
      edge.calls++;
      edge.errors += failed;
      edge.totalMs += durationMs;
    }
    const slot = kind * 3 + status;
    let durations = this.#durations[slot];
    if (durations === undefined) {
      durations = this.#bind(KINDS[kind], STATUSES[status]);
      this.#durations[slot] = durations;
    }
    durations.record(durationMs);
  }
}

/**
 * Statistics of all span names of one SDK, feeding the span metric
 * `/sonde/spans/duration{name, kind, status}` (milliseconds) and the call graph. Names are
 * bounded: beyond {@link MAX_SPAN_NAMES}, spans count under {@link OTHER_NAME} (reported once
 * as `series_limit`), so that badly named spans (ids in names) cannot grow memory or series.
 */
export class SpanStats {
  readonly #byName = new Map<string, SpanNameStats>();
  readonly #bind: (name: string, kind: SpanKind, status: SpanStatusCode) => BoundDistribution;
  #other: SpanNameStats | undefined;

  /** `implementation`: the SDK's metrics, recorded into directly (no api proxy in between). */
  constructor(implementation: MetricsImplementation) {
    const declared = metrics.distribution(SPAN_DURATION_METRIC, {
      description:
        "Duration of every finished span, sampled or not, by span name, kind and status.",
      unit: "ms",
      tags: SPAN_DURATION_TAGS,
      owner: "sonde",
    });
    const distribution = implementation.distribution(declared.declaration);
    this.#bind = (name, kind, status) => distribution.bind({ name, kind, status });
  }

  /** The stats of spans named `name` (or of {@link OTHER_NAME} once names are exhausted). */
  get(name: string): SpanNameStats {
    const known = this.#byName.get(name);
    if (known !== undefined) return known;
    if (this.#byName.size >= MAX_SPAN_NAMES) return this.#overflow(name);
    const created = this.#create(name);
    this.#byName.set(name, created);
    return created;
  }

  /** Every span name seen so far (and {@link OTHER_NAME} if used). */
  all(): SpanNameStats[] {
    const all = [...this.#byName.values()];
    if (this.#other !== undefined) all.push(this.#other);
    return all;
  }

  #create(name: string): SpanNameStats {
    return new SpanNameStats(name, (kind, status) => this.#bind(name, kind, status));
  }

  #overflow(name: string): SpanNameStats {
    if (this.#other === undefined) {
      diag.report({
        code: "series_limit",
        message: `more than ${MAX_SPAN_NAMES} span names (e.g. ${JSON.stringify(name)}); further names are counted as ${OTHER_NAME} in ${SPAN_DURATION_METRIC} and the call graph`,
        key: SPAN_DURATION_METRIC,
      });
      this.#other = this.#create(OTHER_NAME);
    }
    return this.#other;
  }
}
