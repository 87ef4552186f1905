import assert from "node:assert/strict";
import { test } from "node:test";
import { type Span, trace } from "@sonde/api";
import { toDot } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { alwaysOffSampler } from "../sampling/sampler.js";
import { startSonde } from "../start.js";
import { callGraphSvg } from "./svg.js";

const tracer = trace.getTracer("call-graph-test");
const T0 = 1_700_000_000_000_000_000n;
const ms = (n: number) => T0 + BigInt(Math.round(n * 1_000_000));

/** Starts `name` under `parent` at `startMs` (milliseconds after T0). */
function open(name: string, parent: Span | null, startMs: number): Span {
  return tracer.startSpan(name, { parent, startTimeUnixNano: ms(startMs) });
}

/**
 * One request, times in ms:
 *   checkout [0, 100]
 *     auth   [5, 15]
 *     charge [20, 80] error
 *       db   [30, 50]
 *     charge [82, 90]
 *     audit  [95, 150]  (ends after its parent: not subtracted from the parent's self time)
 */
function request(): void {
  const checkout = open("checkout", null, 0);
  open("auth", checkout, 5).end(ms(15));
  const charge = open("charge", checkout, 20);
  open("db", charge, 30).end(ms(50));
  charge.setStatus("error", "declined");
  charge.end(ms(80));
  open("charge", checkout, 82).end(ms(90));
  const audit = open("audit", checkout, 95);
  checkout.end(ms(100));
  audit.end(ms(150));
}

test("the call graph of a known tree: calls, errors, total and self time per name and edge", async () => {
  // Unsampled spans count too: nothing is exported, the graph is complete.
  const exporter = new InMemoryExporter();
  const sonde = startSonde({
    serviceName: "shop",
    exporter,
    sampler: alwaysOffSampler,
    instrumentHttp: false,
    instrumentFetch: false,
  });
  request();
  request();
  const graph = sonde.callGraph();
  await sonde.forceFlush();
  await sonde.shutdown();
  assert.deepEqual(exporter.spans(), []);
  const node = (name: string, calls: number, errors: number, totalMs: number, selfMs: number) => ({
    service: "shop",
    name,
    calls,
    errors,
    totalMs,
    selfMs,
  });
  assert.deepEqual(graph.nodes, [
    node("audit", 2, 0, 110, 110),
    node("auth", 2, 0, 20, 20),
    node("charge", 4, 2, 136, 96),
    node("checkout", 2, 0, 200, 44),
    node("db", 2, 0, 40, 40),
  ]);
  const edge = (
    caller: string,
    callee: string,
    calls: number,
    errors: number,
    totalMs: number,
  ) => ({
    caller: { service: "shop", name: caller },
    callee: { service: "shop", name: callee },
    calls,
    errors,
    totalMs,
  });
  assert.deepEqual(graph.edges, [
    edge("charge", "db", 2, 0, 40),
    edge("checkout", "audit", 2, 0, 110),
    edge("checkout", "auth", 2, 0, 20),
    edge("checkout", "charge", 4, 2, 136),
  ]);
  assert.deepEqual(JSON.parse(JSON.stringify(graph)), graph, "plain JSON");
});

test("a renamed span counts under its final name; its children's edges follow", async () => {
  const sonde = startSonde({
    serviceName: "web",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
  });
  const server = open("GET", null, 0);
  server.updateName("GET /users/:id");
  open("query", server, 1).end(ms(3));
  server.end(ms(4));
  const graph = sonde.callGraph();
  await sonde.shutdown();
  assert.deepEqual(
    graph.nodes.map((n) => [n.name, n.calls, n.selfMs]),
    [
      ["GET /users/:id", 1, 2],
      ["query", 1, 2],
    ],
  );
  assert.deepEqual(
    graph.edges.map((e) => [e.caller.name, e.callee.name]),
    [["GET /users/:id", "query"]],
  );
});

test("DOT output: one box per node, one labelled arrow per edge, names escaped", () => {
  const dot = toDot({
    nodes: [
      { service: "shop", name: 'say "hi"\\', calls: 1, errors: 1, totalMs: 2.5, selfMs: 1 },
      { service: "shop", name: "db", calls: 3, errors: 0, totalMs: 1.5, selfMs: 1.5 },
    ],
    edges: [
      {
        caller: { service: "shop", name: 'say "hi"\\' },
        callee: { service: "shop", name: "db" },
        calls: 3,
        errors: 0,
        totalMs: 1.5,
      },
    ],
  });
  const lines = dot.trim().split("\n");
  assert.equal(lines[0], "digraph calls {");
  assert.equal(lines.at(-1), "}");
  assert.equal(
    lines.find((line) => line.includes("db") && line.includes("[label")),
    '  "4:shop/db" [label="db\\nshop\\n3 calls, 0 errors\\ntotal 1.5 ms, self 1.5 ms"];',
  );
  assert.ok(
    lines.includes(
      '  "4:shop/say \\"hi\\"\\\\" [label="say \\"hi\\"\\\\\\nshop\\n1 call, 1 error\\ntotal 2.5 ms, self 1 ms", color=red];',
    ),
    dot,
  );
  assert.ok(
    lines.includes('  "4:shop/say \\"hi\\"\\\\" -> "4:shop/db" [label="3 calls\\n1.5 ms"];'),
  );
});

test("SVG output (with the optional @viz-js/viz): Graphviz draws every node and edge", async () => {
  const svg = await callGraphSvg({
    nodes: [
      { service: "shop", name: "GET /cart", calls: 2, errors: 0, totalMs: 4, selfMs: 1 },
      { service: "shop", name: "db", calls: 3, errors: 0, totalMs: 3, selfMs: 3 },
    ],
    edges: [
      {
        caller: { service: "shop", name: "GET /cart" },
        callee: { service: "shop", name: "db" },
        calls: 3,
        errors: 0,
        totalMs: 3,
      },
    ],
  });
  assert.match(svg, /<svg[\s\S]*<\/svg>/);
  assert.match(svg, />GET \/cart</);
  assert.equal((svg.match(/class="edge"/g) ?? []).length, 1);
});
