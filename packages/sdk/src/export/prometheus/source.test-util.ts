import { setImmediate as nextTurn } from "node:timers/promises";
import type { MetricSnapshot } from "../../metrics/read.js";
import type { PrometheusSource } from "./handler.js";

/** A source over fixed snapshots that chunks and yields as the read contract says. */
export interface FixedSource extends PrometheusSource {
  /** Series handed out so far. */
  seriesRead: number;
  /** True once the reader stopped the generator (finished, failed or left early). */
  closed: boolean;
}

/**
 * Reads `snapshots` like `readMetricsIncrementally`: metric by metric, at most `chunkSize`
 * series per snapshot, a `setImmediate` turn between chunks. `failAfter` series makes it
 * throw, to test failures.
 */
export function fixedSource(snapshots: readonly MetricSnapshot[], failAfter = -1): FixedSource {
  const source: FixedSource = {
    seriesRead: 0,
    closed: false,
    async *readMetricsIncrementally(chunkSize = 1000) {
      try {
        for (const snapshot of snapshots) {
          let from = 0;
          do {
            await nextTurn();
            const series = snapshot.series.slice(from, from + chunkSize);
            from += chunkSize;
            source.seriesRead += series.length;
            if (failAfter >= 0 && source.seriesRead > failAfter) throw new Error("read failed");
            yield { declaration: snapshot.declaration, series };
          } while (from < snapshot.series.length);
        }
      } finally {
        source.closed = true;
      }
    },
  };
  return source;
}
