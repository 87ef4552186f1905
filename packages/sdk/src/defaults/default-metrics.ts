import { diag } from "@sonde/api";
import { type BuildInfo, declareBuildConstants } from "./build.js";
import { EventLoopDelaySampler } from "./event-loop.js";
import { GcObserver } from "./gc.js";
import { ResourceSampler } from "./resources.js";

/** Options for {@link startDefaultMetrics}. */
export interface DefaultMetricsOptions {
  /** Values for the `/build/*` constants (see {@link BuildInfo}). */
  buildInfo?: BuildInfo;
  /** Milliseconds between refreshes of the sampled `/proc/*` metrics. Default 1000. */
  intervalMs?: number;
}

/** The running default metrics. */
export interface DefaultMetrics {
  /** Samples memory, CPU time, active resources and event-loop delay now. Never throws. */
  refresh(): void;
  /** Takes a last sample, then stops the timer and the observers. Idempotent; never throws. */
  stop(): void;
}

function guarded(what: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    diag.report({
      code: "internal_error",
      message: `default metrics: ${what} failed`,
      key: `default_metrics_${what}`,
      error,
    });
  }
}

/**
 * Declares the default metrics (seed "SRE School: Instrumentation"), owner `"sonde"`, and
 * keeps them current; `startSonde` calls it unless `defaultMetrics: false`. Run one per SDK
 * (CPU counters add what grew since the previous refresh).
 *
 * - Constants: `/build/node_version`; `/build/version`, `/build/revision_id`,
 *   `/build/timestamp` (`s`) when known (see {@link declareBuildConstants});
 *   `/proc/start_time` (`ms` since the UNIX epoch).
 * - Gauges, refreshed every `intervalMs` by an `unref()`ed timer and once at start:
 *   `/proc/memory/{rss,heap_used,heap_total,external}` (`By`), `/proc/active_resources{type}`.
 * - Counters: `/proc/cpu/{user_time,system_time}` (`us`, cumulative since the process
 *   started), refreshed the same way; `/proc/gc/count{kind}`, as collections happen.
 * - Distributions: `/proc/event_loop/delay` (`ms`, moved in at each refresh, see
 *   `EventLoopDelaySampler`); `/proc/gc/pause_duration{kind}` (`ms`).
 *
 * Declarations are process-wide and stay after `stop()`. Never throws: failures are reported
 * through `diag` as `internal_error`.
 */
export function startDefaultMetrics(options: DefaultMetricsOptions = {}): DefaultMetrics {
  const parts: { resources?: ResourceSampler; eventLoop?: EventLoopDelaySampler; gc?: GcObserver } =
    {};
  guarded("build", () => declareBuildConstants(options.buildInfo));
  guarded("resources", () => {
    parts.resources = new ResourceSampler();
  });
  guarded("event_loop", () => {
    parts.eventLoop = new EventLoopDelaySampler();
  });
  guarded("gc", () => {
    parts.gc = new GcObserver();
  });
  const refresh = () => {
    guarded("resources", () => parts.resources?.sample());
    guarded("event_loop", () => parts.eventLoop?.sample());
  };
  const intervalMs =
    typeof options.intervalMs === "number" && options.intervalMs > 0
      ? Math.min(options.intervalMs, 2 ** 31 - 1)
      : 1000;
  const timer = setInterval(refresh, intervalMs);
  timer.unref();
  refresh();
  let stopped = false;
  return {
    refresh,
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      refresh();
      guarded("event_loop", () => parts.eventLoop?.stop());
      guarded("gc", () => parts.gc?.stop());
    },
  };
}
