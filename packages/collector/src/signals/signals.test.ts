import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ErrorRecord, EventDeclarationRecord, EventRecord, LogRecord } from "@sonde/protocol";
import type {
  ColumnsResult,
  ErrorGroupDetail,
  ErrorGroupsResult,
  EventsResult,
  QueryResult,
  TraceLogsResult,
} from "@sonde/protocol/query";
import { type Collector, startCollector } from "../collector.js";

// A real collector (HTTP on a free port, a DuckDB file); rows go in through its SignalStore.
let collector: Collector;
let directory: string;
const NOW = Date.now();
const ns = (minutesAgo: number) => BigInt(NOW - minutesAgo * 60_000) * 1_000_000n;
const T1 = "a".repeat(32);
const T2 = "b".repeat(32);
const FP_DB = "0123456789abcdef";
const FP_UI = "fedcba9876543210";

const CONFIG: EventDeclarationRecord = {
  name: "/demo/billing/config_changed",
  description: "A billing setting changed.",
  severity: "notice",
  owner: "team-billing",
  fields: { key: "string", size: "int" },
};
const event = (minutesAgo: number, key: string, size: number, trace = ""): EventRecord => ({
  name: CONFIG.name,
  timeUnixNano: ns(minutesAgo),
  severity: "notice",
  owner: "team-billing",
  fields: { key, size },
  traceId: trace,
  spanId: trace ? "1".repeat(16) : "",
  declaration: CONFIG,
});
const log = (minutesAgo: number, sev: number, body: string, trace = "", span = ""): LogRecord => ({
  timeUnixNano: ns(minutesAgo),
  severityNumber: sev,
  severityText: sev >= 13 ? "WARN" : "INFO",
  body,
  attributes: { "order.total": sev * 10, "http.route": "/checkout" },
  traceId: trace,
  spanId: span,
  loggerName: "checkout",
});
const error = (
  minutesAgo: number,
  fingerprint: string,
  owner: string,
  message: string,
  trace = "",
): ErrorRecord => ({
  timeUnixNano: ns(minutesAgo),
  type: fingerprint === FP_DB ? "DatabaseError" : "TypeError",
  message,
  template: message.replace(/\d+/g, "<num>"),
  fingerprint,
  owner,
  stack: `Error: ${message}\n    at handler (src/${owner}.ts:10:5)`,
  traceId: trace,
  spanId: trace ? "2".repeat(16) : "",
  source: "reported",
  attributes: { attempt: 1 },
});

before(async () => {
  directory = await mkdtemp(join(tmpdir(), "sonde-signals-api-"));
  collector = await startCollector({
    httpPort: 0,
    grpcPort: false,
    storage: join(directory, "data.duckdb"),
  });
  await collector.signals.insert([
    {
      resource: { "service.name": "billing" },
      events: [event(40, "currency", 3), event(20, "tax_rate", 8, T1), event(5, "currency", 4)],
      logs: [log(30, 9, "charged card"), log(20, 13, "slow charge", T1, "3".repeat(16))],
      errors: [
        error(50, FP_DB, "team-payments", "deadlock on row 17"),
        error(30, FP_DB, "team-payments", "deadlock on row 4", T1),
        error(10, FP_DB, "team-payments", "deadlock on row 99", T2),
      ],
    },
    {
      resource: { "service.name": "web" },
      events: [
        {
          ...event(15, "x", 0),
          name: "/demo/web/deploy",
          owner: "team-web",
          fields: { version: "v2.1" },
        },
      ],
      logs: [log(20, 9, "checkout started", T1, "4".repeat(16)), log(2, 17, "checkout failed")],
      errors: [
        error(25, FP_DB, "team-payments", "deadlock on row 5", T1),
        error(8, FP_UI, "team-web", "cart is undefined", T2),
      ],
    },
  ]);
});
after(async () => {
  await collector.close();
  await rm(directory, { recursive: true, force: true });
});

