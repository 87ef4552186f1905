import assert from "node:assert/strict";
import { AsyncResource } from "node:async_hooks";
import { EventEmitter } from "node:events";
import { afterEach, test } from "node:test";
import { setTimeout as sleep, setImmediate as tick } from "node:timers/promises";
import {
  type Context,
  context,
  ROOT_CONTEXT,
  registerImplementation,
  type Span,
  trace,
  unregisterImplementation,
} from "@sonde/api";
import { installSdk } from "../events/testing.test-util.js";
import { MetricRegistry } from "../metrics/registry.js";
import { w3cPropagator } from "../propagation/composite.js";
import { alwaysOnSampler } from "../sampling/sampler.js";
import { AsyncLocalStorageContextManager } from "../trace/context-manager.js";
import { Tracing } from "../trace/tracing.js";
import { activeIds, timePrefix } from "./correlation.js";

let sdk: ReturnType<typeof installSdk> | undefined;
afterEach(() => {
  sdk?.stop();
  sdk = undefined;
});

const tracer = trace.getTracer("correlation-test");

// Checks that went wrong (recorded, not thrown: some run in timers, where a throw would leave
// the test waiting), asserted empty after each test.
const wrong: string[] = [];
afterEach(() => {
  assert.deepEqual(wrong.splice(0), []);
});

/**
 * Records `where` as wrong unless the api's active span is `expected` (a span, or undefined
 * for none) and the cached lookups (`activeIds`, `timePrefix`) say the same.
 */
function expect(where: string, expected: Span | undefined): void {
  const ids = trace.activeSpan()?.spanContext();
  const prefix = ids
    ? `,"trace_id":"${ids.traceId}","span_id":"${ids.spanId}","time":`
    : ',"time":';
  if (ids?.spanId !== expected?.spanContext().spanId) wrong.push(`${where}: api`);
  if (activeIds()?.spanId !== ids?.spanId || timePrefix() !== prefix) wrong.push(where);
}

function span(name: string): Span {
  return tracer.startSpan(name);
}

test("nested withSpan, leaving it, a throwing callback, the root context: always the api's span", () => {
  sdk = installSdk();
  const [a, b] = [span("a"), span("b")];
  expect("outside", undefined);
  trace.withSpan(a, () => {
    expect("in a", a);
    trace.withSpan(b, () => expect("in b", b));
    expect("back in a", a);
    assert.throws(() =>
      trace.withSpan(b, () => {
        expect("in b, throwing", b);
        throw new Error("boom");
      }),
    );
    expect("in a after b threw", a);
    context.with(ROOT_CONTEXT, () => expect("in the root context", undefined));
    expect("in a after the root context", a);
  });
  expect("outside again", undefined);
});

test("interleaved async requests each see their own span across awaits, timers and ticks", async () => {
  sdk = installSdk();
  const seen: string[] = [];
  const request = (name: string, delays: number[]) =>
    tracer.startActiveSpan(name, async (own) => {
      for (const delay of delays) {
        expect(`${name} before waiting ${delay}`, own);
        if (delay === 0) await tick();
        else await sleep(delay);
        expect(`${name} after waiting ${delay}`, own);
        await new Promise<void>((resolve) =>
          setTimeout(() => {
            expect(`${name} in a timer`, own);
            resolve();
          }, 0),
        );
        seen.push(name);
      }
      own.end();
    });
  await Promise.all([
    request("r1", [0, 2, 0, 1]),
    request("r2", [1, 0, 0, 2]),
    request("r3", [0, 0]),
  ]);
  assert.equal(seen.length, 10);
  expect("after the requests", undefined);
});

test("listeners, an interval and AsyncResource scopes see the span where they run", async () => {
  sdk = installSdk();
  const [a, b] = [span("a"), span("b")];
  const emitter = new EventEmitter();
  const heard: (string | undefined)[] = [];
  emitter.on("event", () => {
    heard.push(trace.activeSpan()?.spanContext().spanId);
    expect("in a listener", trace.activeSpan());
  });
  const resource = trace.withSpan(b, () => new AsyncResource("test"));
  await trace.withSpan(a, async () => {
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        expect(`interval tick ${ticks}`, a);
        resource.runInAsyncScope(() => expect("in b's resource", b));
        expect("after b's resource", a);
        if (++ticks === 3) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    emitter.emit("event");
    trace.withSpan(b, () => emitter.emit("event"));
  });
  assert.deepEqual(heard, [a.spanContext().spanId, b.spanContext().spanId]);
});

test("a restarted SDK (a new context manager) is followed, and a stopped one forgotten", async () => {
  sdk = installSdk();
  const a = span("a");
  await trace.withSpan(a, async () => {
    expect("first SDK", a);
    sdk?.stop();
    sdk = installSdk();
    // The first SDK's context is gone with its manager: the api answers no span.
    expect("second SDK, same callback", undefined);
    const b = span("b");
    trace.withSpan(b, () => expect("second SDK, in b", b));
    await tick();
    expect("second SDK, next tick", undefined);
  });
});

test("a registered context manager that is not the SDK's is asked every time", () => {
  // A synchronous manager, registered while an SDK manager exists (newest, not registered).
  let current: Context = ROOT_CONTEXT;
  const foreign = {
    active: () => current,
    with<R>(ctx: Context, fn: () => R): R {
      const before = current;
      current = ctx;
      try {
        return fn();
      } finally {
        current = before;
      }
    },
  };
  const registry = new MetricRegistry();
  const implementation = {
    name: "foreign context",
    contextManager: foreign,
    propagator: w3cPropagator,
    tracing: new Tracing(() => {}, alwaysOnSampler, registry),
    metrics: registry,
  };
  const unregistered = new AsyncLocalStorageContextManager();
  assert.ok(registerImplementation(implementation));
  try {
    const a = span("a");
    expect("outside", undefined);
    trace.withSpan(a, () => expect("in a", a));
    expect("outside again", undefined);
  } finally {
    unregisterImplementation(implementation);
    unregistered.disable();
  }
});
