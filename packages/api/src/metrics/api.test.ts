import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { ROOT_CONTEXT } from "../context/context.js";
import { diag } from "../diag.js";
import type { SondeImplementation } from "../global.js";
import { registerImplementation, unregisterImplementation } from "../registration.js";
import { NonRecordingSpan } from "../trace/non-recording.js";
import { metrics } from "./api.js";
import { DEFAULT_BUCKETS } from "./declaration.js";
import type { MetricDeclaration, TagSet } from "./types.js";

/** A minimal implementation that logs what the api delegates to it. */
function recordingImplementation(name: string) {
  const calls: Array<[string, string, number, TagSet | undefined]> = [];
  const declared: MetricDeclaration[] = [];
  const implementation: SondeImplementation = {
    name,
    contextManager: { active: () => ROOT_CONTEXT, with: (_ctx, fn) => fn() },
    propagator: { inject() {}, extract: (ctx) => ctx, fields: () => [] },
    tracing: { startSpan: () => new NonRecordingSpan() },
    metrics: {
      counter(declaration) {
        declared.push(declaration);
        return {
          add: (n, tags) => calls.push([declaration.name, "add", n, tags]),
          bind: (tags) => ({ add: (n) => calls.push([declaration.name, "bound add", n, tags]) }),
        };
      },
      distribution(declaration) {
        declared.push(declaration);
        return {
          record: (v, tags) => calls.push([declaration.name, "record", v, tags]),
          bind: (tags) => ({
            record: (v) => calls.push([declaration.name, "bound record", v, tags]),
          }),
        };
      },
    },
  };
  return { implementation, calls, declared };
}

let installed: SondeImplementation | undefined;
afterEach(() => {
  if (installed) unregisterImplementation(installed);
  installed = undefined;
});

test("instruments and bound handles made before registration delegate after it", () => {
  const counter = metrics.counter("/api_test/proxy/count", {
    description: "d",
    unit: "1",
    tags: { kind: "string" },
  });
  const bound = counter.bind({ kind: "early" });
  counter.add(1, { kind: "before" });
  bound.add(1);
  const first = recordingImplementation("first");
  assert.equal(registerImplementation(first.implementation), true);
  installed = first.implementation;
  counter.add(2, { kind: "after" });
  bound.add(3);
  assert.deepEqual(first.calls, [
    ["/api_test/proxy/count", "add", 2, { kind: "after" }],
    ["/api_test/proxy/count", "bound add", 3, { kind: "early" }],
  ]);
  assert.equal(first.declared[0], counter.declaration);

  unregisterImplementation(first.implementation);
  bound.add(4);
  const second = recordingImplementation("second");
  registerImplementation(second.implementation);
  installed = second.implementation;
  bound.add(5);
  assert.equal(first.calls.length, 2, "nothing reaches an unregistered implementation");
  assert.deepEqual(second.calls, [["/api_test/proxy/count", "bound add", 5, { kind: "early" }]]);
});

test("a second implementation is refused and reported", () => {
  const first = recordingImplementation("first");
  const second = recordingImplementation("second");
  registerImplementation(first.implementation);
  installed = first.implementation;
  const before = diag.counts().already_registered ?? 0;
  assert.equal(registerImplementation(second.implementation), false);
  assert.equal(diag.counts().already_registered, before + 1);
  assert.equal(unregisterImplementation(second.implementation), false);
});

test("declarations are validated, defaulted, frozen and listed", () => {
  const tags = { region: "string" } as const;
  const buckets = [1, 2, 3];
  const distribution = metrics.distribution("/api_test/declare/latency", {
    description: "Latency.",
    unit: "ms",
    tags,
    buckets,
    owner: "team-billing",
  });
  buckets.push(4);
  assert.deepEqual(distribution.declaration, {
    kind: "distribution",
    name: "/api_test/declare/latency",
    description: "Latency.",
    unit: "ms",
    owner: "team-billing",
    stability: "experimental",
    tags: { region: "string" },
    buckets: [1, 2, 3],
  });
  assert.ok(Object.isFrozen(distribution.declaration.buckets));
  const defaulted = metrics.distribution("/api_test/declare/size", { description: "", unit: "By" });
  assert.deepEqual(defaulted.declaration.buckets, DEFAULT_BUCKETS);
  const names = metrics.declarations().map((declaration) => declaration.name);
  assert.ok(
    names.includes("/api_test/declare/latency") && names.includes("/api_test/declare/size"),
  );
});

test("invalid declarations are reported, never thrown, and do not record", () => {
  const before = diag.counts().invalid_metric_declaration ?? 0;
  const loose = metrics.counter as (
    name: unknown,
    options: unknown,
  ) => ReturnType<typeof metrics.counter>;
  const bad = [
    loose("no_slash", { description: "", unit: "1" }),
    loose("/Upper/case", { description: "", unit: "1" }),
    loose("/trailing/", { description: "", unit: "1" }),
    loose("/double//slash", { description: "", unit: "1" }),
    loose("/dash-ed", { description: "", unit: "1" }),
    loose(42, { description: "", unit: "1" }),
    loose("/api_test/bad/no_unit", { description: "" }),
    loose("/api_test/bad/no_options", undefined),
    loose("/api_test/bad/tag_name", { description: "", unit: "1", tags: { Route: "string" } }),
    loose("/api_test/bad/tag_type", { description: "", unit: "1", tags: { route: "float" } }),
    loose("/api_test/bad/stability", { description: "", unit: "1", stability: "beta" }),
    metrics.distribution("/api_test/bad/buckets", { description: "", unit: "1", buckets: [2, 1] }),
    metrics.distribution("/api_test/bad/nan", {
      description: "",
      unit: "1",
      buckets: [Number.NaN],
    }),
  ];
  assert.equal(diag.counts().invalid_metric_declaration, before + bad.length);
  const implementation = recordingImplementation("checker");
  registerImplementation(implementation.implementation);
  installed = implementation.implementation;
  for (const instrument of bad) (instrument as { add?: (n: number) => void }).add?.(1);
  assert.deepEqual(implementation.calls, []);
  const names = metrics.declarations().map((declaration) => declaration.name);
  assert.equal(
    names.some((name) => name.startsWith("/api_test/bad")),
    false,
  );
});

test("re-declaring a name returns the same instrument; a different shape conflicts", () => {
  const options = { description: "", unit: "1", tags: { a: "string" } } as const;
  const first = metrics.counter("/api_test/dup/count", options);
  assert.equal(metrics.counter("/api_test/dup/count", options), first);
  const before = diag.counts().metric_conflict ?? 0;
  const asDistribution = metrics.distribution("/api_test/dup/count", options);
  const otherTags = metrics.counter("/api_test/dup/count", { description: "", unit: "1" });
  assert.equal(diag.counts().metric_conflict, before + 2);
  assert.notEqual(otherTags as unknown, first);
  assert.equal(asDistribution.declaration.kind, "distribution");
});