async function get<T>(path: string, status = 200): Promise<T> {
  const response = await fetch(`${collector.url}${path}`);
  const body = await response.json();
  assert.equal(response.status, status, JSON.stringify(body));
  return body as T;
}
async function query(body: object, status = 200): Promise<QueryResult & { error?: string }> {
  const response = await fetch(`${collector.url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ time_range: { last: "1h" }, ...body }),
  });
  const json = await response.json();
  assert.equal(response.status, status, JSON.stringify(json));
  return json;
}

describe("POST /api/query over events, logs and errors", () => {
  it("counts events by name and service, with an OR filter and a numeric field", async () => {
    const r = await query({
      dataset: "events",
      calculations: [{ op: "COUNT" }, { op: "MAX", column: "size" }],
      breakdowns: ["name", "service.name"],
      filters: {
        op: "OR",
        filters: [
          { column: "key", op: "=", value: "currency" },
          { column: "owner", op: "=", value: "team-web" },
        ],
      },
    });
    assert.deepEqual(
      r.totals.map((t) => [t.group.name, t.group["service.name"], t.values.COUNT]),
      [
        ["/demo/billing/config_changed", "billing", 2],
        ["/demo/web/deploy", "web", 1],
      ],
    );
    assert.equal(r.totals[0].values["MAX(size)"], 4);
    const points = r.series[0].points.reduce((n, p) => n + (p.values.COUNT as number), 0);
    assert.equal(points, 2);
  });

  it("filters logs by severity_number and averages a numeric attribute", async () => {
    const r = await query({
      dataset: "logs",
      calculations: [{ op: "COUNT" }, { op: "AVG", column: "order.total" }],
      filters: [{ column: "severity_number", op: ">=", value: 13 }],
      breakdowns: ["severity_text"],
      order_by: [{ key: "severity_text", direction: "asc" }],
    });
    assert.deepEqual(
      r.totals.map((t) => [t.group.severity_text, t.values.COUNT, t.values["AVG(order.total)"]]),
      [["WARN", 2, 150]],
    );
  });

  it("groups errors by fingerprint with having and limit", async () => {
    const r = await query({
      dataset: "errors",
      breakdowns: ["fingerprint", "owner"],
      having: [{ calculation: "COUNT", op: ">", value: 1 }],
      limit: 5,
    });
    assert.deepEqual(r.totals, [
      { group: { fingerprint: FP_DB, owner: "team-payments" }, values: { COUNT: 4 } },
    ]);
  });

  it("answers 400 naming the field", async () => {
    const conc = await query({ dataset: "events", calculations: [{ op: "CONCURRENCY" }] }, 400);
    assert.match(conc.error ?? "", /^calculations\[0\]\.op: CONCURRENCY needs spans/);
    const avg = await query(
      { dataset: "errors", calculations: [{ op: "P99", column: "type" }] },
      400,
    );
    assert.match(avg.error ?? "", /^calculations\[0\]\.column: .*string column/);
    const ds = await query({ dataset: "traces" }, 400);
    assert.match(ds.error ?? "", /^dataset: unknown dataset "traces"/);
  });

  it("lists each dataset's columns and attributes", async () => {
    const { columns } = await get<ColumnsResult>("/api/columns?dataset=logs");
    const names = columns.map((c) => `${c.name}:${c.type}`);
    for (const n of ["body:string", "severity_number:number", "order.total:number"]) {
      assert.ok(names.includes(n), n);
    }
    assert.ok(!names.includes("duration_ms:number"));
    const bad = await get<{ error: string }>("/api/columns?dataset=nope", 400);
    assert.match(bad.error, /^dataset: /);
  });
});

describe("GET /api/errors/groups", () => {
  it("groups reports by fingerprint with counts over time, first/last seen and example traces", async () => {
    const r = await get<ErrorGroupsResult>("/api/errors/groups?last=1h");
    assert.equal(r.bucket_s, 120);
    assert.deepEqual(
      r.groups.map((g) => [g.fingerprint, g.count, g.owner, g.services]),
      [
        [FP_DB, 4, "team-payments", ["billing", "web"]],
        [FP_UI, 1, "team-web", ["web"]],
      ],
    );
    const db = r.groups[0];
    assert.equal(db.message, "deadlock on row 99");
    assert.equal(db.template, "deadlock on row <num>");
    assert.equal(db.type, "DatabaseError");
    assert.equal(db.series.length, 30);
    assert.equal(
      db.series.reduce((a, b) => a + b, 0),
      4,
    );
    assert.equal(db.series[29 - Math.floor(10 / 2)] + db.series[29 - Math.floor(10 / 2) + 1], 1);
    assert.deepEqual(db.example_traces, [T2, T1]);
    assert.equal(Date.parse(db.first_seen), NOW - 50 * 60_000);
    assert.equal(Date.parse(db.last_seen), NOW - 10 * 60_000);
  });

  it("filters by owner and service, and names a bad parameter", async () => {
    const owner = await get<ErrorGroupsResult>("/api/errors/groups?last=1h&owner=team-web");
    assert.deepEqual(
      owner.groups.map((g) => g.fingerprint),
      [FP_UI],
    );
    const service = await get<ErrorGroupsResult>("/api/errors/groups?last=20m&service=billing");
    assert.deepEqual(
      service.groups.map((g) => [g.fingerprint, g.count]),
      [[FP_DB, 1]],
    );
    const bad = await get<{ error: string }>("/api/errors/groups?last=yesterday", 400);
    assert.match(bad.error, /^last: /);
  });

  it("answers a group's latest occurrences with messages, stacks and trace ids", async () => {
    const r = await get<ErrorGroupDetail>(`/api/errors/groups/${FP_DB}?limit=2`);
    assert.deepEqual(
      r.occurrences.map((o) => [o.message, o.trace_id, o["service.name"]]),
      [
        ["deadlock on row 99", T2, "billing"],
        ["deadlock on row 5", T1, "web"],
      ],
    );
    assert.match(r.occurrences[0].stack, /at handler \(src\/team-payments\.ts/);
    assert.equal(r.occurrences[0].attributes.attempt, 1);
    const none = await get<ErrorGroupDetail>("/api/errors/groups/00000000000000ff");
    assert.deepEqual(none.occurrences, []);
    await get("/api/errors/groups/not-hex", 400);
  });
});

describe("GET /api/events", () => {
  it("lists recent events newest first, searchable by name and field text", async () => {
    const all = await get<EventsResult>("/api/events?last=1h");
    assert.deepEqual(
      all.events.map((e) => e.fields.key ?? e.fields.version),
      ["currency", "v2.1", "tax_rate", "currency"],
    );
    const e = all.events[2];
    assert.equal(e.trace_id, T1);
    assert.equal(e.owner, "team-billing");
    assert.equal(e.description, "A billing setting changed.");
    assert.equal(e.fields.size, 8);
    const tax = await get<EventsResult>("/api/events?last=1h&q=TAX_");
    assert.deepEqual(
      tax.events.map((x) => x.fields.key),
      ["tax_rate"],
    );
    const deploy = await get<EventsResult>("/api/events?last=1h&q=deploy&service=web,api");
    assert.equal(deploy.events.length, 1);
    const billing = await get<EventsResult>("/api/events?last=30m&service=billing");
    assert.equal(billing.events.length, 2);
    const limited = await get<EventsResult>("/api/events?last=1h&limit=1");
    assert.equal(limited.events.length, 1);
    await get("/api/events?limit=0", 400);
  });
});

describe("GET /api/traces/:id/logs", () => {
  it("answers the trace's log lines and errors, oldest first, with their spans", async () => {
    const r = await get<TraceLogsResult>(`/api/traces/${T1.toUpperCase()}/logs`);
    assert.deepEqual(
      r.logs.map((l) => [l.body, l["service.name"], l.span_id]),
      [
        ["slow charge", "billing", "3".repeat(16)],
        ["checkout started", "web", "4".repeat(16)],
      ],
    );
    assert.equal(r.logs[0].severity_text, "WARN");
    assert.equal(r.logs[0].attributes["http.route"], "/checkout");
    assert.deepEqual(
      r.errors.map((x) => x.message),
      ["deadlock on row 4", "deadlock on row 5"],
    );
    await get(`/api/traces/xyz/logs`, 400);
  });
});
