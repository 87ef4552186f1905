import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { ResourceSpansRecord, SpanRecord } from "@sonde/protocol";
import { DuckDbStore } from "./duckdb-store.js";
import { ROLLUPS, rebuildRollups } from "./rollups.js";

const T0 = 1_767_225_600_000_000_000n; // 2026-01-01T00:00:00Z in ns

function batch(service: string, seed: number, n: number): ResourceSpansRecord {
  const spans: SpanRecord[] = Array.from({ length: n }, (_, i) => {
    const start = T0 + BigInt((seed * 7919 + i * 104_729) % 600_000) * 1_000_000n;
    return {
      traceId: (seed * 1000 + i).toString(16).padStart(32, "0"),
      spanId: (seed * 1000 + i).toString(16).padStart(16, "0"),
      parentSpanId: "",
      traceState: "",
      name: i % 3 ? "GET /a" : "GET /b",
      kind: "server",
      startTimeUnixNano: start,
      endTimeUnixNano: start + BigInt(((i * 7) % 97) + 1) * 313_000n,
      statusCode: i % 11 ? "ok" : "error",
      statusMessage: "",
      attributes: {},
      events: [],
      links: [],
    };
  });
  return {
    resource: { attributes: { "service.name": service } },
    scope: { name: "", version: "" },
    spans,
  };
}

/** Rollup contents merged per key, sorted, as text (independent of how rows repeat). */
async function contents(store: DuckDbStore, table: string): Promise<string> {
  const rows = await store.reader.runAndReadAll(
    `SELECT * EXCLUDE (n, s, mn, mx), sum(n) AS n, round(sum(s), 6) AS s, min(mn) AS mn, max(mx) AS mx
     FROM ${table} GROUP BY ALL ORDER BY ALL`,
  );
  return JSON.stringify(rows.getRowObjectsJson());
}

describe("span rollups", () => {
  let dir: string;
  let store: DuckDbStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "sonde-rollups-"));
    store = await DuckDbStore.open(join(dir, "r.duckdb"));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("kept at ingest equal the rollups rebuilt from the stored spans (the bulk path)", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        store.insertSpans([batch(["web", "auth"][k % 2], k, 50)]),
      ),
    );
    const ingested = await Promise.all(ROLLUPS.map((r) => contents(store, r.table)));
    const conn = await store.instance.connect();
    await rebuildRollups(conn);
    conn.closeSync();
    const rebuilt = await Promise.all(ROLLUPS.map((r) => contents(store, r.table)));
    assert.deepEqual(ingested, rebuilt);
    const total = await store.reader.runAndReadAll(
      "SELECT sum(n)::INTEGER AS n FROM span_rollup_service",
    );
    assert.equal(total.getRowObjectsJS()[0].n, 600);
  });
});
