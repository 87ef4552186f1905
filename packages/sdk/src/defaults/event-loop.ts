import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { metrics } from "@sonde/api";

/** How often (ms) Node's event-loop delay monitor takes a sample. */
const RESOLUTION_MS = 10;

function declare() {
  return metrics.distribution("/proc/event_loop/delay", {
    description: `How late the event loop ran a timer due every ${RESOLUTION_MS} ms (perf_hooks.monitorEventLoopDelay), one sample per tick.`,
    unit: "ms",
    owner: "sonde",
    stability: "experimental",
    buckets: [0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
  });
}

let declared: ReturnType<typeof declare> | undefined;

/** The instruments, declared on first use (declarations are process-wide). */
function instruments(): ReturnType<typeof declare> {
  if (declared === undefined) declared = declare();
  return declared;
}

/**
 * Feeds `/proc/event_loop/delay` from `perf_hooks.monitorEventLoopDelay`, which times a libuv
 * timer due every {@link RESOLUTION_MS} ms in native code (no JavaScript per sample). Each
 * `sample()` moves the monitor's samples since the previous one into the distribution and
 * resets the monitor: its HDR histogram is read through `percentiles` (percentile → value),
 * and the share of samples between two consecutive percentiles is recorded at the upper
 * one's value, minus the resolution (the monitor measures the whole interval). The count is
 * exact and the max exact to the HDR histogram's precision (about 1 %); the other values are
 * rounded up to the next percentile Node reports (0, 50, 75, 87.5, … 100), so sum and buckets
 * lean high. Cheap: about 100 `record` calls per second.
 */
export class EventLoopDelaySampler {
  readonly #distribution = instruments().bind();
  readonly #monitor: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

  constructor() {
    this.#monitor.enable();
  }

  /** Records the samples taken since the last call. May throw (the caller reports). */
  sample(): void {
    const monitor = this.#monitor;
    const count = monitor.count;
    if (count === 0) return;
    let recorded = 0;
    for (const [percentile, nanoseconds] of monitor.percentiles) {
      const upTo = percentile >= 100 ? count : Math.round((percentile / 100) * count);
      const delayMs = Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);
      for (; recorded < upTo; recorded++) this.#distribution.record(delayMs);
    }
    monitor.reset();
  }

  stop(): void {
    this.#monitor.disable();
  }
}
