import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import {
  encodeMetricsRequest,
  encodeTraceRequest,
  type ResourceSpansRecord,
} from "@sonde/protocol";
import { type Collector, startCollector } from "../collector.js";

const dir = mkdtempSync(join(tmpdir(), "sonde-ingest-"));
let collector: Collector;
const LIMIT = 64 * 1024;

before(async () => {
  collector = await startCollector({
    httpPort: 0,
    storage: join(dir, "data.duckdb"),
    bodyLimit: LIMIT,
  });
});
after(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

let nextId = 1;
function spans(service: string, n: number): ResourceSpansRecord[] {
  return [
    {
      resource: { attributes: { "service.name": service } },
      scope: { name: "t", version: "" },
      spans: Array.from({ length: n }, () => {
        const id = (nextId++).toString(16).padStart(16, "0");
        return {
          traceId: id.padStart(32, "a"),
          spanId: id,
          parentSpanId: "",
          traceState: "",
          name: "op",
          kind: "server" as const,
          startTimeUnixNano: 1_700_000_000_000_000_000n,
          endTimeUnixNano: 1_700_000_000_250_000_000n,
          statusCode: "unset" as const,
          statusMessage: "",
          attributes: { "http.response.status_code": 200, route: "/a", cached: true },
          events: [],
          links: [],
        };
      }),
    },
  ];
}

async function count(service: string): Promise<number> {
  const r = await collector.store.reader.runAndReadAll(
    "SELECT count(*)::INTEGER AS n FROM spans WHERE service_name = $1",
    [service],
  );
  return r.getRowObjectsJson()[0].n as number;
}

const post = (path: string, body: Uint8Array | string, headers: Record<string, string>) =>
  fetch(collector.url + path, { method: "POST", body: body as BodyInit, headers });

test("protobuf, gzip-compressed protobuf and JSON trace bodies are stored", async () => {
  let res = await post("/v1/traces", encodeTraceRequest(spans("proto", 3)), {
    "content-type": "application/x-protobuf",
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/x-protobuf");
  res = await post("/v1/traces", gzipSync(encodeTraceRequest(spans("gzip", 4))), {
    "content-type": "application/x-protobuf",
    "content-encoding": "gzip",
  });
  assert.equal(res.status, 200);
  const json = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "json" } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: "5b8efff798038103d269b633813fc60c",
                spanId: "eee19b7ec3c1b174",
                name: "GET /x",
                kind: 2,
                startTimeUnixNano: "1700000000000000000",
                endTimeUnixNano: "1700000000001000000",
              },
            ],
          },
        ],
      },
    ],
  };
  res = await post("/v1/traces", JSON.stringify(json), { "content-type": "application/json" });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {});
  assert.deepEqual([await count("proto"), await count("gzip"), await count("json")], [3, 4, 1]);

  const row = (
    await collector.store.reader.runAndReadAll(
      "SELECT duration_ms, attr_num['http.response.status_code'] AS code, attr_bool['cached'] AS cached FROM spans WHERE service_name = 'proto' LIMIT 1",
    )
  ).getRowObjectsJson()[0];
  assert.deepEqual(row, { duration_ms: 250, code: 200, cached: true });
});

test("a malformed body gets 400 and stores nothing from it; others keep being served", async () => {
  // Valid spans followed by one with a bad id: the whole body is refused.
  const good = spans("mixed", 5);
  good[0].spans.push({ ...good[0].spans[0], spanId: "zz" });
  const bad = [
    post("/v1/traces", encodeTraceRequest(good), { "content-type": "application/x-protobuf" }),
    post("/v1/traces", Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]), {
      "content-type": "application/x-protobuf",
    }),
    post("/v1/traces", "{not json", { "content-type": "application/json" }),
    post("/v1/traces", Buffer.from("garbage"), {
      "content-type": "application/x-protobuf",
      "content-encoding": "gzip",
    }),
    post(
      "/v1/metrics",
      JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ gauge: {} }] }] }] }),
      {
        "content-type": "application/json",
      },
    ),
  ];
  const fine = post("/v1/traces", encodeTraceRequest(spans("bystander", 2)), {
    "content-type": "application/x-protobuf",
  });
  const answers = await Promise.all(bad);
  for (const res of answers) {
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /./);
  }
  assert.match(
    (
      await (
        await post(
          "/v1/traces",
          '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"00"}]}]}]}',
          { "content-type": "application/json" },
        )
      ).json()
    ).error,
    /traceId/,
  );
  assert.equal((await fine).status, 200);
  assert.equal(await count("mixed"), 0);
  assert.equal(await count("bystander"), 2);
});

test("bodies over the limit get 413, raw or once decompressed", async () => {
  const big = encodeTraceRequest(spans("big", 800));
  assert.ok(big.length > LIMIT);
  let res = await post("/v1/traces", big, { "content-type": "application/x-protobuf" });
  assert.equal(res.status, 413);
  const bomb = gzipSync(Buffer.alloc(LIMIT * 4));
  assert.ok(bomb.length < LIMIT);
  res = await post("/v1/traces", bomb, {
    "content-type": "application/x-protobuf",
    "content-encoding": "gzip",
  });
  assert.equal(res.status, 413);
  assert.equal(await count("big"), 0);
  res = await fetch(`${collector.url}/healthz`);
  assert.deepEqual(await res.json(), { status: "ok" });
});

test("metric points are stored as series and samples, and queryable", async () => {
  const body = encodeMetricsRequest([
    {
      resource: { "service.name": "m" },
      scope: "t",
      name: "/demo/requests",
      description: "Requests.",
      unit: "1",
      metadata: { "sonde.owner": "team-web" },
      kind: "sum",
      monotonic: true,
      temporality: "cumulative",
      attributes: { outcome: "ok" },
      startTimeUnixNano: 1_700_000_000_000_000_000n,
      timeUnixNano: 1_700_000_010_000_000_000n,
      value: 42,
      count: null,
      min: null,
      max: null,
      explicitBounds: [],
      bucketCounts: [],
      exemplars: [
        {
          value: 3,
          timeUnixNano: 1_700_000_005_000_000_000n,
          traceId: "5b8efff798038103d269b633813fc60c",
          spanId: "eee19b7ec3c1b174",
        },
      ],
    },
  ]);
  const res = await post("/v1/metrics", body, { "content-type": "application/x-protobuf" });
  assert.equal(res.status, 200);
  const rows = (
    await collector.store.reader.runAndReadAll(
      `SELECT name, kind, owner, identity['service.name'] AS service, tag_str['outcome'] AS outcome,
        value, increase, start FROM metric_series JOIN metric_samples ON series = id`,
    )
  ).getRowObjectsJson();
  assert.deepEqual(rows, [
    {
      name: "/demo/requests",
      kind: "counter",
      owner: "team-web",
      service: "m",
      outcome: "ok",
      value: 42,
      // The start time is known: all 42 were counted since then.
      increase: 42,
      start: "1700000000000000000",
    },
  ]);
  const query = await fetch(`${collector.url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      dataset: "metrics",
      metric: "/demo/requests",
      time_range: { start: "2023-11-14T22:13:00Z", end: "2023-11-14T22:14:00Z" },
      calculations: [{ op: "INCREASE" }],
      breakdowns: ["outcome"],
    }),
  });
  assert.equal(query.status, 200);
  assert.deepEqual((await query.json()).totals, [
    { group: { outcome: "ok" }, values: { INCREASE: 42 } },
  ]);
});
