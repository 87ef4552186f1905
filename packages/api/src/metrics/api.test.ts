import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { ROOT_CONTEXT } from "../context/context.js";
import { diag } from "../diag.js";
import type { SondeImplementation } from "../global.js";
import { registerImplementation, unregisterImplementation } from "../registration.js";
import { NonRecordingSpan } from "../trace/non-recording.js";
import { metrics } from "./api.js";
import { DEFAULT_BUCKETS } from "./bucketer.js";
import type { MetricDeclaration, TagSet } from "./types.js";

type Call = [string, string, unknown, TagSet | undefined];

/** A minimal implementation that logs what the api delegates to it. */
function recordingImplementation(name: string) {
  const calls: Call[] = [];
  const declared: MetricDeclaration[] = [];
  const log = (metric: MetricDeclaration, what: string, value: unknown, tags?: TagSet) =>
    calls.push([metric.name, what, value, tags]);
  const implementation: SondeImplementation = {
    name,
    contextManager: { active: () => ROOT_CONTEXT, with: (_ctx, fn) => fn() },
    propagator: { inject() {}, extract: (ctx) => ctx, fields: () => [] },
    tracing: { startSpan: () => new NonRecordingSpan() },
    metrics: {
      counter(declaration) {
        declared.push(declaration);
        return {
          add: (n, tags) => log(declaration, "add", n, tags),
          bind: (tags) => ({ add: (n) => log(declaration, "bound add", n, tags) }),
        };
      },
      gauge(declaration) {
        declared.push(declaration);
        return {
          set: (v, tags) => log(declaration, "set", v, tags),
          add: (v, tags) => log(declaration, "gauge add", v, tags),
          bind: (tags) => ({
            set: (v) => log(declaration, "bound set", v, tags),
            add: (v) => log(declaration, "bound gauge add", v, tags),
          }),
        };
      },
      distribution(declaration) {
        declared.push(declaration);
        return {
          record: (v, tags) => log(declaration, "record", v, tags),
          bind: (tags) => ({ record: (v) => log(declaration, "bound record", v, tags) }),
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

function install(name: string) {
  const implementation = recordingImplementation(name);
  assert.equal(registerImplementation(implementation.implementation), true);
  installed = implementation.implementation;
  return implementation;
}

test("instruments and bound handles made before registration delegate after it", () => {
  const counter = metrics.counter("/api_test/proxy/count", {
    description: "d",
    unit: "1",
    tags: { kind: "string" },
  });
  const gauge = metrics.gauge("/api_test/proxy/level", {
    description: "d",
    unit: "1",
    valueType: "int",
  });
  const distribution = metrics.distribution("/api_test/proxy/latency", {
    description: "d",
    unit: "ms",
  });
  const bound = counter.bind({ kind: "early" });
  const boundGauge = gauge.bind();
  const boundDistribution = distribution.bind();
  counter.add(1, { kind: "before" });
  bound.add(1);
  boundGauge.set(1);
  const first = install("first");
  counter.add(2, { kind: "after" });
  bound.add(3n);
  gauge.set(4);
  gauge.add(-1);
  boundGauge.set(5n);
  boundGauge.add(1);
  distribution.record(6);
  boundDistribution.record(7);
  assert.deepEqual(first.calls, [
    ["/api_test/proxy/count", "add", 2, { kind: "after" }],
    ["/api_test/proxy/count", "bound add", 3n, { kind: "early" }],
    ["/api_test/proxy/level", "set", 4, undefined],
    ["/api_test/proxy/level", "gauge add", -1, undefined],
    ["/api_test/proxy/level", "bound set", 5n, undefined],
    ["/api_test/proxy/level", "bound gauge add", 1, undefined],
    ["/api_test/proxy/latency", "record", 6, undefined],
    ["/api_test/proxy/latency", "bound record", 7, undefined],
  ]);
  assert.equal(first.declared[0], counter.declaration);

  unregisterImplementation(first.implementation);
  bound.add(4);
  const second = install("second");
  bound.add(5);
  assert.equal(first.calls.length, 8, "nothing reaches an unregistered implementation");
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

test("declarations are validated, defaulted, frozen, located and listed", () => {
  const tags = { region: "string", code: { type: "int", values: [200, 404] } } as const;
  const buckets = [1, 2, 3];
  const options = {
    description: "Latency.",
    unit: "ms",
    tags,
    buckets,
    owner: "team-billing",
    stability: "stable",
    maxSeries: 10,
  } as const;
  const NAME = "/api_test/declare/latency";
  const [distribution, here] = [metrics.distribution(NAME, options), new Error().stack];
  buckets.push(4);
  const { source, ...rest } = distribution.declaration;
  assert.deepEqual(rest, {
    kind: "distribution",
    valueType: "double",
    name: "/api_test/declare/latency",
    description: "Latency.",
    unit: "ms",
    owner: "team-billing",
    stability: "stable",
    maxSeries: 10,
    tags: { region: "string", code: { type: "int", values: [200, 404] } },
    bucketer: { type: "explicit", bounds: [1, 2, 3] },
  });
  // The source is the line of the call above (the same line as `here`), in this file.
  const line = /api\.test\.js:(\d+):\d+/.exec(here ?? "")?.[1];
  assert.ok(source && line, `source ${JSON.stringify(source)}`);
  assert.match(source.file, /^\/.*\/metrics\/api\.test\.js$/);
  assert.equal(source.line, Number(line));
  assert.ok(source.column > 0);
  assert.ok(Object.isFrozen(distribution.declaration));
  assert.ok(Object.isFrozen(distribution.declaration.tags.code));
  const defaulted = metrics.distribution("/api_test/declare/size", { description: "", unit: "By" });
  assert.deepEqual(defaulted.declaration.bucketer, { type: "explicit", bounds: DEFAULT_BUCKETS });
  assert.equal(defaulted.declaration.stability, "experimental");
  assert.equal(defaulted.declaration.owner, "");
  const exponential = metrics.distribution("/api_test/declare/exp", {
    description: "",
    unit: "s",
    bucketer: { type: "exponential" },
  });
  assert.deepEqual(exponential.declaration.bucketer, {
    type: "exponential",
    maxScale: 20,
    maxSize: 160,
  });
  const names = metrics.declarations().map((declaration) => declaration.name);
  assert.ok(
    names.includes("/api_test/declare/latency") && names.includes("/api_test/declare/size"),
  );
});

test("gauges and constants carry their value types; enums are reported by name", () => {
  enum Mode {
    OPT_FOO = 1,
    OPT_BAR = 2,
  }
  enum Color {
    Red = "red",
    Blue = "blue",
  }
  const mode = metrics.gauge("/api_test/values/mode", {
    description: "Mode.",
    unit: "1",
    valueType: "string",
    values: Mode,
    tags: { color: { type: "string", values: Color }, level: { type: "int", values: Mode } },
  });
  assert.equal(mode.declaration.valueType, "string");
  assert.deepEqual(mode.declaration.values, ["OPT_FOO", "OPT_BAR"]);
  assert.deepEqual(mode.declaration.inputs, [1, 2]);
  assert.deepEqual(mode.declaration.tags, {
    color: { type: "string", values: ["Red", "Blue"], inputs: ["red", "blue"] },
    level: { type: "int", values: [1, 2] },
  });
  const plain = metrics.gauge("/api_test/values/temperature", { description: "", unit: "Cel" });
  assert.equal(plain.declaration.valueType, "double");
  const cases: [string, unknown, string, unknown][] = [
    ["/api_test/const/int", 42, "int", 42n],
    ["/api_test/const/big", 2n ** 62n, "int", 2n ** 62n],
    ["/api_test/const/double", 1.5, "double", 1.5],
    ["/api_test/const/text", "git:da39a3ee", "string", "git:da39a3ee"],
    ["/api_test/const/flag", true, "bool", true],
  ];
  for (const [name, value, valueType, stored] of cases) {
    const constant = metrics.constant(name, { description: "", unit: "1", value: value as never });
    assert.equal(constant.value, value);
    assert.equal(constant.declaration.kind, "constant");
    assert.equal(constant.declaration.valueType, valueType);
    assert.equal(constant.declaration.value, stored);
  }
  const asDouble = metrics.constant("/api_test/const/forced", {
    description: "",
    unit: "s",
    value: 3,
    valueType: "double",
  });
  assert.equal(asDouble.declaration.value, 3);
  const before = diag.counts().clamped_metric_value ?? 0;
  const long = metrics.constant("/api_test/const/long", {
    description: "",
    unit: "1",
    value: "x".repeat(100_000),
  });
  assert.equal((long.declaration.value as string).length, 4096);
  assert.equal(diag.counts().clamped_metric_value, before + 1);
});

test("invalid declarations are reported, never thrown, and do not record", () => {
  const before = diag.counts().invalid_metric_declaration ?? 0;
  const loose = metrics.counter as unknown as (name: unknown, options: unknown) => unknown;
  const looseGauge = metrics.gauge as unknown as (name: unknown, options: unknown) => unknown;
  const looseConstant = metrics.constant as unknown as (name: unknown, o: unknown) => unknown;
  const looseDistribution = metrics.distribution as unknown as (n: unknown, o: unknown) => unknown;
  const ok = { description: "", unit: "1" };
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("hostile");
      },
    },
  );
  const bad = [
    loose("no_slash", ok),
    loose("/Upper/case", ok),
    loose("/trailing/", ok),
    loose("/double//slash", ok),
    loose("/dash-ed", ok),
    loose(42, ok),
    loose(Symbol("s"), ok),
    loose("/api_test/bad/no_unit", { description: "" }),
    loose("/api_test/bad/unit_space", { description: "", unit: "m s" }),
    loose("/api_test/bad/no_options", undefined),
    loose("/api_test/bad/tag_name", { ...ok, tags: { Route: "string" } }),
    loose("/api_test/bad/tag_type", { ...ok, tags: { route: "float" } }),
    loose("/api_test/bad/tag_values", { ...ok, tags: { route: { type: "int", values: ["a"] } } }),
    loose("/api_test/bad/tag_empty", { ...ok, tags: { route: { type: "string", values: [] } } }),
    loose("/api_test/bad/hostile_tags", { ...ok, tags: hostile }),
    loose("/api_test/bad/stability", { ...ok, stability: "beta" }),
    loose("/api_test/bad/max_series", { ...ok, maxSeries: 0 }),
    looseGauge("/api_test/bad/value_type", { ...ok, valueType: "float" }),
    looseGauge("/api_test/bad/values_on_int", { ...ok, valueType: "int", values: ["a"] }),
    looseConstant("/api_test/bad/constant_nan", { ...ok, value: Number.NaN }),
    looseConstant("/api_test/bad/constant_int", { ...ok, value: 1.5, valueType: "int" }),
    looseConstant("/api_test/bad/constant_range", { ...ok, value: 2n ** 63n }),
    looseConstant("/api_test/bad/constant_missing", ok),
    looseDistribution("/api_test/bad/buckets", { ...ok, buckets: [2, 1] }),
    looseDistribution("/api_test/bad/nan", { ...ok, buckets: [Number.NaN] }),
    looseDistribution("/api_test/bad/both", { ...ok, buckets: [1], bucketer: { type: "x" } }),
    looseDistribution("/api_test/bad/scale", {
      ...ok,
      bucketer: { type: "exponential", maxScale: 21 },
    }),
    looseDistribution("/api_test/bad/fn", { ...ok, bucketer: { type: "function" } }),
  ];
  assert.equal(diag.counts().invalid_metric_declaration, before + bad.length);
  const implementation = install("checker");
  for (const instrument of bad) {
    const any = instrument as Record<string, ((...args: unknown[]) => unknown) | undefined>;
    any.add?.(1);
    any.set?.(1);
    any.record?.(1);
    (any.bind?.() as { add?: (n: number) => void } | undefined)?.add?.(1);
  }
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
  assert.equal(
    metrics.counter("/api_test/dup/count", { ...options, description: "other words" }),
    first,
  );
  const before = diag.counts().metric_conflict ?? 0;
  const conflicts = [
    metrics.distribution("/api_test/dup/count", options),
    metrics.counter("/api_test/dup/count", { description: "", unit: "1" }),
    metrics.counter("/api_test/dup/count", { ...options, unit: "By" }),
    metrics.counter("/api_test/dup/count", { ...options, tags: { a: "int" } }),
    metrics.counter("/api_test/dup/count", { ...options, maxSeries: 5 }),
  ];
  const constant = metrics.constant("/api_test/dup/rev", { ...options, value: "a" });
  assert.equal(metrics.constant("/api_test/dup/rev", { ...options, value: "a" }), constant);
  const otherValue = metrics.constant("/api_test/dup/rev", { ...options, value: "b" });
  assert.equal(diag.counts().metric_conflict, before + conflicts.length + 1);
  for (const conflict of conflicts) assert.notEqual(conflict as unknown, first);
  assert.equal(otherValue.value, "b", "a conflicting constant still answers its own value");
  assert.equal(
    metrics.declarations().find((d) => d.name === "/api_test/dup/rev")?.value,
    "a",
    "the first declaration is kept",
  );
  // The conflicting instruments are noops: only the first records.
  const implementation = install("dup");
  (conflicts[1] as unknown as { add(n: number): void }).add(1);
  first.add(2, { a: "x" });
  assert.deepEqual(implementation.calls, [["/api_test/dup/count", "add", 2, { a: "x" }]]);
});
