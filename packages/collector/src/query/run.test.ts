import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { HeatmapValue, QueryResult } from "@sonde/protocol/query";
import { HEATMAP_BUCKETS } from "./compile.js";
import { runQuery } from "./run.js";
import {
  insertSpans,
  openTestDb,
  quantileCont,
  random,
  type TestDb,
  type TestSpan,
} from "./testdb.js";

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const T1 = T0 + HOUR;
const RANGE = { start: new Date(T0).toISOString(), end: new Date(T1).toISOString() };

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand();
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

function generate(): TestSpan[] {
  const rand = random(42);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  const spans: TestSpan[] = [];
  const starts = [
    ...Array.from({ length: 400 }, () => T0 + Math.floor(rand() * HOUR)),
    T0, // inclusive start
    T1, // exclusive end
    T1 + 5000,
    T0 - 1,
    T0 - 600_000,
  ];
  for (const startMs of starts) {
    const service = pick(rand, [
      ["web", 0.4],
      ["auth", 0.3],
      ["billing", 0.2],
      ["resources", 0.1],
    ]);
    const route = pick(rand, [
      ["/users/:id", 0.3],
      ["/login", 0.2],
      ["/invoices", 0.2],
      ["/health", 0.1],
      [undefined, 0.2],
    ]);
    const status = pick(rand, [
      [200, 0.7],
      [404, 0.1],
      [500, 0.1],
      [undefined, 0.1],
    ]);
    const str: Record<string, string> = {};
    const num: Record<string, number> = {};
    const bool: Record<string, boolean> = {};
    if (route !== undefined) str["http.route"] = route;
    if (status !== undefined) num["http.response.status_code"] = status;
    if (rand() < 0.3) bool.retry = rand() < 0.5;
    if (rand() < 0.5) num["db.rows"] = Math.floor(rand() * 1000) / 4;
    spans.push({
      trace_id: hex(32),
      span_id: hex(16),
      parent_span_id: rand() < 0.25 ? "" : hex(16),
      name: `GET ${route ?? "unknown"}`,
      kind: pick(rand, [
        ["server", 0.5],
        ["client", 0.3],
        ["internal", 0.2],
      ]),
      service,
      startMs,
      duration_ms: Math.round(-Math.log(1 - rand()) * 50_000) / 1000,
      status_code: status === 500 ? "error" : rand() < 0.5 ? "ok" : "unset",
      status_message: status === 500 ? "internal error" : "",
      str,
      num,
      bool,
    });
  }
  return spans;
}

