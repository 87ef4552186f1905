// Property-based tests (fast-check): random calls, valid and not, into every metric method,
// bound and unbound. No call may throw, and what the SDK dropped or clamped, counted under
// `/sonde/sdk/metrics/...`, must equal what a model of the documented rules predicts; the
// values recorded must equal the model's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { metrics } from "@sonde/api";
import fc from "fast-check";
import { clamped, dropped, startForTest } from "./sonde.test-util.js";

enum Mode {
  A = 1,
  B = 2,
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const LONG = "x".repeat(100_000);
// Throws on every read and key listing; only fast-check may print it (as "HOSTILE").
const HOSTILE = new Proxy(
  {},
  {
    get(_target, key) {
      if (key === fc.toStringMethod) return () => "HOSTILE";
      throw new Error("hostile get");
    },
    has: (_target, key) => key === fc.toStringMethod,
    ownKeys() {
      throw new Error("hostile keys");
    },
  },
);

const counter = metrics.counter("/prop/count", {
  description: "A counter.",
  unit: "1",
  tags: { route: "string", status: "int", cached: "bool" },
});
const level = metrics.gauge("/prop/level", {
  description: "An int gauge.",
  unit: "1",
  valueType: "int",
  tags: { pool: { type: "string", values: ["io", "cpu"] } },
});
const ratio = metrics.gauge("/prop/ratio", { description: "A double gauge.", unit: "1" });
const mode = metrics.gauge("/prop/mode", {
  description: "An enum gauge.",
  unit: "1",
  valueType: "string",
  values: Mode,
});
const up = metrics.gauge("/prop/up", {
  description: "A bool gauge.",
  unit: "1",
  valueType: "bool",
});
const latency = metrics.distribution("/prop/latency", {
  description: "A distribution.",
  unit: "ms",
  tags: { route: "string" },
  buckets: [1, 10, 100],
});
const size = metrics.distribution("/prop/size", {
  description: "An exponential distribution.",
  unit: "By",
  bucketer: { type: "exponential", maxSize: 8 },
});

// --- The model: which tags and values each metric accepts, and what they become. ---------

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string" && v.length <= 256;
const isInt: Check = (v) => Number.isSafeInteger(v);
const isBool: Check = (v) => typeof v === "boolean";

function keyCount(tags: object): number {
  let count = 0;
  for (const _ in tags) count++;
  return count;
}

/** Whether `tags` matches `schema` exactly (as the SDK documents), without throwing. */
function validTags(schema: Record<string, Check>, tags: unknown): boolean {
  const names = Object.keys(schema);
  try {
    if (names.length === 0 && (tags === undefined || tags === null)) return true;
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return false;
    if (keyCount(tags) !== names.length) return false;
    return names.every((name) => schema[name]((tags as Record<string, unknown>)[name]));
  } catch {
    return false;
  }
}

type Outcome =
  | { drop: "invalid_value" | "negative_increment" }
  | { accept: (current: unknown) => { value: unknown; clamped?: "out_of_range" } };

function clampInt(value: bigint): { value: bigint; clamped?: "out_of_range" } {
  if (value > INT64_MAX) return { value: INT64_MAX, clamped: "out_of_range" };
  if (value < INT64_MIN) return { value: INT64_MIN, clamped: "out_of_range" };
  return { value };
}

function counterAdd(n: unknown): Outcome {
  if ((typeof n === "number" || typeof n === "bigint") && n < 0) {
    return { drop: "negative_increment" };
  }
  if (typeof n !== "bigint" && !Number.isInteger(n)) return { drop: "invalid_value" };
  const increment = BigInt(n as number | bigint);
  return { accept: (total) => clampInt(((total as bigint | undefined) ?? 0n) + increment) };
}

function intGauge(operation: string, v: unknown): Outcome {
  if (typeof v !== "bigint" && !Number.isInteger(v)) return { drop: "invalid_value" };
  const exact = BigInt(v as number | bigint);
  if (operation === "set") return { accept: () => clampInt(exact) };
  return { accept: (current) => clampInt(((current as bigint | undefined) ?? 0n) + exact) };
}

function doubleGauge(operation: string, v: unknown): Outcome {
  if (typeof v !== "number" || !Number.isFinite(v)) return { drop: "invalid_value" };
  if (operation === "set") return { accept: () => ({ value: v + 0 }) };
  return {
    accept: (current) => {
      const sum = ((current as number | undefined) ?? 0) + v;
      if (Number.isFinite(sum)) return { value: sum + 0 };
      return { value: sum > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE, clamped: "out_of_range" };
    },
  };
}

function enumGauge(operation: string, v: unknown): Outcome {
  if (operation !== "set" || (v !== Mode.A && v !== Mode.B)) return { drop: "invalid_value" };
  return { accept: () => ({ value: Mode[v as Mode] }) };
}

function boolGauge(operation: string, v: unknown): Outcome {
  if (operation !== "set" || typeof v !== "boolean") return { drop: "invalid_value" };
  return { accept: () => ({ value: v }) };
}

function record(v: unknown): Outcome {
  if (typeof v !== "number" || !Number.isFinite(v)) return { drop: "invalid_value" };
  return { accept: (count) => ({ value: ((count as number | undefined) ?? 0) + 1 }) };
}

interface Target {
  readonly name: string;
  readonly schema: Record<string, Check>;
  readonly operations: readonly string[];
  outcome(operation: string, value: unknown): Outcome;
  /** Calls the metric, through a bound handle or not. */
  call(operation: string, value: unknown, tags: unknown, bound: boolean): void;
}

type Loose = Record<string, (...args: unknown[]) => unknown>;

function target(
  instrument: object,
  schema: Record<string, Check>,
  operations: readonly string[],
  outcome: (operation: string, value: unknown) => Outcome,
): Target {
  const loose = instrument as unknown as Loose & { declaration: { name: string } };
  return {
    name: loose.declaration.name,
    schema,
    operations,
    outcome,
    call(operation, value, tags, bound) {
      if (bound) (loose.bind(tags) as Loose)[operation](value);
      else loose[operation](value, tags);
    },
  };
}

const TARGETS: readonly Target[] = [
  target(counter, { route: isString, status: isInt, cached: isBool }, ["add"], (_, v) =>
    counterAdd(v),
  ),
  target(level, { pool: (v) => v === "io" || v === "cpu" }, ["set", "add"], intGauge),
  target(ratio, {}, ["set", "add"], doubleGauge),
  target(mode, {}, ["set", "add"], enumGauge),
  target(up, {}, ["set", "add"], boolGauge),
  target(latency, { route: isString }, ["record"], (_, v) => record(v)),
  target(size, {}, ["record"], (_, v) => record(v)),
];

// --- Random calls. -------------------------------------------------------------------------

const anyValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    1e20,
    -1e20,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Mode.A,
    Mode.B,
    "A",
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.boolean(),
  fc.string(),
  fc.constantFrom(LONG, HOSTILE, null, undefined, Symbol("s"), () => 1),
  fc.anything(),
);

