import { metrics } from "@sonde/api";
import { mulberry32 } from "./workload/random.js";

// The inputs every library records in the metrics benchmarks: HTTP-like tag sets (10 routes ×
// 5 statuses) and latencies, drawn once with a fixed seed so that runs are comparable.

const ROUTES = [
  "/",
  "/login",
  "/logout",
  "/browse",
  "/search",
  "/cart",
  "/checkout",
  "/charge",
  "/orders/:id",
  "/account",
];
const STATUSES = [200, 201, 304, 404, 500];

/** One request's tags, as every library accepts them (status as an integer). */
export type RequestTags = { readonly route: string; readonly status: number };

/** Every route × status combination: the 50 series each metric ends up with. */
export const COMBOS: readonly RequestTags[] = ROUTES.flatMap((route) =>
  STATUSES.map((status) => ({ route, status })),
);

/** Slots in the input arrays; a power of two, so a loop picks slot `i & MASK`. */
export const SLOTS = 1024;
export const MASK = SLOTS - 1;

const next = mulberry32(42);

/** For each slot, the index into {@link COMBOS} of its tag set. */
export const PICKS: readonly number[] = Array.from({ length: SLOTS }, () =>
  Math.floor(next() * COMBOS.length),
);

/**
 * For each slot, its tag set as a distinct object (as a call site building `{ route, status }`
 * would pass), so no library can win by recognising one object.
 */
export const TAGS: readonly RequestTags[] = PICKS.map((k) => ({ ...COMBOS[k] }));

/** For each slot, a latency in milliseconds: exponential with mean 50 ms. */
export const LATENCIES: readonly number[] = Array.from(
  { length: SLOTS },
  () => -Math.log(1 - next()) * 50,
);

/** Bucket bounds (ms) every library is given: OpenTelemetry's defaults. */
export const BUCKETS: readonly number[] = [
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
];

/** A slot-indexed array of bound handles: one handle per combination, made by `bind`. */
export function perSlot<H>(bind: (tags: RequestTags) => H): H[] {
  const handles = COMBOS.map(bind);
  return PICKS.map((k) => handles[k]);
}

/**
 * Declares the Sonde instruments every benchmark process measures (the same names, tags and
 * buckets in the main process and in the no-SDK child).
 */
export function declareSondeInstruments() {
  const tags = { route: "string", status: "int" } as const;
  return {
    requests: metrics.counter("/bench/http/server/request_count", {
      description: "Requests served.",
      unit: "1",
      tags,
    }),
    latency: metrics.distribution("/bench/http/server/latency", {
      description: "Time to serve a request.",
      unit: "ms",
      tags,
      buckets: BUCKETS,
    }),
  };
}
