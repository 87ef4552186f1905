import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { QueryResult } from "@sonde/protocol/query";
import { bucketOf, bucketValue, SKETCH_ALPHA } from "../storage/rollups.js";
import { QueryError } from "./errors.js";
import { runQuery } from "./run.js";
import { insertSpans, openTestDb, random, type TestDb, type TestSpan } from "./testdb.js";

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const RANGE = { start: new Date(T0).toISOString(), end: new Date(T0 + HOUR).toISOString() };
const SERVICES = ["web", "auth", "billing"];

function generate(): TestSpan[] {
  const rand = random(7);
  return Array.from({ length: 600 }, (_, i) => ({
    trace_id: i.toString(16).padStart(32, "0"),
    span_id: i.toString(16).padStart(16, "0"),
    parent_span_id: "",
    name: ["GET /a", "GET /b"][i % 2],
    kind: "server",
    service: SERVICES[i % 3],
    startMs: T0 + Math.floor(rand() * HOUR),
    duration_ms: Math.round(Math.exp(rand() * 8) * 1000) / 1000,
    status_code: rand() < 0.1 ? "error" : "ok",
    status_message: "",
    str: { "user.id": `u${Math.floor(rand() * 40)}` },
    num: { bytes: Math.floor(rand() * 1000) },
    bool: {},
  }));
}

