import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { diag, events, trace } from "@sonde/api";
import { installSdk } from "./testing.test-util.js";

// Declared before any SDK is installed: the proxy must start recording once one is.
const configChanged = events.declare("/sdk_test/config/changed", {
  description: "A configuration key changed value.",
  severity: "notice",
  owner: "team-platform",
  fields: { key: "string", old: "string", new: "string" },
});
const resized = events.declare("/sdk_test/pool/resized", {
  description: "The pool was resized.",
  fields: { size: "int", ratio: "double", forced: "bool" },
});

let sdk: ReturnType<typeof installSdk> | undefined;
afterEach(() => sdk?.stop());

test("an event declared before the SDK records with time, fields and trace ids once it is installed", async () => {
  configChanged.record({ key: "pool_size", old: "10", new: "20" }); // noop: no SDK yet
  sdk = installSdk();
  const before = BigInt(Date.now()) * 1_000_000n;
  configChanged.record({ key: "pool_size", old: "10", new: "20" });
  const span = await trace.getTracer("test").startActiveSpan("reconfigure", async (span) => {
    await Promise.resolve();
    resized.record({ size: 20, ratio: 1.5, forced: false });
    return span;
  });
  const [outside, inside] = sdk.events.queue.take();
  assert.equal(sdk.events.queue.size, 0);
  assert.deepEqual(
    { ...outside, timeUnixNano: 0n },
    {
      name: "/sdk_test/config/changed",
      timeUnixNano: 0n,
      severity: "notice",
      owner: "team-platform",
      fields: { key: "pool_size", old: "10", new: "20" },
      traceId: "",
      spanId: "",
      declaration: configChanged.declaration,
    },
  );
  assert.ok(outside.timeUnixNano >= before - 2_000_000n, "time is now");
  assert.ok(outside.timeUnixNano <= BigInt(Date.now()) * 1_000_000n + 2_000_000n);
  assert.equal(inside.severity, "info");
  assert.deepEqual(inside.fields, { size: 20, ratio: 1.5, forced: false });
  assert.equal(inside.traceId, span.spanContext().traceId);
  assert.equal(inside.spanId, span.spanContext().spanId);
});

test("bad fields are dropped, counted and reported; record never throws", () => {
  sdk = installSdk();
  const before = diag.counts().invalid_event ?? 0;
  const bad: unknown[] = [
    undefined,
    "text",
    { key: "k", old: "o" }, // missing
    { key: "k", old: "o", new: 3 }, // wrong type
    { key: "k", old: "o", new: "n", extra: "x" }, // undeclared
    Object.defineProperty({ key: "k", old: "o" }, "new", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    }),
    new Proxy(
      {},
      {
        get() {
          throw new Error("proxy");
        },
      },
    ),
  ];
  for (const fields of bad) configChanged.record(fields as never);
  resized.record({ size: 1.5, ratio: 1, forced: true } as never); // int must be an integer
  resized.record({ size: 1, ratio: Number.NaN, forced: true } as never);
  assert.equal(sdk.events.queue.size, 0);
  assert.equal((diag.counts().invalid_event ?? 0) - before, bad.length + 2);
  configChanged.record({ key: "k", old: "o", new: "n".repeat(5000) });
  assert.equal(sdk.events.queue.take()[0].fields.new.toString().length, 4096);
});

test("a full queue drops the newest and counts them", () => {
  sdk = installSdk(); // queue of 100
  for (let i = 0; i < 150; i++) resized.record({ size: i, ratio: 0, forced: false });
  assert.equal(sdk.events.queue.dropped, 50);
  const taken = sdk.events.queue.take(60);
  assert.equal(taken.length, 60);
  assert.equal(taken[0].fields.size, 0);
  assert.equal(sdk.events.queue.take()[39].fields.size, 99);
});

test("declarations: same shape returns the same event, a conflict gets a noop", () => {
  const again = events.declare("/sdk_test/config/changed", {
    description: "Other words.",
    severity: "notice",
    fields: { key: "string", old: "string", new: "string" },
  });
  assert.equal(again, configChanged);
  const conflicting = events.declare("/sdk_test/config/changed", {
    description: "Other fields.",
    fields: { key: "int" },
  });
  assert.notEqual(conflicting, configChanged);
  const invalid = events.declare("config changed", { description: "bad name" });
  sdk = installSdk();
  conflicting.record({ key: 1 });
  invalid.record();
  assert.equal(sdk.events.queue.size, 0);
  assert.ok(events.declarations().some((d) => d.name === "/sdk_test/pool/resized"));
  assert.ok(!events.declarations().some((d) => d.name === "config changed"));
});
