import assert from "node:assert/strict";
import { test } from "node:test";
import { diag, metrics } from "@sonde/api";
import { clamped, dropped, startForTest } from "./sonde.test-util.js";

// Declared and bound at import time, before any SDK exists, as libraries do.
const requests = metrics.counter("/test/metrics/request_count", {
  description: "Requests handled.",
  unit: "1",
  tags: { route: "string", status: "int", cached: "bool" },
});
const okHome = requests.bind({ route: "/", status: 200, cached: false });
const queue = metrics.gauge("/test/metrics/queue_length", {
  description: "Jobs waiting.",
  unit: "{job}",
  valueType: "int",
});
const boundQueue = queue.bind();
const revision = metrics.constant("/test/metrics/revision", {
  description: "Revision.",
  unit: "1",
  value: "git:da39a3ee",
});
const sizes = metrics.distribution("/test/metrics/response_size", {
  description: "Response sizes.",
  unit: "By",
  buckets: [10, 100, 1000],
});
const boundSizes = sizes.bind();
const home = { route: "/", status: 200, cached: false } as const;

test("every kind declared before the SDK records once it is installed, handles too", async () => {
  requests.add(5, home);
  okHome.add(7);
  queue.set(3);
  boundQueue.set(4);
  sizes.record(1);
  boundSizes.record(2);
  const { sonde, recorder } = startForTest();
  assert.deepEqual(recorder.series("/test/metrics/request_count"), [], "nothing before");
  assert.equal(recorder.value(revision.declaration.name), "git:da39a3ee", "constants are read");
  requests.add(1, home);
  okHome.add(2);
  requests.add(3, { route: "/users", status: 404, cached: true });
  queue.set(10);
  boundQueue.add(-3);
  sizes.record(50);
  boundSizes.record(5000);
  assert.deepEqual(recorder.changes("/test/metrics/"), [
    "/test/metrics/queue_length{} = 7",
    '/test/metrics/request_count{route="/",status=200,cached=false} +3',
    '/test/metrics/request_count{route="/users",status=404,cached=true} +3',
    "/test/metrics/response_size{} count +2 sum +5050",
  ]);
  const [series] = recorder.series("/test/metrics/request_count");
  assert.ok(series.startTimeUnixNano > 0n && series.startTimeUnixNano <= series.timeUnixNano);
  await sonde.shutdown();
  okHome.add(100);
  requests.add(100, home);

  const again = startForTest();
  okHome.add(1);
  assert.equal(again.recorder.value("/test/metrics/request_count", home), 1n, "a fresh SDK");
  assert.equal(again.recorder.value("/test/metrics/queue_length"), undefined, "never set");
  await again.sonde.shutdown();
});

test("counters stay exact beyond 2^53 and saturate at 2^63 - 1 (counted)", async () => {
  const { sonde, recorder } = startForTest();
  const name = "/test/metrics/request_count";
  const handle = requests.bind({ route: "/big", status: 200, cached: false });
  handle.add(Number.MAX_SAFE_INTEGER);
  handle.add(1);
  handle.add(1);
  handle.add(1);
  assert.equal(recorder.value(name, { route: "/big", status: 200, cached: false }), 2n ** 53n + 2n);
  requests.add(2n ** 62n, { route: "/big", status: 200, cached: false });
  assert.equal(
    recorder.value(name, { route: "/big", status: 200, cached: false }),
    2n ** 62n + 2n ** 53n + 2n,
  );
  handle.add(1e20); // an exact integer, beyond int64
  assert.equal(recorder.value(name, { route: "/big", status: 200, cached: false }), 2n ** 63n - 1n);
  handle.add(1);
  assert.equal(recorder.value(name, { route: "/big", status: 200, cached: false }), 2n ** 63n - 1n);
  assert.equal(clamped(recorder, name, "out_of_range"), 2n);
  assert.equal(dropped(recorder, name, "negative_increment"), 0n);
  await sonde.shutdown();
});

test("negative, fractional and non-numeric increments are dropped and counted", async () => {
  const { sonde, recorder } = startForTest();
  const name = "/test/metrics/request_count";
  const before = diag.counts().invalid_counter_increment ?? 0;
  const add = requests.add.bind(requests) as (n: unknown, tags: unknown) => void;
  add(2, home);
  add(-1, home);
  add(-1n, home);
  add(Number.NEGATIVE_INFINITY, home);
  okHome.add(-4);
  add(1.5, home);
  add(Number.NaN, home);
  add(Number.POSITIVE_INFINITY, home);
  add("3", home);
  add(undefined, home);
  add(-0, home);
  assert.equal(dropped(recorder, name, "negative_increment"), 4n);
  assert.equal(dropped(recorder, name, "invalid_value"), 5n);
  assert.equal(diag.counts().invalid_counter_increment, before + 9);
  assert.equal(recorder.increase(name, home), 2n);
  await sonde.shutdown();
});

