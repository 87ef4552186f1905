import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { encodeMetricsRequest, type MetricPointRecord } from "@sonde/protocol";
import { startCollector } from "../collector.js";

const point = (over: Partial<MetricPointRecord>): MetricPointRecord => ({
  resource: { "service.name": "billing" },
  scope: "sonde",
  name: "/billing/charge_count",
  description: "Charges attempted, by outcome.",
  unit: "1",
  metadata: {
    "sonde.owner": "team-payments",
    "sonde.stability": "stable",
    "code.file.path": "/srv/billing.ts",
    "code.line.number": 12,
    "code.column.number": 24,
  },
  kind: "sum",
  monotonic: true,
  temporality: "cumulative",
  attributes: { outcome: "ok" },
  startTimeUnixNano: 1_700_000_000_000_000_000n,
  timeUnixNano: 1_700_000_010_000_000_000n,
  value: 5,
  count: null,
  min: null,
  max: null,
  explicitBounds: [],
  bucketCounts: [],
  exemplars: [],
  ...over,
});

test("GET /api/metrics lists each metric once with its declared metadata, services, identity fields, tags and series", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-catalog-"));
  const collector = await startCollector({ httpPort: 0, storage: join(dir, "d.duckdb") });
  try {
    const body = encodeMetricsRequest([
      point({}),
      point({ attributes: { outcome: "declined" }, value: 1 }),
      point({ resource: { "service.name": "web" }, timeUnixNano: 1_700_000_020_000_000_000n }),
      point({
        name: "/proc/memory/heap_used",
        description: "V8 heap in use.",
        unit: "By",
        kind: "gauge",
        monotonic: false,
        temporality: "",
        metadata: {},
        attributes: {},
      }),
    ]);
    const posted = await fetch(`${collector.url}/v1/metrics`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf" },
      body: body as BodyInit,
    });
    assert.equal(posted.status, 200);
    const { metrics } = await (await fetch(`${collector.url}/api/metrics`)).json();
    assert.deepEqual(metrics, [
      {
        name: "/billing/charge_count",
        description: "Charges attempted, by outcome.",
        unit: "1",
        kind: "counter",
        value_type: "double",
        monotonic: true,
        owner: "team-payments",
        stability: "stable",
        source: { file: "/srv/billing.ts", line: 12, column: 0 },
        metadata: {
          "sonde.kind": "counter",
          "sonde.value_type": "double",
          "sonde.owner": "team-payments",
          "sonde.stability": "stable",
          "code.file.path": "/srv/billing.ts",
          "code.line.number": 12,
        },
        services: ["billing", "web"],
        identity: ["service.name"],
        tags: ["outcome"],
        bounds: [],
        series: 3,
        last_seen: "2023-11-14T22:13:40.000Z",
      },
      {
        name: "/proc/memory/heap_used",
        description: "V8 heap in use.",
        unit: "By",
        kind: "gauge",
        value_type: "double",
        monotonic: false,
        owner: "",
        stability: "",
        source: null,
        metadata: { "sonde.kind": "gauge", "sonde.value_type": "double" },
        services: ["billing"],
        identity: ["service.name"],
        tags: [],
        bounds: [],
        series: 1,
        last_seen: "2023-11-14T22:13:30.000Z",
      },
    ]);
  } finally {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
