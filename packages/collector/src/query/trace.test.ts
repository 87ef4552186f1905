import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ResourceSpansRecord } from "@sonde/protocol";
import { finishBulkLoad } from "../storage/bulk-load.js";
import { DuckDbStore } from "../storage/duckdb-store.js";
import { listColumns } from "./columns.js";
import { QueryError } from "./errors.js";
import { insertSpans, openTestDb, type TestDb, type TestSpan } from "./testdb.js";
import { getTrace } from "./trace.js";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const T0 = Date.UTC(2026, 0, 1);

function span(overrides: Partial<TestSpan>): TestSpan {
  return {
    trace_id: TRACE,
    span_id: "b7ad6b7169203331",
    parent_span_id: "",
    name: "GET /users/:id",
    kind: "server",
    service: "web",
    startMs: T0,
    duration_ms: 12.5,
    status_code: "ok",
    status_message: "",
    str: {},
    num: {},
    bool: {},
    ...overrides,
  };
}

describe("getTrace and listColumns on a DuckDB file", () => {
  let db: TestDb;
  before(async () => {
    db = await openTestDb();
    await insertSpans(db.conn, [
      span({
        span_id: "00000000000000c2",
        parent_span_id: "b7ad6b7169203331",
        name: "SELECT users",
        kind: "client",
        service: "auth",
        startMs: T0 + 7,
        duration_ms: 3.25,
        str: { "db.system": "postgresql", name: "shadowed by the column" },
        num: { "db.rows": 1 },
        events: JSON.stringify([{ name: "retry", time_unix_nano: "1767225600007000000" }]),
      }),
      span({
        str: { "http.route": "/users/:id", "service.name": "web" },
        num: { "http.response.status_code": 200 },
        bool: { "http.retry": false },
        links: JSON.stringify([{ trace_id: "1".repeat(32), span_id: "2".repeat(16) }]),
      }),
      span({
        span_id: "00000000000000c1",
        parent_span_id: "b7ad6b7169203331",
        startMs: T0 + 2,
        events: "not json",
      }),
      span({
        trace_id: "f".repeat(32),
        span_id: "ffffffffffffffff",
        num: { "db.rows": 7 },
        str: { "db.rows": "7" },
      }),
    ]);
  });
  after(() => db.close());

  it("returns a trace's spans by start time, attributes flattened, events and links parsed", async () => {
    const trace = await getTrace(db.conn, TRACE.toUpperCase());
    assert.equal(trace.trace_id, TRACE);
    assert.deepEqual(
      trace.spans.map((s) => s.span_id),
      ["b7ad6b7169203331", "00000000000000c1", "00000000000000c2"],
    );
    assert.deepEqual(trace.spans[0], {
      trace_id: TRACE,
      span_id: "b7ad6b7169203331",
      parent_span_id: "",
      trace_state: "",
      name: "GET /users/:id",
      kind: "server",
      "service.name": "web",
      timestamp: "2026-01-01T00:00:00.000Z",
      start_time_unix_nano: "1767225600000000000",
      end_time_unix_nano: "1767225600012500000",
      duration_ms: 12.5,
      status_code: "ok",
      status_message: "",
      "http.route": "/users/:id",
      "http.response.status_code": 200,
      "http.retry": false,
      events: [],
      links: [{ trace_id: "1".repeat(32), span_id: "2".repeat(16) }],
    });
    const child = trace.spans[2];
    assert.equal(child.name, "SELECT users");
    assert.equal(child["service.name"], "auth");
    assert.equal(child.timestamp, "2026-01-01T00:00:00.007Z");
    assert.equal(child.duration_ms, 3.25);
    assert.equal(child["db.system"], "postgresql");
    assert.equal(child["db.rows"], 1);
    assert.deepEqual(child.events, [{ name: "retry", time_unix_nano: "1767225600007000000" }]);
    assert.deepEqual(trace.spans[1].events, [], "unparsable JSON reads as []");
  });

  it("answers an unknown trace with no spans and rejects a malformed id", async () => {
    assert.deepEqual(await getTrace(db.conn, "a".repeat(32)), {
      trace_id: "a".repeat(32),
      spans: [],
    });
    for (const bad of ["", "xyz", "a".repeat(31), `${"a".repeat(31)}'`, `${TRACE}0`]) {
      await assert.rejects(getTrace(db.conn, bad), (err: unknown) => {
        assert.ok(err instanceof QueryError);
        assert.equal(err.path, "trace_id");
        return true;
      });
    }
  });

  it("lists the fixed columns, then every attribute key with its stored type", async () => {
    const { columns } = await listColumns(db.conn);
    assert.deepEqual(columns.slice(0, 3), [
      { name: "trace_id", type: "string" },
      { name: "span_id", type: "string" },
      { name: "parent_span_id", type: "string" },
    ]);
    assert.ok(columns.some((c) => c.name === "timestamp" && c.type === "timestamp"));
    assert.ok(columns.some((c) => c.name === "duration_ms" && c.type === "number"));
    assert.deepEqual(columns.slice(10), [
      { name: "db.rows", type: "number" },
      { name: "db.rows", type: "string" },
      { name: "db.system", type: "string" },
      { name: "http.response.status_code", type: "number" },
      { name: "http.retry", type: "bool" },
      { name: "http.route", type: "string" },
    ]);
  });
});

