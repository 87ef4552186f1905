import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { trace } from "@sonde/api";
import { installSdk } from "../events/testing.test-util.js";
import { CodeUsage } from "./code-usage.js";

// Declared at import time, before any SDK: listed even though never called.
const neverCalled = trace("usage_test.never_called", () => 1);
const calledEarly = trace("usage_test.called_early", () => 2);
const calledLate = trace("usage_test.called_late", async () => {
  throw new Error("late failure");
});

let sdk: ReturnType<typeof installSdk> | undefined;
afterEach(() => sdk?.stop());

test("lists declared traced functions with calls and last-call times, including never-called ones", async () => {
  void neverCalled;
  sdk = installSdk();
  let now = 1_000_000;
  const usage = new CodeUsage(sdk.tracing.stats, { now: () => now, resolutionMs: 60_000 });
  calledEarly();
  calledEarly();
  trace.getTracer("t").startSpan("usage_test.plain_span").end();
  now = 2_000_000;
  usage.report(); // the tracker notices the calls at 2_000_000
  now = 3_000_000;
  await calledLate().catch(() => {});
  const report = usage
    .report({ sinceUnixMs: 2_500_000 })
    .filter((entry) => entry.name.startsWith("usage_test."));
  usage.stop();
  assert.deepEqual(report, [
    {
      name: "usage_test.called_early",
      declared: true,
      calls: 2,
      errors: 0,
      lastCalledUnixMs: 2_000_000,
      ranInRange: false,
    },
    {
      name: "usage_test.called_late",
      declared: true,
      calls: 1,
      errors: 1,
      lastCalledUnixMs: 3_000_000,
      ranInRange: true,
    },
    {
      name: "usage_test.never_called",
      declared: true,
      calls: 0,
      errors: 0,
      lastCalledUnixMs: undefined,
      ranInRange: false,
    },
    {
      name: "usage_test.plain_span",
      declared: false,
      calls: 1,
      errors: 0,
      lastCalledUnixMs: 2_000_000,
      ranInRange: false,
    },
  ]);
});
