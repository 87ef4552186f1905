// A type test: `tsc -b` fails if any `@ts-expect-error` line below stops being an error, so
// these lines prove that wrong tag names and types, and wrong values, are compile-time errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "./api.js";
import type { TagValues } from "./types.js";

enum Method {
  GET = 0,
  POST = 1,
}

const charges = metrics.counter("/types/billing/charge_count", {
  description: "Charges.",
  unit: "1",
  tags: { outcome: "string", attempt: "int", retried: "bool" },
});
const latency = metrics.distribution("/types/billing/charge_latency", {
  description: "Latency.",
  unit: "ms",
  tags: { outcome: "string" },
});
const untagged = metrics.counter("/types/billing/tick_count", { description: "Ticks.", unit: "1" });
const requests = metrics.counter("/types/http/request_count", {
  description: "Requests.",
  unit: "1",
  tags: { method: { type: "string", values: Method }, code: { type: "int", values: [200, 404] } },
});
const threads = metrics.gauge("/types/proc/thread_count", {
  description: "Threads.",
  unit: "{thread}",
  valueType: "int",
});
const temperature = metrics.gauge("/types/room/temperature", {
  description: "Temperature.",
  unit: "Cel",
  tags: { room: "string" },
});
const mode = metrics.gauge("/types/app/mode", {
  description: "Mode.",
  unit: "1",
  valueType: "string",
  values: ["primary", "standby"],
});
const enabled = metrics.gauge("/types/app/enabled", {
  description: "Enabled.",
  unit: "1",
  valueType: "bool",
});

test("well-typed calls compile and are noops without an SDK", () => {
  charges.add(1, { outcome: "ok", attempt: 1, retried: false });
  charges.add(2n ** 60n, { outcome: "ok", attempt: 1, retried: false });
  charges.bind({ outcome: "ok", attempt: 2, retried: true }).add(1);
  latency.record(12.5, { outcome: "declined" });
  latency.bind({ outcome: "ok" }).record(3);
  untagged.add(1);
  untagged.bind().add(1);
  requests.add(1, { method: Method.POST, code: 404 });
  threads.set(12);
  threads.set(2n ** 62n);
  threads.add(-1);
  temperature.set(21.5, { room: "kitchen" });
  temperature.bind({ room: "hall" }).add(-0.5);
  mode.set("standby");
  mode.bind().set("primary");
  enabled.set(true);
  const tags: TagValues<{ outcome: "string" }> = { outcome: "ok" };
  latency.record(1, tags);
  const revision = metrics.constant("/types/build/revision_id", {
    description: "Revision.",
    unit: "1",
    value: "git:da39a3ee",
  });
  const value: "git:da39a3ee" = revision.value;
  assert.equal(value, "git:da39a3ee");
  assert.equal(charges.declaration.name, "/types/billing/charge_count");
});

test("wrong tag names, tag types and values are compile-time errors", () => {
  // @ts-expect-error: unknown tag name
  charges.add(1, { outcome: "ok", attempt: 1, retried: false, region: "eu" });
  // @ts-expect-error: misspelled tag name
  charges.add(1, { outcom: "ok", attempt: 1, retried: false });
  // @ts-expect-error: missing tag
  charges.add(1, { outcome: "ok", attempt: 1 });
  // @ts-expect-error: int tag given a string
  charges.add(1, { outcome: "ok", attempt: "1", retried: false });
  // @ts-expect-error: bool tag given a number
  charges.bind({ outcome: "ok", attempt: 1, retried: 0 });
  // @ts-expect-error: string tag given a number
  latency.record(1, { outcome: 404 });
  // @ts-expect-error: tags are required when declared
  latency.record(1);
  // @ts-expect-error: a metric without tags takes none
  untagged.add(1, { outcome: "ok" });
  // @ts-expect-error: a bound handle takes no tags
  latency.bind({ outcome: "ok" }).record(1, { outcome: "ok" });
  // @ts-expect-error: a value outside the declared list
  requests.add(1, { method: Method.GET, code: 500 });
  // @ts-expect-error: an enum tag takes enum members, not names
  requests.add(1, { method: "GET", code: 200 });
  // @ts-expect-error: a counter does not take strings
  charges.add("1", { outcome: "ok", attempt: 1, retried: false });
  // @ts-expect-error: an int gauge does not take strings
  threads.set("12");
  // @ts-expect-error: a double gauge does not take bigints
  temperature.set(1n, { room: "kitchen" });
  // @ts-expect-error: a string gauge with values takes only those
  mode.set("offline");
  // @ts-expect-error: a string gauge has no add
  mode.add(1);
  // @ts-expect-error: a bool gauge takes booleans
  enabled.set(1);
  metrics.counter("/types/bad_schema", {
    description: "",
    unit: "1",
    // @ts-expect-error: only string, int and bool are tag types (no floats)
    tags: { outcome: "float" },
  });
  // @ts-expect-error: description and unit are required
  metrics.counter("/types/no_metadata", {});
  // @ts-expect-error: a constant needs a value
  metrics.constant("/types/no_value", { description: "", unit: "1" });
  // Calls that fail type-checking are still dropped safely at runtime.
  assert.ok(true);
});
