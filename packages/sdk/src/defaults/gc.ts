import { constants, type PerformanceEntry, PerformanceObserver } from "node:perf_hooks";
import { diag, metrics } from "@sonde/api";

const KINDS = ["minor", "major", "incremental", "weakcb", "other"] as const;
type Kind = (typeof KINDS)[number];

/** `entry.detail.kind` (Node ≥ 16) → tag value. */
const KIND_NAMES = new Map<number, Kind>([
  [constants.NODE_PERFORMANCE_GC_MINOR, "minor"],
  [constants.NODE_PERFORMANCE_GC_MAJOR, "major"],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, "incremental"],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, "weakcb"],
]);

function declare() {
  const tags = { kind: { type: "string", values: KINDS } } as const;
  return {
    count: metrics.counter("/proc/gc/count", {
      description:
        "Garbage collections by V8, by kind (minor: scavenge; major: mark-sweep-compact).",
      unit: "{collection}",
      owner: "sonde",
      stability: "experimental",
      tags,
    }),
    pause: metrics.distribution("/proc/gc/pause_duration", {
      description: "Time the program was paused by a garbage collection, by kind.",
      unit: "ms",
      owner: "sonde",
      stability: "experimental",
      tags,
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000],
    }),
  };
}

let declared: ReturnType<typeof declare> | undefined;

/** The instruments, declared on first use (declarations are process-wide). */
function instruments(): ReturnType<typeof declare> {
  if (declared === undefined) declared = declare();
  return declared;
}

function kindOf(entry: PerformanceEntry): Kind {
  const detail = (entry as { detail?: { kind?: unknown } | null }).detail;
  const kind = detail?.kind;
  return (typeof kind === "number" && KIND_NAMES.get(kind)) || "other";
}

/**
 * Counts V8 garbage collections into `/proc/gc/count{kind}` and records their pauses into
 * `/proc/gc/pause_duration{kind}`, from a `PerformanceObserver` on `gc` entries (Node delivers
 * them in batches, after the collection). Never throws.
 */
export class GcObserver {
  readonly #observer: PerformanceObserver;

  constructor() {
    const { count, pause } = instruments();
    const counts = new Map(KINDS.map((kind) => [kind, count.bind({ kind })]));
    const pauses = new Map(KINDS.map((kind) => [kind, pause.bind({ kind })]));
    this.#observer = new PerformanceObserver((list) => {
      try {
        for (const entry of list.getEntries()) {
          const kind = kindOf(entry);
          counts.get(kind)?.add(1);
          pauses.get(kind)?.record(entry.duration);
        }
      } catch (error) {
        diag.report({ code: "internal_error", message: "GC metrics failed", key: "gc", error });
      }
    });
    this.#observer.observe({ entryTypes: ["gc"] });
  }

  stop(): void {
    this.#observer.disconnect();
  }
}
