import assert from "node:assert/strict";
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { type DiagEvent, diag, type MetricDeclaration } from "@sonde/api";
import Fastify from "fastify";
import type { MetricSnapshot, SeriesSnapshot } from "../../metrics/read.js";
import { prometheusHandler } from "./handler.js";
import { servePrometheus } from "./server.js";
import { fixedSource } from "./source.test-util.js";
import { serializeMetrics } from "./writer.js";

const PROMETHEUS_ACCEPT =
  "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

function declaration(kind: MetricDeclaration["kind"], name: string): MetricDeclaration {
  return {
    kind,
    name,
    description: `The ${name} metric.`,
    unit: kind === "distribution" ? "ms" : "1",
    valueType: kind === "gauge" ? "double" : "int",
    tags: { shard: "int" },
    owner: "",
    stability: "experimental",
  };
}

function point(shard: number, fields: Partial<SeriesSnapshot>): SeriesSnapshot {
  const start = 1_700_000_000_000_000_000n;
  return {
    tags: { shard },
    overflow: false,
    startTimeUnixNano: start,
    timeUnixNano: start,
    ...fields,
  };
}

/** A gauge with `count` series, enough text to need many writes; `note` widens each line. */
function bigGauge(count: number, note = ""): MetricSnapshot {
  const series = Array.from({ length: count }, (_, shard) => ({
    ...point(shard, { value: shard / 3 }),
    tags: { shard, note },
  }));
  const base = declaration("gauge", "/test/big");
  return { declaration: { ...base, tags: { ...base.tags, note: "string" } }, series };
}

const small: MetricSnapshot[] = [
  {
    declaration: declaration("counter", "/test/jobs"),
    series: [point(1, { value: 5n }), point(2, { value: 0n })],
  },
  {
    declaration: declaration("distribution", "/test/latency"),
    series: [
      point(1, {
        distribution: {
          count: 3,
          sum: 12,
          min: 1,
          max: 8,
          bounds: [2, 5],
          counts: [1, 1, 1],
          exemplars: [
            undefined,
            undefined,
            {
              value: 8,
              timeUnixNano: 1_700_000_001_000_000_000n,
              traceId: "0af7651916cd43dd8448eb211c80319c",
              spanId: "b7ad6b7169203331",
            },
          ],
        },
      }),
    ],
  },
  bigGauge(3000),
];

