import assert from "node:assert/strict";
import { test } from "node:test";
import { GCProfiler } from "node:v8";
import { metrics } from "@sonde/api";
import { startForTest } from "./sonde.test-util.js";

const CALLS = 10_000_000;

const requests = metrics.counter("/test/allocation/request_count", {
  description: "Requests.",
  unit: "1",
  tags: { route: "string", status: "int" },
});
const latency = metrics.distribution("/test/allocation/latency", {
  description: "Latency.",
  unit: "ms",
  tags: { route: "string", status: "int" },
});
const inFlight = metrics.gauge("/test/allocation/in_flight", {
  description: "In flight.",
  unit: "1",
  valueType: "int",
});

/**
 * Bytes allocated while `run(n)` runs: heap growth plus what every GC in between freed
 * (V8's GCProfiler), so the count holds even if the run triggers collections.
 */
function allocated(run: (n: number) => void): number {
  run(100_000); // optimised first: no compiler allocations in the reading
  const profiler = new GCProfiler();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  run(CALLS);
  const after = process.memoryUsage().heapUsed;
  let freed = 0;
  for (const gc of profiler.stop().statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  }
  return after - before + freed;
}

test("bound handles allocate nothing per call (10M calls each)", async () => {
  const { sonde, recorder } = startForTest();
  const handles = ["/", "/users", "/cart"].map((route) => requests.bind({ route, status: 200 }));
  const latencies = ["/", "/users", "/cart"].map((route) => latency.bind({ route, status: 200 }));
  const gauge = inFlight.bind();
  const values = Array.from({ length: 1024 }, (_, i) => (i * 7.3) % 900);
  const bytes = [
    allocated((n) => {
      for (let i = 0; i < n; i++) handles[i % 3].add(1);
    }),
    allocated((n) => {
      for (let i = 0; i < n; i++) latencies[i % 3].record(values[i & 1023]);
    }),
    allocated((n) => {
      for (let i = 0; i < n; i++) gauge.add(i & 1 ? 1 : -1);
    }),
  ];
  // Zero per call: what remains is the JIT's own work, ~1 MB at most over 10M calls, where a
  // single allocation per call (a boxed double, 12 bytes) would be 120 MB.
  for (const total of bytes) assert.ok(total < 10_000_000, `${bytes} bytes over ${CALLS} calls`);
  const total = recorder
    .series(requests.declaration.name)
    .reduce((sum, s) => sum + (s.value as bigint), 0n);
  assert.equal(total, BigInt(CALLS + 100_000), "the calls were not optimised away");
  await sonde.shutdown();
});