/** Tags for `schema`: mostly valid ones, then each way to get them wrong. */
function anyTags(schema: Record<string, Check>) {
  const names = Object.keys(schema);
  const values: Record<string, fc.Arbitrary<unknown>> = {
    route: fc.constantFrom("/", "/a", "/b"),
    status: fc.constantFrom(200, 404, -0),
    cached: fc.boolean(),
    pool: fc.constantFrom("io", "cpu"),
  };
  const valid = fc.record(Object.fromEntries(names.map((name) => [name, values[name]])));
  return fc.oneof(
    { arbitrary: valid, weight: 6 },
    valid.chain((tags) =>
      fc.oneof(
        fc.constant({ ...tags, extra: 1 }),
        fc.constantFrom(...(names.length > 0 ? names : ["x"])).map((name) => {
          const { [name]: _, ...rest } = tags as Record<string, unknown>;
          return rest;
        }),
        fc
          .tuple(fc.constantFrom(...(names.length > 0 ? names : ["x"])), anyValue)
          .map(([name, value]) => ({ ...tags, [name]: value })),
        fc.constant({ ...tags, route: "r".repeat(257) }),
      ),
    ),
    fc.constantFrom(undefined, null, HOSTILE, "route=/", 42, [], {}),
    fc.anything(),
  );
}

