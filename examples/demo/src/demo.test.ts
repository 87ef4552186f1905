import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runDemo } from "./run.js";

interface Span {
  span_id: string;
  parent_span_id: string;
  name: string;
  kind: string;
  "service.name": string;
}

test("the demo's services report one connected trace per checkout: web → auth, web → billing → resources", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-demo-"));
  const demo = await runDemo({ httpPort: 0, storage: join(dir, "data.duckdb"), rate: 30 });
  try {
    const query = async (body: object) => {
      const res = await fetch(`${demo.collector.url}/api/query`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ dataset: "spans", time_range: { last: 3600 }, ...body }),
      });
      assert.equal(res.status, 200);
      return res.json();
    };
    // Wait (bounded) until every service has exported spans.
    let services: string[] = [];
    for (let i = 0; i < 60 && services.length < 4; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const ans = await query({ calculations: [{ op: "COUNT" }], breakdowns: ["service.name"] });
      services = ans.totals.map((t: { group: Record<string, string> }) => t.group["service.name"]);
    }
    assert.deepEqual(services.sort(), ["auth", "billing", "resources", "web"]);

    // A successful checkout (waited for, bounded): its root is web's server span.
    const checkout = {
      calculations: [{ op: "COUNT" }],
      filters: [
        { column: "service.name", op: "=", value: "web" },
        { column: "kind", op: "=", value: "server" },
        { column: "http.route", op: "=", value: "/checkout" },
        { column: "http.response.status_code", op: "=", value: 200 },
      ],
      breakdowns: ["trace_id"],
      limit: 1,
    };
    let roots = await query(checkout);
    for (let i = 0; i < 20 && roots.totals.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      roots = await query(checkout);
    }
    assert.equal(roots.totals.length, 1, "no successful checkout yet");
    // Services export on their own schedules: wait (bounded) until all four have sent their part.
    let spans: Span[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${demo.collector.url}/api/traces/${roots.totals[0].group.trace_id}`);
      spans = ((await res.json()) as { spans: Span[] }).spans;
      const ids = new Set(spans.map((s) => s.span_id));
      const complete = spans.every((s) => s.parent_span_id === "" || ids.has(s.parent_span_id));
      if (complete && new Set(spans.map((s) => s["service.name"])).size === 4) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const byId = new Map(spans.map((s) => [s.span_id, s]));
    const root = spans.filter((s) => s.parent_span_id === "");
    assert.equal(root.length, 1);
    assert.equal(root[0]["service.name"], "web");
    for (const s of spans)
      if (s.parent_span_id) assert.ok(byId.has(s.parent_span_id), `orphan ${s.name}`);
    const names = new Set(spans.map((s) => `${s["service.name"]}:${s.kind}:${s.name}`));
    for (const expected of [
      "web:server:POST /checkout",
      "web:client:POST",
      "auth:server:POST /verify",
      "auth:internal:session lookup",
      "billing:server:POST /charge",
      "billing:internal:price quote",
      "billing:internal:charge card",
      "resources:server:POST /allocate",
      "resources:internal:container startup",
      "resources:internal:storage allocation",
      "resources:internal:startup scripts",
    ]) {
      assert.ok(names.has(expected), `missing ${expected} in ${[...names].join(", ")}`);
    }
    // Metrics arrive too (over the Sonde collection protocol when gRPC is up), with resets
    // handled: billing's charges as an exact INCREASE per service.
    const increase = async () => {
      const res = await fetch(`${demo.collector.url}/api/query`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          dataset: "metrics",
          metric: "/demo/billing/charge_count",
          time_range: { last: 3600 },
          calculations: [{ op: "INCREASE" }],
          breakdowns: ["service.name"],
        }),
      });
      // 400 until the metric's first push defines it ("metric: unknown metric …").
      if (res.status === 400) return [];
      assert.equal(res.status, 200);
      return (await res.json()).totals as {
        group: Record<string, string>;
        values: { INCREASE: number };
      }[];
    };
    let charges = await increase();
    for (let i = 0; i < 60 && !(charges[0]?.values.INCREASE > 0); i++) {
      await new Promise((r) => setTimeout(r, 500));
      charges = await increase();
    }
    assert.equal(charges[0]?.group["service.name"], "billing");
    assert.ok(charges[0].values.INCREASE > 0, JSON.stringify(charges));

    // resources' server span descends from billing's client span.
    const resourcesServer = spans.find(
      (s) => s["service.name"] === "resources" && s.kind === "server",
    );
    const parent = byId.get(resourcesServer?.parent_span_id ?? "");
    assert.equal(parent?.["service.name"], "billing");
    assert.equal(parent?.kind, "client");
  } finally {
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
