import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { errors, events, logs, trace } from "@sonde/api";
import { configureLogging } from "../logs/configure.js";
import { startSonde } from "../start.js";

// A real collector (OTLP/HTTP on a free port, DuckDB file), imported by name at run time only.
interface Collector {
  url: string;
  grpcPort: number;
  store: { reader: { runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> } };
  close(): Promise<void>;
}
const COLLECTOR_PACKAGE = "@sonde/collector";
let collector: Collector;
let directory: string;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), "sonde-signals-"));
  const { startCollector } = (await import(COLLECTOR_PACKAGE)) as {
    startCollector(options: object): Promise<Collector>;
  };
  collector = await startCollector({
    httpPort: 0,
    grpcPort: 0,
    storage: join(directory, "data.duckdb"),
  });
});
after(async () => {
  await collector.close();
  await rm(directory, { recursive: true, force: true });
});

const rows = async (sql: string) => (await collector.store.reader.runAndReadAll(sql)).getRows();

for (const protocol of ["otlp", "sonde"] as const) {
  test(`events, logs and errors reach the collector (${protocol}), tied to their trace`, async () => {
    const lines: string[] = [];
    const logging = configureLogging({
      format: "json",
      destination: { write: (line: string) => void lines.push(line) },
      exitHooks: false,
    });
    const service = `signals-${protocol}`;
    const sonde = startSonde({
      serviceName: service,
      protocol,
      endpoint: collector.url,
      collector: `127.0.0.1:${collector.grpcPort}`,
      defaultMetrics: false,
      instrumentHttp: false,
      instrumentFetch: false,
      exitHooks: false,
    });
    try {
      const changed = events.declare("/test/config/changed", {
        description: "A configuration key changed.",
        severity: "notice",
        owner: "team-platform",
        fields: { key: "string", size: "int" },
      });
      const log = logs.getLogger("checkout");
      let traceId = "";
      trace.getTracer("test").startActiveSpan("checkout", (span) => {
        traceId = span.spanContext().traceId;
        changed.record({ key: "pool_size", size: 20 });
        log.warn({ order_id: "o-17", attempt: 2 }, "payment retried");
        errors.reportProblem({ type: "PaymentFallback", message: "fell back to card 4 of 5" });
        span.recordException(new RangeError("amount 12 out of range"));
        span.end();
      });
      await sonde.forceFlush();

      const [event] = await rows(
        `SELECT name, severity, owner, service_name, trace_id, attr_str['key'], attr_num['size']
       FROM events WHERE service_name = '${service}'`,
      );
      assert.deepEqual(event, [
        "/test/config/changed",
        "notice",
        "team-platform",
        service,
        traceId,
        "pool_size",
        20,
      ]);
      const [line] = await rows(
        `SELECT severity_text, body, logger, trace_id, attr_str['order_id'], attr_num['attempt']
       FROM logs WHERE body = 'payment retried' AND service_name = '${service}'`,
      );
      assert.deepEqual(line, ["WARN", "payment retried", "checkout", traceId, "o-17", 2]);
      assert.equal(lines.length, 1, "the line was also written to the destination");
      const errorRows = await rows(
        `SELECT type, template, source, trace_id, length(fingerprint)::INTEGER FROM errors
       WHERE service_name = '${service}' ORDER BY type`,
      );
      assert.deepEqual(errorRows, [
        ["PaymentFallback", "fell back to card <num> of <num>", "problem", traceId, 16],
        ["RangeError", "amount <num> out of range", "span", traceId, 16],
      ]);
    } finally {
      await sonde.shutdown();
      logging.shutdown();
    }
  });
}
