import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runBubbleUp } from "./bubbleup.js";
import { QueryError } from "./errors.js";
import { insertSpans, openTestDb, type TestDb, type TestSpan } from "./testdb.js";
import { findExemplar, searchTraces } from "./traces-search.js";

const T0 = Date.UTC(2026, 0, 1);
const RANGE = { start: new Date(T0).toISOString(), end: new Date(T0 + 3_600_000).toISOString() };

/** 40 traces of 3 spans; trace i lasts 10·i ms; odd traces' children are in billing, slow ones on host-bad. */
function generate(): TestSpan[] {
  const spans: TestSpan[] = [];
  for (let i = 0; i < 40; i++) {
    const trace = i.toString(16).padStart(32, "0");
    for (let j = 0; j < 3; j++) {
      spans.push({
        trace_id: trace,
        span_id: `${i.toString(16).padStart(8, "0")}${j.toString(16).padStart(8, "0")}`,
        parent_span_id: j === 0 ? "" : `${i.toString(16).padStart(8, "0")}00000000`,
        name: j === 0 ? "GET /root" : "child",
        kind: "server",
        service: j > 0 && i % 2 === 1 ? "billing" : "web",
        startMs: T0 + i * 60_000,
        duration_ms: j === 0 ? 10 * (i + 1) : 1,
        status_code: j === 2 && i % 5 === 0 ? "error" : "ok",
        status_message: "",
        str: { "host.name": i >= 30 && j === 0 ? "host-bad" : "host-ok" },
        num: {},
        bool: {},
      });
    }
  }
  return spans;
}

describe("trace search, exemplars and BubbleUp", () => {
  let db: TestDb;
  before(async () => {
    db = await openTestDb();
    await insertSpans(db.conn, generate());
  });
  after(() => db.close());

  it("filters before the limit and sorts by duration over the whole range", async () => {
    const { traces } = await searchTraces(db.conn, {
      time_range: RANGE,
      filters: [{ column: "service.name", op: "=", value: "billing" }],
      sort: { by: "duration", direction: "desc" },
      limit: 3,
    });
    // Odd traces only; the longest are 39, 37, 35 (durations 400, 380, 360 ms).
    assert.deepEqual(
      traces.map((t) => [parseInt(t.trace_id, 16), t.duration_ms, t.span_count]),
      [
        [39, 400, 3],
        [37, 380, 3],
        [35, 360, 3],
      ],
    );
    assert.equal(traces[0].root_name, "GET /root");
    assert.equal(traces[0].root_service, "web");
    assert.deepEqual(traces[0].services, ["billing", "web"]);
    const errors = await searchTraces(db.conn, {
      time_range: RANGE,
      filters: [{ column: "status_code", op: "=", value: "error" }],
      trace_duration_ms: { max: 100 },
      sort: { by: "start", direction: "asc" },
    });
    assert.deepEqual(
      errors.traces.map((t) => [parseInt(t.trace_id, 16), t.error_count]),
      [
        [0, 1],
        [5, 1],
      ],
    );
  });

  it("finds the slowest span at or below a value within a group", async () => {
    const { exemplar } = await findExemplar(db.conn, {
      dataset: "spans",
      time_range: RANGE,
      group: { "service.name": "web" },
      at_most: 255,
    });
    assert.equal(exemplar?.value, 250);
    assert.equal(parseInt(exemplar?.trace_id ?? "", 16), 24);
  });

  it("ranks the attribute that separates the selection first", async () => {
    const result = await runBubbleUp(db.conn, {
      dataset: "spans",
      time_range: RANGE,
      selection: { value: { column: "duration_ms", min: 310 } },
    });
    assert.equal(result.selection_count, 10);
    assert.equal(result.baseline_count, 110);
    assert.equal(result.columns[0].column, "host.name");
    assert.equal(result.columns[0].score, 1);
    assert.deepEqual(result.columns[0].values[0], { value: "host-bad", selection: 1, baseline: 0 });
  });

  it("refuses bad input naming the field", async () => {
    await assert.rejects(
      searchTraces(db.conn, { time_range: RANGE, sort: { by: "size" } }),
      (e: unknown) => e instanceof QueryError && e.path === "sort.by",
    );
    await assert.rejects(
      runBubbleUp(db.conn, {
        dataset: "spans",
        time_range: RANGE,
        selection: { value: { column: "name" } },
      }),
      (e: unknown) => e instanceof QueryError && e.path === "selection.value.column",
    );
  });
});