function approx(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, what);
    return;
  }
  assert.equal(typeof actual, "number", what);
  const diff = Math.abs((actual as number) - expected);
  assert.ok(diff <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

function groupBy<K>(spans: TestSpan[], key: (s: TestSpan) => K): Map<K, TestSpan[]> {
  const groups = new Map<K, TestSpan[]>();
  for (const s of spans) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return groups;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const numbers = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);

/** COUNT, SUM, AVG, MIN, MAX, Pxx of a list of values, computed independently of DuckDB. */
function reference(values: number[]): Record<string, number | null> {
  const n = values.length;
  return {
    SUM: n ? sum(values) : null,
    AVG: n ? sum(values) / n : null,
    MIN: n ? Math.min(...values) : null,
    MAX: n ? Math.max(...values) : null,
    P50: quantileCont(values, 0.5),
    P90: quantileCont(values, 0.9),
    P95: quantileCont(values, 0.95),
    P99: quantileCont(values, 0.99),
  };
}

/** Heatmap buckets as the engine documents them: equal-width over [lo, hi], non-empty ones. */
function referenceHeatmap(values: number[], lo: number, hi: number): HeatmapValue {
  const counts = new Map<number, number>();
  for (const v of values) {
    const i =
      hi === lo
        ? 0
        : Math.min(Math.floor((v - lo) / ((hi - lo) / HEATMAP_BUCKETS)), HEATMAP_BUCKETS - 1);
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const width = (hi - lo) / HEATMAP_BUCKETS;
  return {
    buckets: [...counts]
      .sort(([a], [b]) => a - b)
      .map(([i, count]) => ({
        lower: lo + i * width,
        upper: hi === lo || i === HEATMAP_BUCKETS - 1 ? hi : lo + (i + 1) * width,
        count,
      })),
  };
}

describe("runQuery on a DuckDB file", () => {
  let db: TestDb;
  const spans = generate();
  const inRange = spans.filter((s) => s.startMs >= T0 && s.startMs < T1);
  const query = (request: Record<string, unknown>, now?: Date): Promise<QueryResult> =>
    runQuery(db.conn, { dataset: "spans", time_range: RANGE, ...request }, now);
  const count = async (filters: unknown[]) =>
    (await query({ filters })).totals[0].values.COUNT as number;

  before(async () => {
    db = await openTestDb();
    await insertSpans(db.conn, spans);
  });
  after(() => db.close());

  it("computes every calculation over a fixed column like JS does", async () => {
    const ops = ["SUM", "AVG", "MIN", "MAX", "P50", "P90", "P95", "P99"];
    const result = await query({
      calculations: [
        { op: "COUNT" },
        ...ops.map((op) => ({ op, column: "duration_ms" })),
        { op: "HEATMAP", column: "duration_ms" },
      ],
    });
    assert.equal(result.totals.length, 1);
    const { group, values } = result.totals[0];
    assert.deepEqual(group, {});
    assert.equal(values.COUNT, inRange.length);
    assert.equal(inRange.length, 401, "start inclusive, end exclusive");
    const durations = inRange.map((s) => s.duration_ms);
    const expected = reference(durations);
    for (const op of ops) approx(values[`${op}(duration_ms)`], expected[op], op);
    const heatmap = values["HEATMAP(duration_ms)"] as HeatmapValue;
    assert.deepEqual(
      heatmap,
      referenceHeatmap(durations, Math.min(...durations), Math.max(...durations)),
    );
    assert.equal(sum(heatmap.buckets.map((b) => b.count)), inRange.length);
    assert.equal(heatmap.buckets[0].lower, Math.min(...durations));
    assert.equal(heatmap.buckets.at(-1)?.upper, Math.max(...durations));
  });

  it("computes numeric calculations over an attribute from attr_num, skipping spans without it", async () => {
    const ops = ["SUM", "AVG", "MIN", "MAX", "P50", "P90", "P95", "P99"];
    const result = await query({
      calculations: [
        ...ops.map((op) => ({ op, column: "db.rows" })),
        { op: "HEATMAP", column: "db.rows" },
      ],
    });
    const rows = numbers(inRange.map((s) => s.num["db.rows"]));
    assert.ok(rows.length > 100 && rows.length < inRange.length);
    const expected = reference(rows);
    const { values } = result.totals[0];
    for (const op of ops) approx(values[`${op}(db.rows)`], expected[op], op);
    const heatmap = values["HEATMAP(db.rows)"] as HeatmapValue;
    assert.deepEqual(heatmap, referenceHeatmap(rows, Math.min(...rows), Math.max(...rows)));
    assert.equal(sum(heatmap.buckets.map((b) => b.count)), rows.length);
  });

  it("breaks down by a column, ordered by COUNT, with series for the same groups", async () => {
    const result = await query({
      calculations: [{ op: "COUNT" }, { op: "AVG", column: "duration_ms" }],
      breakdowns: ["service.name"],
      granularity_s: 300,
    });
    const byService = groupBy(inRange, (s) => s.service);
    const expected = [...byService].sort((a, b) => b[1].length - a[1].length);
    assert.deepEqual(
      result.totals.map((t) => [t.group["service.name"], t.values.COUNT]),
      expected.map(([service, rows]) => [service, rows.length]),
    );
    for (const total of result.totals) {
      const rows = byService.get(total.group["service.name"] as string) ?? [];
      approx(
        total.values["AVG(duration_ms)"],
        reference(rows.map((s) => s.duration_ms)).AVG,
        "AVG",
      );
    }
    assert.deepEqual(
      result.series.map((s) => s.group),
      result.totals.map((t) => t.group),
    );
    for (const [i, series] of result.series.entries()) {
      assert.equal(series.points.length, 12);
      assert.equal(series.points[0].time, "2026-01-01T00:00:00.000Z");
      assert.equal(series.points[11].time, "2026-01-01T00:55:00.000Z");
      const rows = byService.get(series.group["service.name"] as string) ?? [];
      for (const point of series.points) {
        const t = Date.parse(point.time);
        const inBucket = rows.filter((s) => s.startMs >= t && s.startMs < t + 300_000);
        assert.equal(point.values.COUNT, inBucket.length, point.time);
        approx(
          point.values["AVG(duration_ms)"],
          reference(inBucket.map((s) => s.duration_ms)).AVG,
          `AVG at ${point.time}`,
        );
      }
      assert.equal(
        sum(series.points.map((p) => p.values.COUNT as number)),
        result.totals[i].values.COUNT,
      );
    }
  });

  it("breaks down by a numeric attribute as text, missing values as null, ordered by the first calculation", async () => {
    const result = await query({
      calculations: [{ op: "P99", column: "duration_ms" }, { op: "COUNT" }],
      breakdowns: ["http.response.status_code"],
    });
    const groups = groupBy(inRange, (s) => {
      const code = s.num["http.response.status_code"];
      return code === undefined ? null : String(code);
    });
    const expected = [...groups]
      .map(([code, rows]) => ({
        code,
        p99:
          quantileCont(
            rows.map((s) => s.duration_ms),
            0.99,
          ) ?? 0,
        n: rows.length,
      }))
      .sort((a, b) => b.p99 - a.p99);
    assert.deepEqual(
      result.totals.map((t) => t.group["http.response.status_code"]),
      expected.map((e) => e.code),
    );
    assert.ok(result.totals.some((t) => t.group["http.response.status_code"] === "200"));
    assert.ok(result.totals.some((t) => t.group["http.response.status_code"] === null));
    for (const [i, total] of result.totals.entries()) {
      assert.equal(total.values.COUNT, expected[i].n);
      approx(total.values["P99(duration_ms)"], expected[i].p99, "P99");
    }
  });

  it("renders fractional and boolean attributes as text in breakdowns", async () => {
    for (const [name, value] of [
      ["db.rows", (s: TestSpan) => s.num["db.rows"]],
      ["retry", (s: TestSpan) => s.bool.retry],
    ] as const) {
      const result = await query({ breakdowns: [name], limit: 1000 });
      const groups = groupBy(inRange, (s) => {
        const v = value(s);
        return v === undefined ? null : String(v);
      });
      assert.ok(groups.size > 2, name);
      assert.deepEqual(
        new Map(result.totals.map((t) => [t.group[name], t.values.COUNT])),
        new Map([...groups].map(([k, rows]) => [k, rows.length])),
        name,
      );
    }
  });

  it("breaks down by two names and keeps the top groups with limit", async () => {
    const result = await query({ breakdowns: ["service.name", "http.route"], limit: 3 });
    const groups = groupBy(inRange, (s) => `${s.service} ${s.str["http.route"] ?? null}`);
    const counts = [...groups.values()].map((rows) => rows.length).sort((a, b) => b - a);
    assert.equal(result.totals.length, 3);
    assert.deepEqual(
      result.totals.map((t) => t.values.COUNT),
      counts.slice(0, 3),
    );
    for (const total of result.totals) {
      const key = `${total.group["service.name"]} ${total.group["http.route"]}`;
      assert.equal(groups.get(key)?.length, total.values.COUNT, key);
    }
    assert.deepEqual(
      result.series.map((s) => s.group),
      result.totals.map((t) => t.group),
    );
  });

  it("buckets heatmaps over the kept groups and per time bucket", async () => {
    const result = await query({
      calculations: [{ op: "HEATMAP", column: "duration_ms" }],
      breakdowns: ["service.name"],
      limit: 2,
      granularity_s: 900,
      exact: true,
    });
    assert.equal(result.totals.length, 2);
    const kept = inRange.filter((s) =>
      result.totals.some((t) => t.group["service.name"] === s.service),
    );
    const all = kept.map((s) => s.duration_ms);
    const [lo, hi] = [Math.min(...all), Math.max(...all)];
    for (const [i, total] of result.totals.entries()) {
      const rows = kept.filter((s) => s.service === total.group["service.name"]);
      assert.deepEqual(
        total.values["HEATMAP(duration_ms)"],
        referenceHeatmap(
          rows.map((s) => s.duration_ms),
          lo,
          hi,
        ),
      );
      // ordered by COUNT when every calculation is a HEATMAP
      if (i > 0) {
        const previous = kept.filter(
          (s) => s.service === result.totals[i - 1].group["service.name"],
        );
        assert.ok(previous.length >= rows.length);
      }
      for (const point of result.series[i].points) {
        const t = Date.parse(point.time);
        const inBucket = rows.filter((s) => s.startMs >= t && s.startMs < t + 900_000);
        assert.deepEqual(
          point.values["HEATMAP(duration_ms)"],
          referenceHeatmap(
            inBucket.map((s) => s.duration_ms),
            lo,
            hi,
          ),
          point.time,
        );
      }
    }
  });

  it("defaults the granularity to 60-240 buckets and fills empty buckets", async () => {
    const result = await query({
      calculations: [{ op: "COUNT" }, { op: "MAX", column: "duration_ms" }],
    });
    assert.equal(result.series[0].points.length, 240); // 15 s over an hour
    assert.equal(sum(result.series[0].points.map((p) => p.values.COUNT as number)), inRange.length);
    const empty = result.series[0].points.find((p) => p.values.COUNT === 0);
    assert.ok(empty, "some 15 s bucket has no span");
    assert.equal(empty.values["MAX(duration_ms)"], null);

    const day = await runQuery(db.conn, {
      dataset: "spans",
      time_range: { start: "2025-12-31T01:00:30Z", end: "2026-01-01T01:00:30Z" },
    });
    // 10 min over a day; the unaligned ends add a partial bucket
    assert.equal(day.series[0].points.length, 145);
    assert.equal(day.series[0].points[0].time, "2025-12-31T01:00:00.000Z");
    assert.equal(sum(day.series[0].points.map((p) => p.values.COUNT as number)), spans.length);
  });

  it("answers a relative time range ending now", async () => {
    const now = new Date(T0 + 30 * 60_000);
    const expected = spans.filter(
      (s) => s.startMs >= now.getTime() - 900_000 && s.startMs < now.getTime(),
    );
    for (const last of ["15m", 900]) {
      const result = await runQuery(db.conn, { dataset: "spans", time_range: { last } }, now);
      assert.equal(result.totals[0].values.COUNT, expected.length, String(last));
      assert.equal(result.series[0].points[0].time, "2026-01-01T00:15:00.000Z");
    }
  });

  it("answers one zero total without breakdowns when nothing matches", async () => {
    const result = await query({
      calculations: [
        { op: "COUNT" },
        { op: "P50", column: "duration_ms" },
        { op: "HEATMAP", column: "duration_ms" },
      ],
      filters: [{ column: "service.name", op: "=", value: "nobody" }],
    });
    assert.deepEqual(result.totals, [
      {
        group: {},
        values: { COUNT: 0, "P50(duration_ms)": null, "HEATMAP(duration_ms)": { buckets: [] } },
      },
    ]);
    assert.equal(result.series[0].points.length, 240);
    const grouped = await query({
      breakdowns: ["name"],
      filters: [{ column: "name", op: "=", value: "x" }],
    });
    assert.deepEqual(grouped, { totals: [], series: [] });
  });

  it("applies every filter op like JS does", async () => {
    const threshold = inRange[10].duration_ms;
    const cases: [unknown, (s: TestSpan) => boolean][] = [
      [{ column: "service.name", op: "=", value: "billing" }, (s) => s.service === "billing"],
      [{ column: "service.name", op: "!=", value: "billing" }, (s) => s.service !== "billing"],
      [{ column: "duration_ms", op: ">", value: threshold }, (s) => s.duration_ms > threshold],
      [{ column: "duration_ms", op: ">=", value: threshold }, (s) => s.duration_ms >= threshold],
      [{ column: "duration_ms", op: "<", value: threshold }, (s) => s.duration_ms < threshold],
      [{ column: "duration_ms", op: "<=", value: threshold }, (s) => s.duration_ms <= threshold],
      [
        { column: "service.name", op: "in", value: ["web", "auth"] },
        (s) => ["web", "auth"].includes(s.service),
      ],
      [{ column: "name", op: "contains", value: "users" }, (s) => s.name.includes("users")],
      [{ column: "parent_span_id", op: "not-exists" }, (s) => s.parent_span_id === ""],
      [{ column: "parent_span_id", op: "exists" }, (s) => s.parent_span_id !== ""],
      [{ column: "duration_ms", op: "exists" }, () => true],
      [
        { column: "timestamp", op: ">=", value: "2026-01-01T00:30:00Z" },
        (s) => s.startMs >= T0 + 1_800_000,
      ],
      [{ column: "http.route", op: "exists" }, (s) => "http.route" in s.str],
      [{ column: "http.route", op: "not-exists" }, (s) => !("http.route" in s.str)],
      [{ column: "http.route", op: "=", value: "/login" }, (s) => s.str["http.route"] === "/login"],
      [
        { column: "http.route", op: "!=", value: "/login" },
        (s) => s.str["http.route"] !== "/login",
      ],
      [
        { column: "http.route", op: "contains", value: "in" },
        (s) => s.str["http.route"]?.includes("in") ?? false,
      ],
      [
        { column: "http.route", op: "in", value: ["/login", "/health"] },
        (s) => ["/login", "/health"].includes(s.str["http.route"]),
      ],
      [
        { column: "http.response.status_code", op: "=", value: 500 },
        (s) => s.num["http.response.status_code"] === 500,
      ],
      [
        { column: "http.response.status_code", op: "!=", value: 200 },
        (s) => s.num["http.response.status_code"] !== 200,
      ],
      [
        { column: "http.response.status_code", op: ">=", value: 404 },
        (s) => s.num["http.response.status_code"] >= 404,
      ],
      [
        { column: "http.response.status_code", op: ">", value: 404 },
        (s) => s.num["http.response.status_code"] > 404,
      ],
      [
        { column: "http.response.status_code", op: "<", value: 404 },
        (s) => s.num["http.response.status_code"] < 404,
      ],
      [
        { column: "http.response.status_code", op: "<=", value: 404 },
        (s) => s.num["http.response.status_code"] <= 404,
      ],
      [
        { column: "http.response.status_code", op: "in", value: [404, 500] },
        (s) => [404, 500].includes(s.num["http.response.status_code"]),
      ],
      [
        { column: "http.response.status_code", op: "exists" },
        (s) => "http.response.status_code" in s.num,
      ],
      [{ column: "retry", op: "=", value: true }, (s) => s.bool.retry === true],
      [{ column: "retry", op: "in", value: [false] }, (s) => s.bool.retry === false],
      [{ column: "retry", op: "exists" }, (s) => "retry" in s.bool],
    ];
    for (const [filter, predicate] of cases) {
      const expected = inRange.filter(predicate).length;
      assert.ok(
        (expected > 0 && expected < inRange.length) || JSON.stringify(filter).includes('"exists"'),
      );
      assert.equal(await count([filter]), expected, JSON.stringify(filter));
    }
    const both = inRange.filter(
      (s) => s.service === "web" && s.num["http.response.status_code"] === 200,
    );
    assert.equal(
      await count([
        { column: "service.name", op: "=", value: "web" },
        { column: "http.response.status_code", op: "=", value: 200 },
      ]),
      both.length,
    );
  });

  it("leaves NaN and infinities out of heatmaps and answers null for sums they spoil", async () => {
    const later = T1 + 30 * 24 * HOUR;
    await insertSpans(
      db.conn,
      [1, 5, Number.NaN, Number.POSITIVE_INFINITY].map((rows, i) => ({
        ...inRange[i],
        startMs: later + i,
        num: { "db.rows": rows },
      })),
    );
    const result = await runQuery(db.conn, {
      dataset: "spans",
      time_range: {
        start: new Date(later).toISOString(),
        end: new Date(later + HOUR).toISOString(),
      },
      calculations: [
        { op: "HEATMAP", column: "db.rows" },
        { op: "SUM", column: "db.rows" },
      ],
    });
    assert.deepEqual(result.totals[0].values, {
      "HEATMAP(db.rows)": referenceHeatmap([1, 5], 1, 5),
      "SUM(db.rows)": null,
    });
  });

  it("never turns a value or an attribute name into SQL", async () => {
    const hostileName = `x']) OR 1=1; DROP TABLE spans; --"`;
    const hostileValue = "x' OR 1=1 --";
    const stored = async () =>
      Number(
        (await db.conn.runAndReadAll("SELECT count(*) AS n FROM spans")).getRowObjectsJS()[0].n,
      );
    const before = await stored();
    await insertSpans(db.conn, [
      {
        ...inRange[0],
        span_id: "ffffffffffffffff",
        startMs: T1 + 60_000,
        str: { [hostileName]: hostileValue },
        num: {},
        bool: {},
      },
    ]);
    const later = { start: new Date(T0).toISOString(), end: new Date(T1 + HOUR).toISOString() };
    const total = inRange.length + 3; // T1, T1 + 5 s and the row above
    const run = (request: Record<string, unknown>) =>
      runQuery(db.conn, { dataset: "spans", time_range: later, ...request });

    const counted = async (filters: unknown[]) => (await run({ filters })).totals[0].values.COUNT;
    assert.equal(await counted([{ column: "service.name", op: "=", value: hostileValue }]), 0);
    assert.equal(await counted([{ column: "service.name", op: "!=", value: hostileValue }]), total);
    assert.equal(
      await counted([{ column: "http.route", op: "in", value: [hostileValue, "') OR ('1'='1"] }]),
      0,
    );
    assert.equal(await counted([{ column: hostileName, op: "=", value: hostileValue }]), 1);
    assert.equal(await counted([{ column: hostileName, op: "exists" }]), 1);
    assert.equal(await counted([{ column: hostileName, op: "contains", value: "OR 1=1" }]), 1);
    assert.equal(await counted([{ column: "http.route", op: "=", value: hostileValue }]), 0);
    const grouped = await run({
      breakdowns: [hostileName],
      calculations: [{ op: "SUM", column: hostileName }],
    });
    // SUM is null for both groups: ties go by group value, NULLs last
    assert.deepEqual(
      grouped.totals.map((t) => t.group[hostileName]),
      [hostileValue, null],
    );
    assert.equal(await stored(), before + 1);
  });
});
