import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "@sonde/api";
import { clamped, dropped, startForTest } from "./sonde.test-util.js";

enum Mode {
  OPT_FOO = 1,
  OPT_BAR = 2,
}

const threads = metrics.gauge("/test/gauge/thread_count", {
  description: "Threads.",
  unit: "{thread}",
  valueType: "int",
  tags: { pool: "string" },
});
const temperature = metrics.gauge("/test/gauge/temperature", {
  description: "Temperature.",
  unit: "Cel",
});
const directory = metrics.gauge("/test/gauge/working_directory", {
  description: "Working directory.",
  unit: "1",
  valueType: "string",
});
const mode = metrics.gauge("/test/gauge/mode", {
  description: "Mode.",
  unit: "1",
  valueType: "string",
  values: Mode,
});
const role = metrics.gauge("/test/gauge/role", {
  description: "Role.",
  unit: "1",
  valueType: "string",
  values: ["primary", "standby"],
});
const healthy = metrics.gauge("/test/gauge/healthy", {
  description: "Healthy.",
  unit: "1",
  valueType: "bool",
});

test("int gauges set and add exactly as int64, clamping beyond it (counted)", async () => {
  const { sonde, recorder } = startForTest();
  const name = threads.declaration.name;
  const pool = threads.bind({ pool: "io" });
  pool.set(12);
  pool.add(-2);
  threads.add(5, { pool: "cpu" }); // starts from 0
  assert.equal(recorder.value(name, { pool: "io" }), 10n);
  assert.equal(recorder.value(name, { pool: "cpu" }), 5n);
  pool.set(Number.MAX_SAFE_INTEGER);
  pool.add(2);
  assert.equal(recorder.value(name, { pool: "io" }), 2n ** 53n + 1n, "exact past 2^53");
  pool.add(-3);
  assert.equal(recorder.value(name, { pool: "io" }), 2n ** 53n - 2n, "and back");
  pool.set(-(2n ** 63n));
  assert.equal(recorder.value(name, { pool: "io" }), -(2n ** 63n));
  pool.add(-1);
  assert.equal(recorder.value(name, { pool: "io" }), -(2n ** 63n), "clamped at int64 min");
  pool.set(2n ** 64n);
  assert.equal(recorder.value(name, { pool: "io" }), 2n ** 63n - 1n, "clamped at int64 max");
  pool.set(-0);
  assert.equal(recorder.value(name, { pool: "io" }), 0n);
  assert.equal(clamped(recorder, name, "out_of_range"), 2n);
  const set = pool.set.bind(pool) as (value: unknown) => void;
  for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null, true]) set(bad);
  assert.equal(dropped(recorder, name, "invalid_value"), 6n);
  assert.equal(recorder.value(name, { pool: "io" }), 0n, "dropped values change nothing");
  await sonde.shutdown();
});

test("double gauges take finite numbers; unset gauges have no value", async () => {
  const { sonde, recorder } = startForTest();
  const name = temperature.declaration.name;
  assert.deepEqual(recorder.series(name), [], "no series before the first set");
  temperature.bind(); // bound, never set: still no value
  assert.deepEqual(recorder.series(name), []);
  temperature.set(21.5);
  temperature.add(-0.25);
  assert.equal(recorder.value(name), 21.25);
  temperature.set(-0);
  assert.ok(Object.is(recorder.value(name), 0), "-0 is reported as 0");
  const set = temperature.set.bind(temperature) as (value: unknown) => void;
  for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, 1n, "1"]) set(bad);
  temperature.set(Number.MAX_VALUE);
  temperature.add(Number.MAX_VALUE);
  assert.equal(recorder.value(name), Number.MAX_VALUE, "an overflowing sum is clamped");
  assert.equal(dropped(recorder, name, "invalid_value"), 4n);
  assert.equal(clamped(recorder, name, "out_of_range"), 1n);
  await sonde.shutdown();
});

test("string gauges keep text (truncated past 4096), enums report member names", async () => {
  const { sonde, recorder } = startForTest();
  directory.set("/var/www/current");
  assert.equal(recorder.value(directory.declaration.name), "/var/www/current");
  directory.set("x".repeat(100_000));
  assert.equal((recorder.value(directory.declaration.name) as string).length, 4096);
  assert.equal(clamped(recorder, directory.declaration.name, "too_long"), 1n);
  mode.set(Mode.OPT_BAR);
  assert.equal(recorder.value(mode.declaration.name), "OPT_BAR");
  role.bind().set("standby");
  assert.equal(recorder.value(role.declaration.name), "standby");
  const looseMode = mode.set.bind(mode) as (value: unknown) => void;
  looseMode("OPT_FOO"); // a name is not a member value
  looseMode(3);
  (role.set.bind(role) as (value: unknown) => void)("offline");
  (directory.add.bind(directory) as (value: unknown) => void)(1);
  assert.equal(recorder.value(mode.declaration.name), "OPT_BAR");
  assert.equal(dropped(recorder, mode.declaration.name, "invalid_value"), 2n);
  assert.equal(dropped(recorder, role.declaration.name, "invalid_value"), 1n);
  assert.equal(dropped(recorder, directory.declaration.name, "invalid_value"), 1n);
  await sonde.shutdown();
});

test("bool gauges take booleans only", async () => {
  const { sonde, recorder } = startForTest();
  healthy.set(true);
  healthy.bind().set(false);
  (healthy.set.bind(healthy) as (value: unknown) => void)(1);
  (healthy.add.bind(healthy) as (value: unknown) => void)(1);
  assert.equal(recorder.value(healthy.declaration.name), false);
  assert.equal(dropped(recorder, healthy.declaration.name, "invalid_value"), 2n);
  await sonde.shutdown();
});
