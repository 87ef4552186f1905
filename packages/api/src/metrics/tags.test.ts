// A type test: `tsc -b` fails if any `@ts-expect-error` line below stops being an error, so
// these lines prove that wrong tag names and types are compile-time errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "./api.js";
import type { TagValues } from "./types.js";

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

test("well-typed calls compile and are noops without an SDK", () => {
  charges.add(1, { outcome: "ok", attempt: 1, retried: false });
  charges.bind({ outcome: "ok", attempt: 2, retried: true }).add(1);
  latency.record(12.5, { outcome: "declined" });
  latency.bind({ outcome: "ok" }).record(3);
  untagged.add(1);
  untagged.bind().add(1);
  const tags: TagValues<{ outcome: "string" }> = { outcome: "ok" };
  latency.record(1, tags);
  assert.equal(charges.declaration.name, "/types/billing/charge_count");
});

test("wrong tag names and types are compile-time errors", () => {
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
  metrics.counter("/types/bad_schema", {
    description: "",
    unit: "1",
    // @ts-expect-error: only string, int and bool are tag types
    tags: { outcome: "float" },
  });
  // @ts-expect-error: description and unit are required
  metrics.counter("/types/no_metadata", {});
  // Calls that fail type-checking are still dropped safely at runtime.
  assert.ok(true);
});
