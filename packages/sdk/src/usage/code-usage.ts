import { tracedFunctionNames } from "@sonde/api";
import type { SpanStats } from "../trace/span-stats.js";

/** One instrumented function or span name in a {@link CodeUsage} report. */
export interface CodeUsageEntry {
  /** The traced function's name (its spans' name) or a span name. */
  name: string;
  /** Whether `trace(name, fn)` declared it; false for span names seen only at run time. */
  declared: boolean;
  /** Finished spans of this name since the SDK started (sampled or not). */
  calls: number;
  /** Of those, spans with status error. */
  errors: number;
  /**
   * When a span of this name last finished, in milliseconds since the UNIX epoch, to the
   * tracker's resolution; undefined when none ever did.
   */
  lastCalledUnixMs: number | undefined;
}

/** Options of {@link CodeUsage.report}. */
export interface CodeUsageQuery {
  /**
   * The start of the time range, ms since the UNIX epoch: `ranInRange` tells whether the name
   * ran since. Default: the tracker's start.
   */
  sinceUnixMs?: number;
}

/** A {@link CodeUsageEntry} with whether it ran in the queried range. */
export interface CodeUsageReportEntry extends CodeUsageEntry {
  ranInRange: boolean;
}

interface Seen {
  calls: number;
  lastCalledUnixMs: number | undefined;
}

/**
 * The code usage report (issue 7, the seed's wish to retire unused code paths): which traced
 * functions and span names ran in a time range and which did not, from the span statistics
 * (every finished span, sampled or not) and the names declared by `trace(name, fn)` — so a
 * declared function that never ran is listed with 0 calls. Last-call times come from
 * comparing call counts every `resolutionMs` (default 10 s) and at each report, so the hot
 * path pays nothing.
 */
export class CodeUsage {
  readonly startedUnixMs: number;
  readonly #stats: SpanStats;
  readonly #now: () => number;
  readonly #seen = new Map<string, Seen>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(stats: SpanStats, options: { resolutionMs?: number; now?: () => number } = {}) {
    this.#stats = stats;
    this.#now = options.now ?? Date.now;
    this.startedUnixMs = this.#now();
    this.#timer = setInterval(() => this.#poll(), options.resolutionMs ?? 10_000);
    this.#timer.unref();
  }

  /** Every declared traced function and every span name seen, sorted by name. Never throws. */
  report(query: CodeUsageQuery = {}): CodeUsageReportEntry[] {
    this.#poll();
    const since = query.sinceUnixMs ?? this.startedUnixMs;
    const declared = new Set(tracedFunctionNames());
    const byName = new Map(this.#stats.all().map((stats) => [stats.name, stats]));
    const names = new Set([...declared, ...byName.keys()]);
    return [...names].sort().map((name) => {
      const stats = byName.get(name);
      const last = this.#seen.get(name)?.lastCalledUnixMs;
      return {
        name,
        declared: declared.has(name),
        calls: stats?.calls ?? 0,
        errors: stats?.errors ?? 0,
        lastCalledUnixMs: last,
        ranInRange: last !== undefined && last >= since,
      };
    });
  }

  /** Stops the tracker's timer. */
  stop(): void {
    clearInterval(this.#timer);
  }

  #poll(): void {
    const now = this.#now();
    for (const stats of this.#stats.all()) {
      const seen = this.#seen.get(stats.name);
      if (seen === undefined) {
        this.#seen.set(stats.name, {
          calls: stats.calls,
          lastCalledUnixMs: stats.calls > 0 ? now : undefined,
        });
      } else if (stats.calls !== seen.calls) {
        seen.calls = stats.calls;
        seen.lastCalledUnixMs = now;
      }
    }
  }
}
