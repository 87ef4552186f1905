import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { MAX_ERROR_NAMES, trace } from "@sonde/api";
import type { MetricPointRecord, SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { SPAN_DURATION_METRIC } from "./span-stats.js";

const exporter = new InMemoryExporter();
let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "function-test",
    exporter,
    instrumentHttp: false,
    instrumentFetch: false,
  });
});
after(() => sonde.shutdown());
beforeEach(async () => {
  await sonde.forceFlush();
  exporter.reset();
});

async function spans(): Promise<SpanRecord[]> {
  await sonde.forceFlush();
  return exporter.spans();
}

function points(name: string, tags: Record<string, unknown>): MetricPointRecord[] {
  return sonde
    .collectMetrics()
    .filter(
      (point) =>
        point.name === name &&
        Object.entries(tags).every(([key, value]) => point.attributes[key] === value),
    );
}

// Timers count from the event loop's cached time, which can lag the real clock: sleep well past
// the bound the test checks.
const quote = trace("quote", async (sku: string) => {
  await sleep(10);
  return sku.length;
});
const checkout = trace("checkout", async (skus: string[]) => {
  let total = 0;
  for (const sku of skus) total += await quote(sku);
  return total;
});

test("each call is a span; traced calls inside a traced call are its children", async () => {
  assert.equal(await checkout(["ab", "cde"]), 5);
  const recorded = await spans();
  const root = recorded.find((span) => span.name === "checkout");
  const children = recorded.filter((span) => span.name === "quote");
  assert.ok(root);
  assert.equal(children.length, 2);
  for (const child of children) {
    assert.equal(child.parentSpanId, root.spanId);
    assert.equal(child.traceId, root.traceId);
    assert.ok(child.endTimeUnixNano - child.startTimeUnixNano >= 5_000_000n, "lasted the sleep");
  }
  assert.equal(root.kind, "internal");
  assert.equal(root.statusCode, "unset");
  const batch = exporter.spanBatches.find((b) => b.spans.includes(root));
  assert.equal(batch?.scope.name, "sonde.function");
});

test("failures: span status and exception, error counts by bounded name", async () => {
  class DeclinedError extends Error {
    override name = "DeclinedError";
  }
  const charge = trace("charge", async (kind: string) => {
    if (kind === "declined") throw new DeclinedError("card declined");
    if (kind === "reset") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    if (kind === "text") throw "plain text";
    if (kind.startsWith("custom")) throw Object.assign(new Error(kind), { name: kind });
    return "ok";
  });
  const outcomes = ["ok", "declined", "declined", "reset", "text"];
  for (const kind of outcomes) await charge(kind).catch(() => {});
  const recorded = await spans();
  const failed = recorded.filter((span) => span.statusCode === "error");
  assert.equal(failed.length, 4);
  assert.equal(failed[0].statusMessage, "card declined");
  assert.equal(failed[0].events[0].attributes["exception.type"], "DeclinedError");
  const errors = (error: string) =>
    points("/sonde/function/error_count", { function: "charge", error })[0]?.value;
  assert.equal(errors("DeclinedError"), 2);
  assert.equal(errors("ECONNRESET"), 1);
  assert.equal(errors("other"), 1, "a thrown string");
  // Success and error counts and durations: the span metric of the function's spans.
  const duration = (status: string) =>
    points(SPAN_DURATION_METRIC, { name: "charge", kind: "internal", status })[0]?.count;
  assert.equal(duration("unset"), 1);
  assert.equal(duration("error"), 4);

  // Names are bounded per function: after MAX_ERROR_NAMES distinct names (3 so far, `other`
  // included), further names count as `other`.
  for (let i = 0; i < MAX_ERROR_NAMES + 5; i++) await charge(`custom${i}`).catch(() => {});
  const names = points("/sonde/function/error_count", { function: "charge" }).map(
    (point) => point.attributes.error,
  );
  assert.equal(names.length, MAX_ERROR_NAMES);
  assert.equal(errors(`custom${MAX_ERROR_NAMES - 4}`), 1);
  assert.equal(errors(`custom${MAX_ERROR_NAMES - 3}`), undefined);
  assert.equal(errors("other"), 1 + 8);
});

test("sync functions, this and arguments; a synchronous throw is recorded and rethrown", async () => {
  const account = {
    balance: 10,
    withdraw: trace("withdraw", function (this: { balance: number }, amount: number) {
      if (amount > this.balance) throw new RangeError("insufficient funds");
      this.balance -= amount;
      return this.balance;
    }),
  };
  assert.equal(account.withdraw(3), 7);
  assert.throws(() => account.withdraw(100), RangeError);
  const recorded = await spans();
  assert.deepEqual(
    recorded.map((span) => [span.name, span.statusCode]),
    [
      ["withdraw", "unset"],
      ["withdraw", "error"],
    ],
  );
});

test("concurrency: a gauge of the calls in progress", async () => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const wait = trace("wait", () => gate);
  const calls = [wait(), wait(), wait()];
  const during = points("/sonde/function/concurrency", { function: "wait" })[0]?.value;
  release();
  await Promise.all(calls);
  const afterwards = points("/sonde/function/concurrency", { function: "wait" })[0]?.value;
  assert.equal(Number(during), 3);
  assert.equal(Number(afterwards), 0);
});