const servers: Server[] = [];
after(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function recordDiagnostics(): { events: DiagEvent[]; stop: () => void } {
  const events: DiagEvent[] = [];
  const stop = diag.subscribe((event) => events.push(event));
  return { events, stop };
}

test("the format follows Accept, and the streamed body equals the serialiser's text", async () => {
  const base = await listen(createServer(prometheusHandler(fixedSource(small))));
  const scraped = await fetch(base, { headers: { accept: PROMETHEUS_ACCEPT } });
  assert.equal(scraped.status, 200);
  assert.equal(
    scraped.headers.get("content-type"),
    "application/openmetrics-text; version=1.0.0; charset=utf-8",
  );
  const openMetrics = await scraped.text();
  assert.equal(openMetrics, serializeMetrics(small, "openmetrics"));
  assert.match(openMetrics, /test_latency_milliseconds_bucket\{shard="1",le="\+Inf"\} 3 # \{/);

  const plain = await fetch(base);
  assert.equal(plain.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  assert.equal(await plain.text(), serializeMetrics(small, "prometheus"));
});

test("HEAD answers headers only; other methods 405", async () => {
  const source = fixedSource(small);
  const base = await listen(createServer(prometheusHandler(source)));
  const head = await fetch(base, { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  assert.equal(await head.text(), "");
  assert.equal(source.seriesRead, 0, "HEAD reads no metrics");
  const post = await fetch(base, { method: "POST", body: "x" });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get("allow"), "GET, HEAD");
});

test("a source that fails before the first byte answers 500 and is reported", async () => {
  const diagnostics = recordDiagnostics();
  const base = await listen(createServer(prometheusHandler(fixedSource(small, 0))));
  const response = await fetch(base);
  diagnostics.stop();
  assert.equal(response.status, 500);
  assert.equal(await response.text(), "metrics could not be read\n");
  const failure = diagnostics.events.find((event) => event.code === "prometheus_scrape_failed");
  assert.match(String(failure?.message), /read failed/);
});

test("a source that fails mid-stream aborts the response", async () => {
  const broken = [bigGauge(20_000), ...small];
  const base = await listen(createServer(prometheusHandler(fixedSource(broken, 10_000))));
  const response = await fetch(base);
  assert.equal(response.status, 200, "headers went out with the first chunk");
  await assert.rejects(response.text(), "the body is cut, so the scrape fails");
  // Not a source given anything at all: a plain 500 too.
  const nothing = await listen(createServer(prometheusHandler({} as never)));
  assert.equal((await fetch(nothing)).status, 500);
});

test("a slow client holds the read back (backpressure); leaving stops it", async () => {
  // 100k lines of about 500 bytes: 50 MB, more than the socket buffers hold.
  const total = 100_000;
  const source = fixedSource([bigGauge(total, "n".repeat(450))]);
  const base = await listen(createServer(prometheusHandler(source)));
  const response = await new Promise<IncomingMessage>((resolve) => get(base, resolve));
  response.pause();
  await sleep(300);
  const whilePaused = source.seriesRead;
  await sleep(300);
  assert.equal(source.seriesRead, whilePaused, "no reading while the client does not read");
  assert.ok(whilePaused < total / 2, `read ${whilePaused} of ${total} series while paused`);
  response.destroy();
  for (let waited = 0; !source.closed && waited < 5000; waited += 10) await sleep(10);
  assert.ok(source.closed, "the read stopped once the client left");
  assert.ok(source.seriesRead < total, "and did not go on to the end");
});

test("works as an Express route and, hijacked, as a Fastify route", async () => {
  const require = createRequire(import.meta.url);
  const express = require("express") as () => {
    get(path: string, handler: unknown): void;
    listen(port: number, host: string, callback: () => void): Server;
  };
  const app = express();
  app.get("/metrics", prometheusHandler(fixedSource(small)));
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  const viaExpress = await fetch(`http://127.0.0.1:${port}/metrics`);
  assert.equal(await viaExpress.text(), serializeMetrics(small, "prometheus"));

  const fastify = Fastify();
  const handler = prometheusHandler(fixedSource(small));
  fastify.get("/metrics", (request, reply) => {
    reply.hijack();
    handler(request.raw, reply.raw);
  });
  const address = await fastify.listen({ port: 0, host: "127.0.0.1" });
  try {
    const viaFastify = await fetch(`${address}/metrics`, {
      headers: { accept: PROMETHEUS_ACCEPT },
    });
    assert.equal(await viaFastify.text(), serializeMetrics(small, "openmetrics"));
  } finally {
    await fastify.close();
  }
});

test("servePrometheus serves the path, 404 elsewhere, reports a taken port, closes", async () => {
  const endpoint = await servePrometheus(fixedSource(small), { port: 0 });
  assert.ok(endpoint);
  assert.equal(endpoint.url, `http://127.0.0.1:${endpoint.port}/metrics`);
  assert.equal(await (await fetch(`${endpoint.url}?x=1`)).text(), serializeMetrics(small));
  assert.equal((await fetch(`http://127.0.0.1:${endpoint.port}/other`)).status, 404);

  const diagnostics = recordDiagnostics();
  const clash = await servePrometheus(fixedSource(small), { port: endpoint.port });
  const invalid = await servePrometheus(fixedSource(small), { port: -5 });
  diagnostics.stop();
  assert.equal(clash, undefined);
  assert.equal(invalid, undefined);
  const failures = diagnostics.events.filter((event) => event.code === "prometheus_listen_failed");
  assert.deepEqual(
    failures.map((event) => event.key),
    [`127.0.0.1:${endpoint.port}`, "127.0.0.1:-5"],
  );
  await endpoint.close();
  await endpoint.close();
  await assert.rejects(fetch(endpoint.url), "closed");
});
