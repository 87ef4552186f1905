import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { metrics, type SpanContext, trace } from "@sonde/api";
import { type SondeHandle, startSonde } from "../../start.js";
import { InMemoryExporter } from "../memory.js";
import { prometheusHandler } from "./handler.js";
import {
  PROMTOOL_BINARY,
  prometheusInstalled,
  startPrometheus,
  waitFor,
} from "./prometheus-server.test-util.js";
import { servePrometheus } from "./server.js";
import { seconds } from "./text.js";
import { serializeMetrics } from "./writer.js";

// Not skipped when missing: a test that cannot run must fail, not pass silently.
assert.ok(
  prometheusInstalled,
  "needs Debian's prometheus and promtool: apt-get install prometheus",
);

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}
interface TargetMetadata {
  target: { job: string };
  metric: string;
  type: string;
  help: string;
  unit: string;
}

let sonde: SondeHandle;
/** The span active while the 1.5 s latency was recorded: its exemplar. */
let exemplarSpan: SpanContext;

before(() => {
  sonde = startSonde({
    serviceName: "prometheus-e2e-test",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    instrumentFetch: false,
    metricExportIntervalMs: 3_600_000,
    onDiagnostic: () => {},
  });
  const jobs = metrics.counter("/test/e2e/jobs", {
    description: 'Jobs run, by "queue".',
    unit: "1",
    tags: { queue: "string" },
    maxSeries: 1,
  });
  jobs.add(7, { queue: "mail" });
  jobs.add(2, { queue: "sms" }); // beyond maxSeries: the overflow series
  metrics
    .gauge("/test/e2e/heap", { description: "Heap in use.", unit: "By", valueType: "int" })
    .set(123_456_789);
  const latency = metrics.distribution("/test/e2e/latency", {
    description: "Time to answer.",
    unit: "s",
    tags: { method: "string" },
    buckets: [0.5, 2, 3],
  });
  latency.record(0.25, { method: "GET" });
  trace.getTracer("prometheus-e2e").startActiveSpan("request", (span) => {
    latency.record(1.5, { method: "GET" });
    exemplarSpan = span.spanContext();
    span.end();
  });
  latency.record(2.5, { method: "GET" });
  latency.record(4, { method: "GET" });
  metrics.constant("/test/e2e/revision", {
    description: "Source revision.",
    unit: "1",
    value: "git:abc",
  });
});
after(() => sonde.shutdown());

/** When the SDK says a series of `path` started, in seconds. */
function startSeconds(path: string): number {
  const snapshot = sonde.readMetrics().find((metric) => metric.declaration.name === path);
  return Number(seconds(snapshot?.series[0].startTimeUnixNano ?? 0n));
}

test("promtool parses the 0.0.4 text (only naming lints)", () => {
  const checked = spawnSync(PROMTOOL_BINARY, ["check", "metrics"], {
    input: serializeMetrics(sonde.readMetrics(), "prometheus"),
    encoding: "utf8",
    timeout: 10_000,
  });
  const output = `${checked.stdout}${checked.stderr}`;
  // promtool exits 3 for lint findings, 1 for a parse error.
  assert.ok(checked.status === 0 || checked.status === 3, output);
  for (const line of output.split("\n").filter((text) => text !== "")) {
    assert.match(line, /no help text|use base unit/, "a lint finding, not a parse error");
  }
});