const calls = fc.array(
  fc.integer({ min: 0, max: TARGETS.length - 1 }).chain((index) =>
    fc.record({
      index: fc.constant(index),
      operation: fc.constantFrom(...TARGETS[index].operations),
      value: anyValue,
      tags: anyTags(TARGETS[index].schema),
      bound: fc.boolean(),
    }),
  ),
  { maxLength: 60 },
);

/** The series a model keeps per metric: reported tags (as JSON) → value. */
type Series = Map<string, unknown>;

test("random calls into every metric method never throw and are counted exactly", async () => {
  await fc.assert(
    fc.asyncProperty(calls, async (script) => {
      const { sonde, recorder } = startForTest({ maxSeriesPerMetric: 100_000 });
      try {
        const drops = new Map<string, number>();
        const clamps = new Map<string, number>();
        const series = new Map<string, Series>(TARGETS.map((t) => [t.name, new Map()]));
        const bump = (map: Map<string, number>, key: string) =>
          map.set(key, (map.get(key) ?? 0) + 1);
        for (const { index, operation, value, tags, bound } of script) {
          const metric = TARGETS[index];
          assert.doesNotThrow(() => metric.call(operation, value, tags, bound));
          const outcome = metric.outcome(operation, value);
          if ("drop" in outcome) {
            bump(drops, `${metric.name} ${outcome.drop}`);
          } else if (!validTags(metric.schema, tags)) {
            bump(drops, `${metric.name} invalid_tags`);
          } else {
            const key = JSON.stringify(
              Object.keys(metric.schema).map((name) => (tags as Record<string, unknown>)[name]),
            );
            const values = series.get(metric.name) as Series;
            const next = outcome.accept(values.get(key));
            values.set(key, next.value);
            if (next.clamped) bump(clamps, `${metric.name} ${next.clamped}`);
          }
        }
        for (const metric of TARGETS) {
          for (const reason of ["invalid_value", "negative_increment", "invalid_tags"]) {
            const expected = BigInt(drops.get(`${metric.name} ${reason}`) ?? 0);
            assert.equal(
              dropped(recorder, metric.name, reason),
              expected,
              `${metric.name} ${reason}`,
            );
          }
          const expectedClamps = BigInt(clamps.get(`${metric.name} out_of_range`) ?? 0);
          assert.equal(clamped(recorder, metric.name, "out_of_range"), expectedClamps);
          const recorded = new Map(
            recorder
              .series(metric.name)
              .map((s) => [
                JSON.stringify(Object.values(s.tags)),
                s.distribution === undefined ? s.value : s.distribution.count,
              ]),
          );
          for (const [key, value] of series.get(metric.name) as Series) {
            assert.deepEqual(recorded.get(key), value, `${metric.name} ${key}`);
          }
        }
      } finally {
        await sonde.shutdown();
      }
    }),
    { numRuns: 150 },
  );
});

test("declarations accept anything without throwing", () => {
  const kinds = [
    metrics.counter,
    metrics.gauge,
    metrics.distribution,
    metrics.constant,
  ] as unknown[];
  fc.assert(
    fc.property(
      fc.constantFrom(...kinds),
      fc.oneof(fc.anything(), fc.stringMatching(/^(\/[a-z0-9_]{1,3}){1,3}$/), fc.constant(LONG)),
      fc.oneof(
        fc.anything(),
        fc.record(
          {
            description: fc.oneof(fc.string(), fc.anything()),
            unit: fc.constantFrom("1", "ms", "By", "m s", 3),
            tags: fc.oneof(fc.anything(), fc.constant({ route: { type: "string", values: Mode } })),
            value: anyValue,
            valueType: fc.constantFrom("int", "double", "string", "bool", "float"),
            buckets: fc.array(fc.double()),
            bucketer: fc.anything(),
            maxSeries: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        fc.constant(HOSTILE),
      ),
      (declare, name, options) => {
        const declared = (declare as (name: unknown, options: unknown) => { declaration: object })(
          name,
          options,
        );
        assert.equal(typeof declared.declaration, "object");
      },
    ),
    { numRuns: 500 },
  );
});
