import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { metrics, trace } from "@sonde/api";
import { MetricRegistry } from "../metrics/registry.js";
import { startSonde } from "../start.js";
import { CollectClient } from "./client.js";

// A real Sonde collector (DuckDB file, gRPC on a free port), imported by name at run time only
// so that @sonde/sdk does not depend on it to compile.
interface Collector {
  url: string;
  grpcPort: number;
  store: { reader: { runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> } };
  collect: { batches: number; duplicateBatches: number; samples: number; spans: number };
  close(): Promise<void>;
}
const COLLECTOR_PACKAGE = "@sonde/collector";
let collector: Collector;
let directory: string;
let policyPath: string;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), "sonde-collect-"));
  policyPath = join(directory, "policy.yaml");
  await writeFile(policyPath, `- prefix: "/test/"\n  interval: "200ms"\n`);
  const { startCollector } = (await import(COLLECTOR_PACKAGE)) as {
    startCollector(options: object): Promise<Collector>;
  };
  collector = await startCollector({
    httpPort: 0,
    grpcPort: 0,
    storage: join(directory, "data.duckdb"),
    policy: policyPath,
  });
});
after(async () => {
  await collector.close();
  await rm(directory, { recursive: true, force: true });
});

async function rows(sql: string): Promise<unknown[][]> {
  return (await collector.store.reader.runAndReadAll(sql)).getRows();
}

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const seriesSql = (name: string) =>
  `SELECT s.tag_str['route'], sum(m.increase), count(*), max(m.value) FROM metric_samples m
   JOIN metric_series s ON s.id = m.series WHERE s.name = '${name}' GROUP BY 1 ORDER BY 1`;

describe("Sonde collection protocol, SDK to collector", () => {
  test("startSonde pushes metrics on the policy's schedule and spans, all acknowledged", async () => {
    const sonde = startSonde({
      serviceName: "collect-test",
      protocol: "sonde",
      collector: `127.0.0.1:${collector.grpcPort}`,
      defaultMetrics: false,
      instrumentHttp: false,
      instrumentFetch: false,
      exitHooks: false,
      exportIntervalMs: 50,
    });
    try {
      const requests = metrics.counter("/test/e2e/requests", {
        description: "requests",
        unit: "1",
        tags: { route: "string" },
      });
      const depth = metrics.gauge("/test/e2e/queue_depth", {
        description: "queue depth",
        unit: "1",
        valueType: "int",
      });
      const latency = metrics.distribution("/test/e2e/latency", {
        description: "latency",
        unit: "ms",
        bucketer: { type: "explicit", bounds: [1, 10, 100] },
      });
      requests.add(3, { route: "/a" });
      requests.add(4, { route: "/b" });
      depth.set(7);
      latency.record(5);
      latency.record(50);
      latency.record(500);
      await trace.getTracer("test").startActiveSpan("outer", async (span) => {
        trace.getTracer("test").startSpan("inner").end();
        span.end();
      });
      await sonde.forceFlush();
      requests.add(10, { route: "/a" });
      depth.set(9);
      await sonde.forceFlush();
      // Two more policy ticks with nothing changed: the gauge keeps getting (unchanged) samples.
      await new Promise((r) => setTimeout(r, 500));
      await sonde.forceFlush();

      assert.deepEqual(
        (await rows(seriesSql("/test/e2e/requests"))).map((r) => [r[0], r[1]]),
        [
          ["/a", 13],
          ["/b", 4],
        ],
      );
      const [gauge] = await rows(seriesSql("/test/e2e/queue_depth"));
      assert.equal(gauge[3], 9);
      assert.ok(Number(gauge[2]) >= 4, `gauge samples incl. unchanged: ${gauge[2]}`);
      const [dist] = await rows(
        `SELECT sum(count), sum(sum) FROM metric_distributions d JOIN metric_series s
         ON s.id = d.series WHERE s.name = '/test/e2e/latency'`,
      );
      assert.deepEqual(dist, [3, 555]);
      const buckets = await rows(
        `SELECT bucket, sum(count)::INTEGER FROM metric_buckets b JOIN metric_series s
         ON s.id = b.series WHERE s.name = '/test/e2e/latency' GROUP BY 1 ORDER BY 1`,
      );
      assert.deepEqual(buckets, [
        [1, 1],
        [2, 1],
        [3, 1],
      ]);
      const spans = await until(
        () =>
          rows(
            `SELECT name, service_name FROM spans WHERE service_name = 'collect-test' ORDER BY name`,
          ),
        (r) => r.length >= 2,
      );
      assert.deepEqual(spans, [
        ["inner", "collect-test"],
        ["outer", "collect-test"],
      ]);
    } finally {
      await sonde.shutdown();
    }
  });

  test("a changed policy file reaches a connected client; its rules decide what is pushed", async () => {
    const registry = new MetricRegistry();
    const c = registry.counter({
      kind: "counter",
      valueType: "int",
      name: "/other/count",
      description: "not under /test/",
      unit: "1",
      owner: "",
      stability: "stable",
      tags: {},
    });
    c.add(1, {});
    const client = new CollectClient({
      address: `127.0.0.1:${collector.grpcPort}`,
      resource: { "service.name": "policy-test" },
      reader: registry,
      startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
    });
    try {
      await until(
        async () => client.connected,
        (v) => v,
      );
      assert.equal(client.policy.metrics?.[0]?.prefix, "/test/");
      await writeFile(
        policyPath,
        `metrics:\n  - prefix: "/test/"\n    interval: {seconds: 0.2}\n  - name: "/other/count"\n    interval: 100ms\nspans: {enabled: false}\n`,
      );
      const policy = await until(
        async () => client.policy,
        (p) => p.metrics?.length === 2,
      );
      assert.equal(policy.spans?.enabled, false);
      const pushed = await until(
        () => rows(seriesSql("/other/count")),
        (r) => r.length === 1,
      );
      assert.equal(pushed[0][1], 1);
    } finally {
      await client.shutdown();
      await writeFile(policyPath, `- prefix: "/test/"\n  interval: "200ms"\n`);
    }
  });
});