test("tags that do not match the declared schema are dropped and counted", async () => {
  const { sonde, recorder } = startForTest();
  const name = "/test/metrics/request_count";
  const before = diag.counts().invalid_tags ?? 0;
  const add = requests.add.bind(requests) as (n: number, tags?: unknown) => void;
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error("hostile getter");
      },
      ownKeys() {
        throw new Error("hostile keys");
      },
    },
  );
  const bad: unknown[] = [
    { route: "/", status: 200 }, // missing
    { route: "/", status: 200, cached: false, extra: "x" }, // unknown
    { route: "/", status: "200", cached: false }, // int given as string
    { route: "/", status: 200.5, cached: false }, // not an integer
    { route: "/", status: 200, cached: 1 }, // bool given as number
    { route: "x".repeat(257), status: 200, cached: false }, // too long
    undefined,
    "route=/",
    hostile,
  ];
  for (const tags of bad) add(1, tags);
  // Valid once (creating the series), then with an extra tag: the hit path still checks.
  add(1, home);
  add(1, { ...home, extra: 1 });
  const bindAny = requests.bind.bind(requests) as (tags?: unknown) => { add(n: number): void };
  const badHandle = bindAny({});
  badHandle.add(1);
  badHandle.add(2);
  badHandle.add(-1); // the value is checked first
  assert.equal(dropped(recorder, name, "invalid_tags"), BigInt(bad.length + 3));
  assert.equal(dropped(recorder, name, "negative_increment"), 1n);
  assert.equal(diag.counts().invalid_tags, before + bad.length + 4, "bind reports too");
  assert.deepEqual(recorder.changes(name), [`${name}{route="/",status=200,cached=false} +1`]);
  await sonde.shutdown();
});

test("enum tags accept their members and report their names", async () => {
  enum Method {
    GET = 0,
    POST = 1,
  }
  const calls = metrics.counter("/test/metrics/calls", {
    description: "Calls.",
    unit: "1",
    tags: { method: { type: "string", values: Method }, code: { type: "int", values: [200, 404] } },
  });
  const { sonde, recorder } = startForTest();
  calls.add(1, { method: Method.POST, code: 200 });
  calls.bind({ method: Method.GET, code: 404 }).add(2);
  const loose = calls.add.bind(calls) as (n: number, tags: unknown) => void;
  loose(1, { method: "POST", code: 200 }); // a name is not a member value
  loose(1, { method: Method.GET, code: 500 }); // not an allowed value
  assert.deepEqual(recorder.changes("/test/metrics/calls"), [
    '/test/metrics/calls{method="GET",code=404} +2',
    '/test/metrics/calls{method="POST",code=200} +1',
  ]);
  assert.equal(dropped(recorder, "/test/metrics/calls", "invalid_tags"), 2n);
  await sonde.shutdown();
});

test("tag sets beyond the series limit share one overflow series, counted and reported", async () => {
  const limited = metrics.counter("/test/metrics/limited", {
    description: "Per-metric limit.",
    unit: "1",
    tags: { route: "string" },
    maxSeries: 3,
  });
  const events: string[] = [];
  const { sonde, recorder } = startForTest({
    maxSeriesPerMetric: 2,
    onDiagnostic: (event) => {
      if (event.code === "series_limit") events.push(event.key ?? "");
    },
  });
  for (const route of ["/a", "/b", "/c", "/d"]) requests.add(1, { ...home, route });
  requests.add(1, { ...home, route: "/a" });
  const overflowHandle = requests.bind({ ...home, route: "/e" });
  overflowHandle.add(5);
  overflowHandle.add(-1); // dropped, not counted as overflow
  for (const route of ["/a", "/b", "/c", "/d", "/e"]) limited.add(1, { route });
  const name = "/test/metrics/request_count";
  assert.deepEqual(recorder.changes("/test/metrics/"), [
    "/test/metrics/limited{overflow} +2",
    '/test/metrics/limited{route="/a"} +1',
    '/test/metrics/limited{route="/b"} +1',
    '/test/metrics/limited{route="/c"} +1',
    `${name}{overflow} +7`,
    `${name}{route="/a",status=200,cached=false} +2`,
    `${name}{route="/b",status=200,cached=false} +1`,
  ]);
  const overflow = recorder.series(name).at(-1);
  assert.deepEqual([overflow?.overflow, overflow?.tags], [true, {}]);
  const overflowed = (metric: string) =>
    recorder.increase("/sonde/sdk/metrics/overflow_samples", { metric });
  assert.equal(overflowed(name), 3n, "/c, /d and the add of 5 through the handle of /e");
  assert.equal(overflowed("/test/metrics/limited"), 2n);
  assert.deepEqual(events.sort(), ["/test/metrics/limited", name], "reported once per metric");
  await sonde.shutdown();
});
