import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { trace } from "@sonde/api";
import { startSonde } from "../start.js";
import { REFERENCE_TYPE_ATTRIBUTE } from "../trace/span.js";

// A real OTLP/HTTP backend: the Sonde collector, storing into DuckDB. Imported by name at run
// time only, so that @sonde/sdk neither depends on it nor needs it built to compile.
interface Collector {
  url: string;
  close(): Promise<void>;
}
interface TraceAnswer {
  spans: {
    span_id: string;
    parent_span_id: string;
    name: string;
    "service.name": string;
    links: { traceId: string; spanId: string; attributes: Record<string, unknown> }[];
    [attribute: string]: unknown;
  }[];
}

const COLLECTOR_PACKAGE = "@sonde/collector";
let collector: Collector;
let directory: string;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), "sonde-export-"));
  const { startCollector } = (await import(COLLECTOR_PACKAGE)) as {
    startCollector(options: { httpPort: number; storage: string }): Promise<Collector>;
  };
  collector = await startCollector({ httpPort: 0, storage: join(directory, "data.duckdb") });
});
after(async () => {
  await collector.close();
  await rm(directory, { recursive: true, force: true });
});

async function storedTrace(traceId: string, count: number): Promise<TraceAnswer["spans"]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const response = await fetch(`${collector.url}/api/traces/${traceId}`);
    const answer = (await response.json()) as TraceAnswer;
    if (answer.spans.length >= count || Date.now() > deadline) return answer.spans;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const [form, compression] of [
  ["full /v1/traces URL", "gzip"],
  ["base URL", "none"],
] as const) {
  test(`spans with references reach the collector (${form}, ${compression})`, async () => {
    const endpoint = form === "base URL" ? collector.url : `${collector.url}/v1/traces`;
    const sonde = startSonde({
      serviceName: `export-${compression}`,
      endpoint,
      compression,
      headers: { "x-api-key": "ignored-by-a-loopback-collector" },
      // The collector runs in this process: do not trace its requests.
      instrumentHttp: false,
      instrumentFetch: false,
      exportIntervalMs: 60_000,
    });
    const tracer = trace.getTracer("export-test");
    const request = tracer.startSpan("request", { kind: "server", attributes: { "user.id": 7 } });
    const job = tracer.startSpan("job", {
      kind: "consumer",
      references: [{ type: "follows_from", context: request }],
    });
    job.end();
    request.end();
    await sonde.forceFlush();
    await sonde.shutdown();

    const traceId = request.spanContext().traceId;
    const spans = await storedTrace(traceId, 2);
    const byName = new Map(spans.map((span) => [span.name, span]));
    const stored = byName.get("job");
    assert.ok(stored, JSON.stringify(spans));
    assert.equal(stored["service.name"], `export-${compression}`);
    assert.equal(stored.parent_span_id, request.spanContext().spanId);
    assert.deepEqual(stored.links, [
      {
        traceId,
        spanId: request.spanContext().spanId,
        attributes: { [REFERENCE_TYPE_ATTRIBUTE]: "follows_from" },
      },
    ]);
    assert.equal(byName.get("request")?.["user.id"], 7);
  });
}
