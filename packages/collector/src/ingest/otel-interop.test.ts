import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Collector, startCollector } from "../collector.js";

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sonde-otel-"));
let collector: Collector;

before(async () => {
  collector = await startCollector({ httpPort: 0, storage: join(dir, "data.duckdb") });
});
after(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

async function query(body: object) {
  const res = await fetch(`${collector.url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}

test("an unmodified OpenTelemetry JS app's HTTP spans arrive with parents and attributes", async () => {
  const requests = 12;
  await promisify(execFile)(process.execPath, [join(here, "fixtures", "otel-app.cjs")], {
    env: {
      ...process.env,
      OTLP_TRACES_URL: `${collector.url}/v1/traces`,
      REQUESTS: String(requests),
      FAIL_EVERY: "4",
      OTEL_METRICS_EXPORTER: "none",
      OTEL_LOGS_EXPORTER: "none",
    },
    timeout: 30_000,
  });

  const range = { start: "2000-01-01T00:00:00Z", end: "2100-01-01T00:00:00Z" };
  const byKind = await query({
    dataset: "spans",
    time_range: range,
    calculations: [{ op: "COUNT" }],
    filters: [{ column: "service.name", op: "=", value: "otel-app" }],
    breakdowns: ["kind", "http.request.method", "http.response.status_code"],
  });
  const counts = Object.fromEntries(
    byKind.totals.map((t: { group: Record<string, string>; values: { COUNT: number } }) => [
      `${t.group.kind} ${t.group["http.request.method"]} ${t.group["http.response.status_code"]}`,
      t.values.COUNT,
    ]),
  );
  assert.deepEqual(counts, {
    "server GET 200": 9,
    "server GET 500": 3,
    "client GET 200": 9,
    "client GET 500": 3,
  });

  // Every server span is the child of a client span in the same trace.
  const traces = await query({
    dataset: "spans",
    time_range: range,
    calculations: [{ op: "COUNT" }],
    breakdowns: ["trace_id"],
    limit: 1000,
  });
  assert.equal(traces.totals.length, requests);
  for (const t of traces.totals) {
    const res = await fetch(`${collector.url}/api/traces/${t.group.trace_id}`);
    const { spans } = await res.json();
    assert.equal(spans.length, 2);
    const client = spans.find((s: { kind: string }) => s.kind === "client");
    const server = spans.find((s: { kind: string }) => s.kind === "server");
    assert.equal(client.parent_span_id, "");
    assert.equal(server.parent_span_id, client.span_id);
    assert.match(server["url.path"], /^\/items\/\d+$/);
    assert.equal(server.status_code === "error", server["http.response.status_code"] === 500);
  }
});
