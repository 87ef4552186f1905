import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { encodeTraceRequest, type SpanRecord } from "@sonde/protocol";
import { startCollector } from "../collector.js";

const now = BigInt(Date.now()) * 1_000_000n;
const MS = 1_000_000n;
let next = 1;
function span(
  traceId: string,
  name: string,
  parent: SpanRecord | undefined,
  ms: bigint,
  over: Partial<SpanRecord> = {},
): SpanRecord {
  const start = (parent?.startTimeUnixNano ?? now - 1000n * MS) + MS;
  return {
    traceId,
    spanId: (next++).toString(16).padStart(16, "0"),
    parentSpanId: parent?.spanId ?? "",
    traceState: "",
    name,
    kind: "internal",
    startTimeUnixNano: start,
    endTimeUnixNano: start + ms * MS,
    statusCode: "unset",
    statusMessage: "",
    attributes: {},
    events: [],
    links: [],
    ...over,
  };
}

test("GET /api/callgraph aggregates stored parent → child edges across services, as JSON and DOT", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-callgraph-"));
  const collector = await startCollector({ httpPort: 0, storage: join(dir, "d.duckdb") });
  try {
    const t1 = "a".repeat(32);
    const root = span(t1, "GET /checkout", undefined, 100n);
    const client = span(t1, "POST", root, 60n);
    const server = span(t1, "POST /charge", client, 50n);
    const card = span(t1, "charge card", server, 30n, { statusCode: "error" });
    const other = span("b".repeat(32), "GET /checkout", undefined, 20n);
    const body = encodeTraceRequest([
      {
        resource: { attributes: { "service.name": "web" } },
        scope: { name: "t", version: "" },
        spans: [root, client, other],
      },
      {
        resource: { attributes: { "service.name": "billing" } },
        scope: { name: "t", version: "" },
        spans: [server, card],
      },
    ]);
    const posted = await fetch(`${collector.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf" },
      body: body as BodyInit,
    });
    assert.equal(posted.status, 200);

    const graph = await (await fetch(`${collector.url}/api/callgraph?last=3600`)).json();
    assert.deepEqual(graph.nodes, [
      { service: "billing", name: "POST /charge", calls: 1, errors: 0, totalMs: 50, selfMs: 20 },
      { service: "billing", name: "charge card", calls: 1, errors: 1, totalMs: 30, selfMs: 30 },
      { service: "web", name: "GET /checkout", calls: 2, errors: 0, totalMs: 120, selfMs: 60 },
      { service: "web", name: "POST", calls: 1, errors: 0, totalMs: 60, selfMs: 10 },
    ]);
    assert.deepEqual(graph.edges, [
      {
        caller: { service: "billing", name: "POST /charge" },
        callee: { service: "billing", name: "charge card" },
        calls: 1,
        errors: 1,
        totalMs: 30,
        p99Ms: 30,
      },
      {
        caller: { service: "web", name: "GET /checkout" },
        callee: { service: "web", name: "POST" },
        calls: 1,
        errors: 0,
        totalMs: 60,
        p99Ms: 60,
      },
      {
        caller: { service: "web", name: "POST" },
        callee: { service: "billing", name: "POST /charge" },
        calls: 1,
        errors: 0,
        totalMs: 50,
        p99Ms: 50,
      },
    ]);
    // The service map's edge: web → billing with a p99 over its calls.
    assert.deepEqual(graph.services, [
      { caller: "web", callee: "billing", calls: 1, errors: 0, p99Ms: 50 },
    ]);

    const onlyBilling = await (
      await fetch(`${collector.url}/api/callgraph?last=3600&service=billing`)
    ).json();
    assert.deepEqual(onlyBilling.nodes.map((n: { name: string }) => n.name).sort(), [
      "POST /charge",
      "charge card",
    ]);

    const dot = await fetch(`${collector.url}/api/callgraph?last=3600&format=dot`);
    assert.equal(dot.headers.get("content-type"), "text/vnd.graphviz");
    assert.match(await dot.text(), /"3:web\/POST" -> "7:billing\/POST \/charge"/);
    // SVG laid out by Graphviz: every node's label is drawn, edges are paths.
    const svg = await fetch(`${collector.url}/api/callgraph?last=3600&format=svg`);
    assert.equal(svg.headers.get("content-type"), "image/svg+xml");
    const text = await svg.text();
    assert.match(text, /^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    assert.match(text, />charge card</);
    assert.ok((text.match(/class="edge"/g) ?? []).length >= 3);
    assert.equal((await fetch(`${collector.url}/api/callgraph?last=-1`)).status, 400);
  } finally {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