/** One span of `traceId` starting at `startUs` (epoch microseconds), as OTLP ingest stores it. */
function ingested(traceId: string, spanId: string, startUs: bigint): ResourceSpansRecord {
  return {
    resource: { attributes: { "service.name": "web" } },
    scope: { name: "", version: "" },
    spans: [
      {
        traceId,
        spanId,
        parentSpanId: "",
        traceState: "",
        name: "op",
        kind: "server",
        startTimeUnixNano: startUs * 1000n,
        endTimeUnixNano: startUs * 1000n + 1_000_000n,
        statusCode: "ok",
        statusMessage: "",
        attributes: {},
        events: [],
        links: [],
      },
    ],
  };
}

describe("getTrace through the trace index kept by ingest", () => {
  const LONG = "1234567890abcdef1111111111111111";
  const TWIN = "1234567890abcdef2222222222222222"; // same index key (first 16 hex digits)
  const US = 1_767_265_199_999_000n; // 2026-01-01T10:59:59.999Z in µs
  let dir: string;
  let store: DuckDbStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "sonde-trace-"));
    store = await DuckDbStore.open(join(dir, "t.duckdb"));
    // LONG straddles a minute and an hour, its spans published in separate transactions with
    // other traces' spans in between; the last start has a microsecond part.
    await store.insertSpans([ingested(LONG, "000000000000000a", US)]);
    await store.insertSpans([ingested(LONG, "000000000000000b", US + 1_500n)]);
    for (let i = 0; i < 50; i++) {
      const other = (i + 1).toString(16).padStart(32, "0");
      await store.insertSpans([ingested(other, "00000000000000ff", US + BigInt(i) * 60_000_000n)]);
    }
    await store.insertSpans([ingested(TWIN, "000000000000000e", US + 3_600_000_000n)]);
    await store.insertSpans([ingested(LONG, "000000000000000c", US + 9_000_000_001n)]);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async (traceId: string) =>
    (await getTrace(store.reader, traceId)).spans.map((s) => s.span_id);

  it("finds every span of a trace published over hours, and only its own", async () => {
    assert.deepEqual(await ids(LONG), ["000000000000000a", "000000000000000b", "000000000000000c"]);
    assert.deepEqual(await ids(TWIN), ["000000000000000e"]);
    const last = (await getTrace(store.reader, LONG)).spans[2];
    assert.equal(last.start_time_unix_nano, "1767274199999001000");
    assert.equal(last.timestamp, "2026-01-01T13:29:59.999Z");
  });

  it("sees spans stored after an earlier fetch, and answers concurrent fetches alike", async () => {
    assert.equal((await ids(LONG)).length, 3);
    await store.insertSpans([ingested(LONG, "000000000000000d", US + 9_000_000_002n)]);
    const want = ["000000000000000a", "000000000000000b", "000000000000000c", "000000000000000d"];
    assert.deepEqual(await ids(LONG), want);
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ids([LONG, TWIN, "f".repeat(32)][i % 3])),
    );
    many.forEach((got, i) => {
      assert.deepEqual(got, [want, ["000000000000000e"], []][i % 3]);
    });
  });

  it("answers the same after the index is rebuilt as a bulk load does", async () => {
    const before = [await getTrace(store.reader, LONG), await getTrace(store.reader, TWIN)];
    const conn = await store.instance.connect();
    await finishBulkLoad(conn);
    conn.closeSync();
    assert.deepEqual(
      [await getTrace(store.reader, LONG), await getTrace(store.reader, TWIN)],
      before,
    );
  });
});