describe("the complete query model", () => {
  let db: TestDb;
  const spans = generate();
  before(async () => {
    db = await openTestDb();
    await insertSpans(db.conn, spans);
  });
  after(() => db.close());
  const query = (body: object) =>
    runQuery(db.conn, { dataset: "spans", time_range: RANGE, ...body }) as Promise<QueryResult>;

  it("answers COUNT_DISTINCT, RATE_SUM and AND/OR filters like JS does", async () => {
    const result = await query({
      calculations: [
        { op: "COUNT_DISTINCT", column: "user.id" },
        { op: "RATE_SUM", column: "bytes" },
      ],
      filters: {
        op: "OR",
        filters: [
          { column: "service.name", op: "=", value: "web" },
          {
            op: "AND",
            filters: [
              { column: "service.name", op: "=", value: "auth" },
              { column: "status_code", op: "=", value: "error" },
            ],
          },
        ],
      },
    });
    const kept = spans.filter(
      (s) => s.service === "web" || (s.service === "auth" && s.status_code === "error"),
    );
    const values = result.totals[0].values;
    assert.equal(
      values["COUNT_DISTINCT(user.id)"],
      new Set(kept.map((s) => s.str["user.id"])).size,
    );
    const sum = kept.reduce((a, s) => a + s.num.bytes, 0);
    assert.ok(Math.abs((values["RATE_SUM(bytes)"] as number) - sum / 3600) < 1e-9);
  });

  it("orders by any calculation ascending, applies HAVING before LIMIT", async () => {
    const result = await query({
      calculations: [{ op: "COUNT" }, { op: "MAX", column: "duration_ms" }],
      breakdowns: ["service.name"],
      order_by: [{ key: "MAX(duration_ms)", direction: "asc" }],
      having: [{ calculation: "COUNT", op: ">", value: 0 }],
      limit: 2,
    });
    const max = SERVICES.map((svc) => ({
      svc,
      max: Math.max(...spans.filter((s) => s.service === svc).map((s) => s.duration_ms)),
    })).sort((a, b) => a.max - b.max);
    assert.deepEqual(
      result.totals.map((t) => t.group["service.name"]),
      max.slice(0, 2).map((m) => m.svc),
    );
    const none = await query({ having: [{ calculation: "COUNT", op: ">", value: 1e9 }] });
    assert.deepEqual(none.totals, []);
  });

  it("answers the rollup path equal to the raw path where exact, within α for P99", async () => {
    const body = {
      calculations: [
        { op: "COUNT" },
        { op: "SUM", column: "duration_ms" },
        { op: "MIN", column: "duration_ms" },
        { op: "MAX", column: "duration_ms" },
        { op: "P99", column: "duration_ms" },
      ],
      breakdowns: ["service.name"],
      granularity_s: 300,
      time_range: { start: new Date(T0 + 30_000).toISOString(), end: RANGE.end },
    };
    const rolled = await query(body);
    const raw = await query({ ...body, exact: true });
    assert.equal(rolled.approximate, true);
    assert.equal(raw.approximate, undefined);
    assert.deepEqual(
      rolled.totals.map((t) => t.group),
      raw.totals.map((t) => t.group),
    );
    rolled.totals.forEach((t, i) => {
      const r = raw.totals[i].values;
      assert.equal(t.values.COUNT, r.COUNT);
      assert.equal(t.values["MIN(duration_ms)"], r["MIN(duration_ms)"]);
      assert.equal(t.values["MAX(duration_ms)"], r["MAX(duration_ms)"]);
      assert.ok(
        Math.abs((t.values["SUM(duration_ms)"] as number) - (r["SUM(duration_ms)"] as number)) <
          1e-6,
      );
      const svc = t.group["service.name"];
      const sorted = spans
        .filter((s) => s.service === svc && s.startMs >= T0 + 30_000)
        .map((s) => s.duration_ms)
        .sort((a, b) => a - b);
      const exact = sorted[Math.floor(0.99 * (sorted.length - 1))];
      const estimate = t.values["P99(duration_ms)"] as number;
      assert.ok(
        Math.abs(estimate - exact) <= SKETCH_ALPHA * exact + 1e-9,
        `${estimate} vs ${exact}`,
      );
    });
    rolled.series[0].points.forEach((p, j) => {
      assert.equal(p.values.COUNT, raw.series[0].points[j].values.COUNT);
    });
  });

  it("keeps every value of a sketch bucket within α of its representative", () => {
    for (const v of [0.02, 0.5, 1, 17.3, 999, 123456]) {
      const rep = bucketValue(bucketOf(v));
      assert.ok(Math.abs(rep - v) <= SKETCH_ALPHA * v + 1e-12, `${v} → ${rep}`);
    }
  });

  it("compares with the previous period for the same groups", async () => {
    const result = await query({
      breakdowns: ["service.name"],
      compare: { offset: "1h" },
      granularity_s: 600,
      exact: true,
    });
    assert.equal(result.compare?.offset_s, 3600);
    assert.deepEqual(
      result.compare?.totals.map((t) => t.group),
      result.totals.map((t) => t.group),
    );
    assert.ok(result.compare?.totals.every((t) => t.values.COUNT === 0));
    assert.equal(result.compare?.series[0].points.length, result.series[0].points.length);
  });

  it("counts spans in progress per bucket for CONCURRENCY", async () => {
    const result = await query({ calculations: [{ op: "CONCURRENCY" }], granularity_s: 600 });
    result.series[0].points.forEach((p) => {
      const t = Date.parse(p.time);
      const expected = spans.filter((s) => {
        const end = Math.max(s.startMs + s.duration_ms, s.startMs + 1e-9);
        return s.startMs < t + 600_000 && end > t && s.startMs < T0 + HOUR;
      }).length;
      assert.equal(p.values.CONCURRENCY, expected, p.time);
    });
  });

  it("refuses bad input naming the field", async () => {
    const cases: [object, string][] = [
      [{ order_by: [{ key: "P50(duration_ms)" }] }, "order_by[0].key"],
      [{ having: [{ calculation: "COUNT", op: "~", value: 1 }] }, "having[0].op"],
      [{ filters: { op: "XOR", filters: [] } }, "filters.op"],
      [{ filters: { op: "OR", filters: [{ column: "x", op: "=" }] } }, "filters.filters[0].value"],
      [{ calculations: [{ op: "CONCURRENCY", column: "duration_ms" }] }, "calculations[0].column"],
      [{ compare: { offset: "yesterday" } }, "compare.offset"],
    ];
    for (const [body, path] of cases) {
      await assert.rejects(query(body), (e: unknown) => e instanceof QueryError && e.path === path);
    }
  });
});
