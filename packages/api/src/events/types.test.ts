// A type test: `tsc -b` fails if any `@ts-expect-error` line below stops being an error, so
// these lines prove that wrong field names and types are compile-time errors (as metric tags).
import assert from "node:assert/strict";
import { test } from "node:test";
import { events } from "./api.js";
import type { FieldValues } from "./types.js";

const configChanged = events.declare("/types/config/changed", {
  description: "A configuration key changed value.",
  severity: "warn",
  owner: "team-platform",
  fields: { key: "string", old: "string", new: "string" },
});
const resized = events.declare("/types/pool/resized", {
  description: "The pool was resized.",
  fields: { size: "int", ratio: "double", forced: "bool" },
});
const started = events.declare("/types/process/started", { description: "Started." });

test("well-typed records compile and are noops without an SDK", () => {
  configChanged.record({ key: "pool_size", old: "10", new: "20" });
  resized.record({ size: 3, ratio: 0.5, forced: true });
  started.record();
  started.record({});
  const fields: FieldValues<{ key: "string"; n: "int" }> = { key: "k", n: 1 };
  assert.equal(fields.n, 1);
  assert.equal(configChanged.declaration.severity, "warn");
  assert.equal(started.declaration.severity, "info");
});

test("wrong fields are compile-time errors", () => {
  // @ts-expect-error a field is missing
  configChanged.record({ key: "pool_size", old: "10" });
  // @ts-expect-error an undeclared field
  configChanged.record({ key: "pool_size", old: "10", new: "20", extra: "x" });
  // @ts-expect-error a number for a string field
  configChanged.record({ key: "pool_size", old: 10, new: "20" });
  // @ts-expect-error a string for an int field
  resized.record({ size: "3", ratio: 0.5, forced: true });
  // @ts-expect-error a number for a bool field
  resized.record({ size: 3, ratio: 0.5, forced: 1 });
  // @ts-expect-error fields are required when declared
  resized.record();
  // @ts-expect-error an event without fields takes none
  started.record({ key: "x" });
  // @ts-expect-error unknown severity
  events.declare("/types/bad/severity", { description: "d", severity: "fatal" });
  // @ts-expect-error unknown field type
  events.declare("/types/bad/type", { description: "d", fields: { n: "float" } });
  assert.ok(true);
});