test("a client acknowledged by one collector resumes on another that never saw its session", async () => {
  const { startCollector } = (await import(COLLECTOR_PACKAGE)) as {
    startCollector(options: object): Promise<Collector>;
  };
  const first = await startCollector({
    httpPort: 0,
    grpcPort: 0,
    storage: join(directory, "first.duckdb"),
  });
  const port = first.grpcPort;
  const registry = new MetricRegistry();
  const counter = registry.counter({
    kind: "counter",
    valueType: "int",
    name: "/test/handover/count",
    description: "handover",
    unit: "1",
    owner: "",
    stability: "stable",
    tags: {},
  });
  const client = new CollectClient({
    address: `127.0.0.1:${port}`,
    resource: { "service.name": "handover-test" },
    reader: registry,
    startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
    minBackoffMs: 20,
    maxBackoffMs: 200,
  });
  let second: Collector | undefined;
  try {
    counter.add(5, {});
    await until(
      async () => client.connected,
      (v) => v,
    );
    client.pushAllMetrics();
    assert.ok(await client.waitForAcks(5000));
    await first.close();
    second = await startCollector({
      httpPort: 0,
      grpcPort: port,
      storage: join(directory, "second.duckdb"),
    });
    counter.add(7, {});
    client.pushAllMetrics();
    assert.ok(await client.waitForAcks(10_000), "acknowledged by the second collector");
    const [row] = (
      await second.store.reader.runAndReadAll(
        `SELECT sum(m.increase) FROM metric_samples m JOIN metric_series s ON s.id = m.series
         WHERE s.name = '/test/handover/count'`,
      )
    ).getRows();
    // The second collector holds what happened since the handover: counters travel as
    // increases, so it counts the 7 added after it took over (the 5 are in the first one).
    assert.equal(row[0], 7);
  } finally {
    await client.shutdown(100);
    await second?.close();
  }
});

test("a proxy speaks for another process: its metrics are stored under that identity", async () => {
  const declaration = (name: string) => ({
    kind: "counter" as const,
    valueType: "int" as const,
    name,
    description: name,
    unit: "1",
    owner: "",
    stability: "stable" as const,
    tags: {},
  });
  // The seed's example: a log scraper counts the web server's errors for it.
  const own = new MetricRegistry();
  own.counter(declaration("/test/proxy/lines_read")).add(1000, {});
  const apache = new MetricRegistry();
  apache.counter(declaration("/test/proxy/http_errors")).add(3, {});
  const client = new CollectClient({
    address: `127.0.0.1:${collector.grpcPort}`,
    resource: { "service.name": "log-scraper" },
    reader: own,
    startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
  });
  try {
    client.addIdentity({ "service.name": "apache", "host.name": "web-1" }, apache);
    await until(
      async () => client.connected,
      (v) => v,
    );
    client.pushAllMetrics();
    assert.ok(await client.waitForAcks(5000));
    const stored = await rows(
      `SELECT s.name, s.identity['service.name'], s.identity['host.name'], sum(m.increase)
       FROM metric_samples m JOIN metric_series s ON s.id = m.series
       WHERE s.name LIKE '/test/proxy/%' GROUP BY ALL ORDER BY 1`,
    );
    assert.deepEqual(stored, [
      ["/test/proxy/http_errors", "apache", "web-1", 3],
      ["/test/proxy/lines_read", "log-scraper", null, 1000],
    ]);
  } finally {
    await client.shutdown(100);
  }
});
