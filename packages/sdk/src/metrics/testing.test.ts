import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "@sonde/api";
import { startForTest } from "./sonde.test-util.js";
import { metricsRecorder } from "./testing.js";

const charges = metrics.counter("/test/testing/charge_count", {
  description: "Charges.",
  unit: "1",
  tags: { outcome: "string" },
});
const chargeLatency = metrics.distribution("/test/testing/charge_latency", {
  description: "Charge latency.",
  unit: "ms",
  buckets: [10, 100],
});
const mode = metrics.gauge("/test/testing/mode", {
  description: "Mode.",
  unit: "1",
  valueType: "string",
});

/** The code under test. */
function charge(ms: number): void {
  charges.add(1, { outcome: ms < 50 ? "ok" : "slow" });
  chargeLatency.record(ms);
  mode.set("busy");
}

test("the recorder answers what changed since it was made, not before", async () => {
  const { sonde } = startForTest();
  charge(5); // before the recorder: its baseline
  const recorder = metricsRecorder(sonde);
  charge(12.5);
  charge(70);
  assert.equal(recorder.increase("/test/testing/charge_count", { outcome: "ok" }), 1n);
  assert.equal(recorder.value("/test/testing/charge_count", { outcome: "ok" }), 2n, "the total");
  assert.equal(recorder.increase("/test/testing/charge_count", { outcome: "slow" }), 1n);
  assert.deepEqual(recorder.recorded("/test/testing/charge_latency"), {
    count: 2,
    sum: 82.5,
    bounds: [10, 100],
    counts: [0, 2, 0],
  });
  assert.equal(recorder.value("/test/testing/mode"), "busy");
  assert.deepEqual(recorder.changes("/test/testing/"), [
    '/test/testing/charge_count{outcome="ok"} +1',
    '/test/testing/charge_count{outcome="slow"} +1',
    "/test/testing/charge_latency{} count +2 sum +82.5",
  ]);
  mode.set("idle");
  assert.deepEqual(recorder.changes("/test/testing/mode"), ['/test/testing/mode{} = "idle"']);
  assert.equal(recorder.series("/test/testing/charge_count").length, 2);
  await sonde.shutdown();
});

test("unknown names and tags read as absent, never throw", async () => {
  const { sonde, recorder } = startForTest();
  assert.equal(recorder.value("/no/such/metric"), undefined);
  assert.equal(recorder.increase("/no/such/metric"), 0n);
  assert.equal(recorder.increase("/test/testing/charge_count", { outcome: "never" }), 0n);
  assert.deepEqual(recorder.recorded("/no/such/metric"), {
    count: 0,
    sum: 0,
    bounds: [],
    counts: [0],
  });
  assert.deepEqual(recorder.series("/no/such/metric"), []);
  assert.deepEqual(recorder.changes("/no/"), []);
  await sonde.shutdown();
});
