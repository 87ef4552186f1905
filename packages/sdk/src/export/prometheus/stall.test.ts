import assert from "node:assert/strict";
import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import { metrics, trace } from "@sonde/api";
import { startSonde } from "../../start.js";
import { InMemoryExporter } from "../memory.js";
import { prometheusHandler } from "./handler.js";

const SERIES = 100_000;
const MAX_STALL_MS = 10;

/**
 * Records 100k series through the public API: 40k counter series, 30k distribution series
 * (default 15 bounds, exemplars from a sampled span) and 30k gauge series.
 */
function recordManySeries(): void {
  const tags = { route: "string", status: "int" } as const;
  const common = { unit: "1", tags, maxSeries: SERIES };
  const requests = metrics.counter("/stall/requests", { description: "Requests.", ...common });
  const latency = metrics.distribution("/stall/latency", {
    ...common,
    description: "Latency.",
    unit: "ms",
  });
  const temperature = metrics.gauge("/stall/temperature", {
    description: "Temperature.",
    ...common,
  });
  const tagsOf = (i: number) => ({ route: `/route/${i % 500}`, status: 200 + Math.floor(i / 500) });
  for (let i = 0; i < SERIES * 0.4; i++) requests.add(i, tagsOf(i));
  trace.getTracer("stall-test").startActiveSpan("recording", (span) => {
    for (let i = 0; i < SERIES * 0.3; i++) {
      for (const value of [3, 42, 700, 20_000]) latency.record(value, tagsOf(i));
    }
    span.end();
  });
  for (let i = 0; i < SERIES * 0.3; i++) temperature.set(i / 7, tagsOf(i));
}

interface Scrape {
  /** The longest time between two ticks of a 1 ms interval during the scrape. */
  maxGapMs: number;
  /**
   * The longest part of a gap this process was running for: per gap, the smaller of its
   * length and the CPU time the process used meanwhile (all its threads, so garbage
   * collection counts in full). Time the operating system gave to other processes is left out.
   */
  maxRunMs: number;
  bytes: number;
  durationMs: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Scrapes `url` over HTTP while a 1 ms interval measures how late the event loop runs it. */
async function scrapeWhileTicking(url: string, accept: string): Promise<Scrape> {
  let maxGapMs = 0;
  let maxRunMs = 0;
  let last = performance.now();
  let lastCpu = cpuMs();
  const tick = (): void => {
    const now = performance.now();
    const cpu = cpuMs();
    maxGapMs = Math.max(maxGapMs, now - last);
    maxRunMs = Math.max(maxRunMs, Math.min(now - last, cpu - lastCpu));
    last = now;
    lastCpu = cpu;
  };
  const ticker = setInterval(tick, 1);
  const started = performance.now();
  const bytes = await new Promise<number>((resolve, reject) => {
    get(url, { headers: { accept } }, (response) => {
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
      });
      response.on("end", () => resolve(received));
      response.on("error", reject);
    }).on("error", reject);
  });
  clearInterval(ticker);
  tick();
  return { maxGapMs, maxRunMs, bytes, durationMs: performance.now() - started };
}

// The design bounds every uninterrupted run to a few milliseconds (handler.ts: SLICE_MS and
// CHUNK_SIZE). On top of that, the gaps measured here include this machine: garbage
// collection, JIT compilation, and other processes on 2 shared cores (the test runner runs two
// files at once). So: one unmeasured warm-up scrape, then up to five measured scrapes per
// format, stopping at the first with no gap over 10 ms. The assertion, per format: in the best
// scrape, no gap over 10 ms during which this process was running (see `Scrape.maxRunMs`; a
// quiet machine shows no gap over 10 ms at all, and the raw gaps are reported too).
test("serving 100k series never stalls the event loop for more than 10 ms", {
  timeout: 180_000,
}, async (t) => {
  const sonde = startSonde({
    serviceName: "prometheus-stall-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
    metricExportIntervalMs: 3_600_000,
  });
  t.after(() => sonde.shutdown());
  recordManySeries();
  const server = createServer(prometheusHandler(sonde));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;

  // Warm-up, unmeasured; it also checks that all 100k series are served.
  const text = await new Promise<string>((resolve, reject) => {
    get(url, { headers: { accept: "application/openmetrics-text" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString()));
      response.on("error", reject);
    }).on("error", reject);
  });
  const served = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  assert.equal(served(/^stall_requests_total\{/gm), SERIES * 0.4);
  assert.equal(served(/^stall_latency_milliseconds_count\{/gm), SERIES * 0.3);
  assert.equal(served(/^stall_temperature\{/gm), SERIES * 0.3);
  assert.ok(served(/^stall_latency_milliseconds_bucket\{.* # \{trace_id="[0-9a-f]{32}"/gm) > 0);
  assert.ok(text.endsWith("# EOF\n"));

  for (const accept of ["application/openmetrics-text", "text/plain"]) {
    const scrapes: Scrape[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const scrape = await scrapeWhileTicking(url, accept);
      scrapes.push(scrape);
      t.diagnostic(
        `${accept}: ${(scrape.bytes / 1e6).toFixed(1)} MB in ${scrape.durationMs.toFixed(0)} ms, ` +
          `longest gap ${scrape.maxGapMs.toFixed(2)} ms, longest run ${scrape.maxRunMs.toFixed(2)} ms`,
      );
      if (scrape.maxGapMs <= MAX_STALL_MS) break;
    }
    const best = Math.min(...scrapes.map((scrape) => scrape.maxRunMs));
    assert.ok(best <= MAX_STALL_MS, `${accept}: longest run in the best scrape ${best} ms`);
  }
});
