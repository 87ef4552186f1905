import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ResourceSpansRecord } from "@sonde/protocol";
import { finishBulkLoad } from "../storage/bulk-load.js";
import { DuckDbStore } from "../storage/duckdb-store.js";
import { TRACE_INDEX_LEVELS } from "../storage/schema.js";
import { mergeTraceIndex } from "../storage/trace-index.js";
import { listColumns } from "./columns.js";
import { QueryError } from "./errors.js";
import { insertSpans, openTestDb, random, type TestDb, type TestSpan } from "./testdb.js";
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

describe("getTrace through a trace index kept by live ingest in levels", () => {
  const US = 1_767_225_600_000_000n; // 2026-01-01T00:00:00Z in µs
  const LIMITS = [8, 24, 72]; // rows per level before it is merged into the next
  const rand = random(6);
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(rand() * 16).toString(16)).join("");
  // 60 traces with random ids (keys in no order), two of them sharing the 16-digit key, each
  // with 2–6 spans published over up to 6 separate writes.
  const traces = Array.from({ length: 60 }, () => hex(32));
  traces[1] = traces[0].slice(0, 16) + hex(16);
  const spans = traces.flatMap((traceId, t) =>
    Array.from({ length: 2 + (t % 5) }, (_, i) => ({
      traceId,
      spanId: hex(16),
      startUs: US + BigInt(t * 1_000 + i * 40_000_000), // spans of a trace 40 s apart
      write: (t + i) % 6,
    })),
  );
  /** Each trace's span ids in `TraceSpan` order (start time, then span id). */
  const expected = new Map(
    traces.map((id) => [
      id,
      spans
        .filter((s) => s.traceId === id)
        .sort((a, b) => (a.startUs < b.startUs ? -1 : a.startUs > b.startUs ? 1 : 0))
        .map((s) => s.spanId),
    ]),
  );
  let dir: string;
  let store: DuckDbStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "sonde-trace-levels-"));
    store = await DuckDbStore.open(join(dir, "t.duckdb"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const levelRows = async () => {
    const counts = [];
    for (const table of TRACE_INDEX_LEVELS) {
      const r = await store.reader.runAndReadAll(`SELECT count(*) FROM ${table}`);
      counts.push(Number(r.getRows()[0][0]));
    }
    return counts;
  };
  const fetchAll = () => Promise.all(traces.map((id) => getTrace(store.reader, id)));

  it("finds every span after writes in arrival order and merges running beside them", async () => {
    const merger = await store.instance.connect();
    const held = new Set<number>(); // levels holding rows when the fetches below were checked
    try {
      for (let write = 0; write < 6; write++) {
        // Traces in a shuffled order, one request per trace, published as separate writes.
        const batch = spans.filter((s) => s.write === write).sort(() => rand() - 0.5);
        for (let i = 0; i < batch.length; i += 7) {
          const part = batch.slice(i, i + 7);
          await Promise.all([
            store.insertSpans(part.map((s) => ingested(s.traceId, s.spanId, s.startUs))),
            write < 5 ? mergeTraceIndex(merger, LIMITS) : 0, // the last write stays in level 0
          ]);
        }
        for (const [level, n] of (await levelRows()).entries()) if (n > 0) held.add(level);
        const got = await fetchAll();
        for (const [i, id] of traces.entries()) {
          const want = expected
            .get(id)
            ?.filter((spanId) => spans.some((s) => s.spanId === spanId && s.write <= write));
          assert.deepEqual(
            got[i].spans.map((s) => s.span_id),
            want,
          );
        }
      }
    } finally {
      merger.closeSync();
    }
    assert.deepEqual([...held].sort(), [0, 1, 2, 3]);
  });

  it("keeps merged levels sorted by key", async () => {
    for (const table of TRACE_INDEX_LEVELS.slice(1)) {
      const r = await store.reader.runAndReadAll(
        `SELECT count(*) FROM (SELECT trace_key < lag(trace_key) OVER (ORDER BY rowid) AS down
         FROM ${table}) WHERE down`,
      );
      assert.equal(Number(r.getRows()[0][0]), 0, table);
    }
  });

  it("answers identically once the index is rebuilt sorted, as after a bulk load", async () => {
    const live = await fetchAll();
    const conn = await store.instance.connect();
    await finishBulkLoad(conn);
    conn.closeSync();
    assert.deepEqual(await levelRows().then((r) => r.slice(0, -1)), [0, 0, 0]);
    assert.deepEqual(await fetchAll(), live);
  });

  it("leaves rows committed during a merge's transaction in level 0", async () => {
    // What mergeTraceIndex relies on: its DELETE removes only the rows its transaction saw.
    const merger = await store.instance.connect();
    try {
      await merger.run("BEGIN TRANSACTION");
      await merger.run(`CREATE TEMP TABLE seen AS FROM trace_index`);
      await store.insertSpans([ingested("ab".repeat(16), "00000000000000a1", US)]);
      await merger.run("DELETE FROM trace_index");
      await merger.run("COMMIT");
    } finally {
      merger.closeSync();
    }
    assert.deepEqual(
      (await getTrace(store.reader, "ab".repeat(16))).spans.map((s) => s.span_id),
      ["00000000000000a1"],
    );
    assert.equal((await levelRows())[0], 1);
  });
});

describe("trace index merges by the store", () => {
  it("keeps every index row when the store closes during a merge, and merges after reopening", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sonde-trace-merge-"));
    const path = join(dir, "t.duckdb");
    const count = async (s: DuckDbStore) => {
      const sql = TRACE_INDEX_LEVELS.map((t) => `(SELECT count(*) FROM ${t})`).join(", ");
      return (await s.reader.runAndReadAll(`SELECT ${sql}`)).getRows()[0].map(Number);
    };
    try {
      let store = await DuckDbStore.open(path);
      await store.reader.run(`INSERT INTO trace_index SELECT hash(i), TIMESTAMP '2026-01-01',
        TIMESTAMP '2026-01-01' FROM range(1000000) t(i)`);
      const merge = store.mergeTraceIndex();
      await store.close(); // interrupts the merge, which is rolled back (or had finished)
      await merge;
      store = await DuckDbStore.open(path);
      const rows = await count(store);
      assert.ok(
        [String([1_000_000, 0, 0, 0]), String([0, 1_000_000, 0, 0])].includes(String(rows)),
        String(rows),
      );
      await store.mergeTraceIndex();
      assert.deepEqual(await count(store), [0, 1_000_000, 0, 0]);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
