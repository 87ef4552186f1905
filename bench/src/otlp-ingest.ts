// OTLP span ingest rate into DuckDB: POST /v1/traces (protobuf) to a collector on loopback with
// an embedded DuckDB file, for several batch sizes, and report spans/s once every answer (which
// the collector sends only after the spans are stored) has arrived.
// Usage: node bench/dist/otlp-ingest.js [seconds-per-size=5] [concurrency=4]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCollector } from "@sonde/collector";
import { encodeTraceRequest, type ResourceSpansRecord, type SpanRecord } from "@sonde/protocol";

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 4);
const SERVICES = ["web", "auth", "billing", "resources"];
const ROUTES = ["/checkout", "/browse", "/verify", "/charge", "/allocate"];

/** One request body: `n` spans of realistic shape (HTTP attributes, ~8 per span), 4 services. */
function body(n: number): Uint8Array {
  const now = BigInt(Date.now()) * 1_000_000n;
  const batches: ResourceSpansRecord[] = SERVICES.map((service) => ({
    resource: {
      attributes: { "service.name": service, "host.name": "bench", "process.pid": 1234 },
    },
    scope: { name: "bench", version: "1" },
    spans: [],
  }));
  for (let i = 0; i < n; i++) {
    const start = now - BigInt(Math.floor(Math.random() * 60e9));
    const span: SpanRecord = {
      traceId: randomBytes(16).toString("hex"),
      spanId: randomBytes(8).toString("hex"),
      parentSpanId: i % 4 === 0 ? "" : randomBytes(8).toString("hex"),
      traceState: "",
      name: `POST ${ROUTES[i % ROUTES.length]}`,
      kind: i % 2 ? "server" : "client",
      startTimeUnixNano: start,
      endTimeUnixNano: start + BigInt(Math.floor(Math.random() * 200e6)),
      statusCode: i % 50 === 0 ? "error" : "unset",
      statusMessage: "",
      attributes: {
        "http.request.method": "POST",
        "http.route": ROUTES[i % ROUTES.length],
        "http.response.status_code": i % 50 === 0 ? 500 : 200,
        "url.path": ROUTES[i % ROUTES.length],
        "server.address": "127.0.0.1",
        "server.port": 8080,
        "user_agent.original": "bench/1.0",
        "enduser.id": `user-${i % 100}`,
      },
      events: [],
      links: [],
    };
    batches[i % SERVICES.length].spans.push(span);
  }
  return encodeTraceRequest(batches);
}

const dir = mkdtempSync(join(tmpdir(), "sonde-bench-"));
const collector = await startCollector({ httpPort: 0, storage: join(dir, "bench.duckdb") });
const url = `${collector.url}/v1/traces`;
console.log(
  `| spans per request | requests | spans stored | seconds | spans/s | MB/s (protobuf) |`,
);
console.log(`| ---: | ---: | ---: | ---: | ---: | ---: |`);
try {
  for (const size of [10, 100, 1000, 5000]) {
    const bodies = Array.from({ length: 8 }, () => body(size));
    let requests = 0;
    let bytes = 0;
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (performance.now() < deadline) {
          const b = bodies[(requests + w) % bodies.length];
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/x-protobuf" },
            body: b as BodyInit,
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          requests++;
          bytes += b.length;
        }
      }),
    );
    const s = (performance.now() - t0) / 1000;
    const spans = requests * size;
    console.log(
      `| ${size} | ${requests} | ${spans} | ${s.toFixed(1)} | ${Math.round(spans / s)} | ${(bytes / s / 1e6).toFixed(1)} |`,
    );
  }
} finally {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