test("a real Prometheus scrapes both formats: values, types, HELP, units, exemplars", {
  timeout: 120_000,
}, async (t) => {
  const openMetrics = await servePrometheus(sonde, { port: 0 });
  assert.ok(openMetrics);
  t.after(() => openMetrics.close());
  // The same endpoint behind a proxy that drops Accept: Prometheus then gets format 0.0.4.
  const handler = prometheusHandler(sonde);
  const text = createServer((request, response) => {
    delete request.headers.accept;
    handler(request, response);
  });
  await new Promise<void>((resolve) => text.listen(0, "127.0.0.1", resolve));
  t.after(() => {
    text.closeAllConnections();
    text.close();
  });
  const textPort = (text.address() as AddressInfo).port;

  const prometheus = await startPrometheus({
    sonde_openmetrics: `127.0.0.1:${openMetrics.port}`,
    sonde_text: `127.0.0.1:${textPort}`,
  });
  t.after(() => prometheus.stop());
  t.diagnostic(`prometheus at ${prometheus.base}`);

  interface Target {
    labels: { job: string };
    health: string;
    lastError: string;
  }
  const targets = await waitFor("both targets scraped", 30_000, async () => {
    const data = await prometheus.api<{ activeTargets: Target[] }>("/api/v1/targets");
    const up = data.activeTargets.filter((target) => target.health === "up");
    return up.length === 2 ? data.activeTargets : undefined;
  }).catch((error) => {
    throw new Error(`${error}\n${prometheus.log()}`);
  });
  for (const target of targets) assert.equal(target.lastError, "", target.labels.job);

  const query = async (promql: string): Promise<Record<string, string>> => {
    const data = await prometheus.api<{ result: Sample[] }>(
      `/api/v1/query?query=${encodeURIComponent(promql)}`,
    );
    const byLabels: Record<string, string> = {};
    for (const sample of data.result) {
      const { __name__: name, job, instance, ...labels } = sample.metric;
      byLabels[`${name}${JSON.stringify(labels)}`] = sample.value[1];
    }
    return byLabels;
  };
  for (const job of ["sonde_openmetrics", "sonde_text"]) {
    assert.deepEqual(await query(`{__name__=~"test_e2e_jobs_total", job="${job}"}`), {
      'test_e2e_jobs_total{"queue":"mail"}': "7",
      'test_e2e_jobs_total{"sonde_overflow":"true"}': "2",
    });
    assert.deepEqual(await query(`test_e2e_heap_bytes{job="${job}"}`), {
      "test_e2e_heap_bytes{}": "123456789",
    });
    const histogram = `{__name__=~"test_e2e_latency_seconds_(bucket|count|sum)", job="${job}"}`;
    assert.deepEqual(await query(histogram), {
      'test_e2e_latency_seconds_bucket{"le":"0.5","method":"GET"}': "1",
      'test_e2e_latency_seconds_bucket{"le":"2.0","method":"GET"}': "2",
      'test_e2e_latency_seconds_bucket{"le":"3.0","method":"GET"}': "3",
      'test_e2e_latency_seconds_bucket{"le":"+Inf","method":"GET"}': "4",
      'test_e2e_latency_seconds_count{"method":"GET"}': "4",
      'test_e2e_latency_seconds_sum{"method":"GET"}': "8.25",
    });
    assert.deepEqual(await query(`test_e2e_revision{job="${job}"}`), {
      'test_e2e_revision{"value":"git:abc"}': "1",
    });
  }
  // OpenMetrics only: when each series started, as the SDK says (a float64 in Prometheus).
  const created = await query(
    '{__name__=~"test_e2e_(jobs|latency_seconds)_created", job="sonde_openmetrics"}',
  );
  assert.deepEqual(Object.keys(created).sort(), [
    'test_e2e_jobs_created{"queue":"mail"}',
    'test_e2e_jobs_created{"sonde_overflow":"true"}',
    'test_e2e_latency_seconds_created{"method":"GET"}',
  ]);
  const jobsStart = startSeconds("/test/e2e/jobs");
  assert.ok(Math.abs(jobsStart - Date.now() / 1000) < 600, "a recent start time");
  assert.ok(Math.abs(Number(created['test_e2e_jobs_created{"queue":"mail"}']) - jobsStart) < 1e-3);
  const latencyStart = startSeconds("/test/e2e/latency");
  const latencyCreated = Number(created['test_e2e_latency_seconds_created{"method":"GET"}']);
  assert.ok(Math.abs(latencyCreated - latencyStart) < 1e-3);

  const metadata = await prometheus.api<TargetMetadata[]>(
    `/api/v1/targets/metadata?match_target=${encodeURIComponent('{job=~"sonde_.+"}')}`,
  );
  const described = (job: string) =>
    Object.fromEntries(
      metadata
        .filter((entry) => entry.target.job === job && entry.metric.startsWith("test_e2e"))
        .map((entry) => [entry.metric, `${entry.type} | ${entry.unit} | ${entry.help}`]),
    );
  assert.deepEqual(described("sonde_openmetrics"), {
    test_e2e_jobs: 'counter |  | Jobs run, by "queue".',
    test_e2e_heap_bytes: "gauge | bytes | Heap in use.",
    test_e2e_latency_seconds: "histogram | seconds | Time to answer.",
    test_e2e_revision: "gauge |  | Source revision.",
  });
  assert.deepEqual(described("sonde_text"), {
    test_e2e_jobs_total: 'counter |  | Jobs run, by "queue".',
    test_e2e_heap_bytes: "gauge |  | Heap in use.",
    test_e2e_latency_seconds: "histogram |  | Time to answer.",
    test_e2e_revision: "gauge |  | Source revision.",
  });

  interface ExemplarSeries {
    seriesLabels: Record<string, string>;
    exemplars: { labels: Record<string, string>; value: string }[];
  }
  const now = Date.now() / 1000;
  const exemplars = await prometheus.api<ExemplarSeries[]>(
    `/api/v1/query_exemplars?query=${encodeURIComponent('test_e2e_latency_seconds_bucket{job="sonde_openmetrics"}')}&start=${now - 600}&end=${now + 60}`,
  );
  assert.deepEqual(
    exemplars.map((series) => [
      series.seriesLabels.le,
      series.exemplars[0].labels,
      series.exemplars[0].value,
    ]),
    [["2.0", { trace_id: exemplarSpan.traceId, span_id: exemplarSpan.spanId }, "1.5"]],
  );
});
