import assert from "node:assert/strict";
import { test } from "node:test";
import { type DiagEvent, metrics, trace } from "@sonde/api";
import { InMemoryExporter } from "./export/memory.js";
import { type SondeOptions, startSonde } from "./start.js";

test("bad options are reported and replaced by defaults, never thrown", async () => {
  const events: DiagEvent[] = [];
  const sonde = startSonde({
    endpoint: 42,
    instrumentHttp: false,
    defaultMetrics: false, // their constants are process-wide and would outlive the next test's SDK
    onDiagnostic: (event: DiagEvent) => events.push(event),
  } as unknown as SondeOptions);
  assert.equal(sonde.resource["service.name"], "unknown_service:node");
  assert.equal(sonde.resource["telemetry.sdk.name"], "sonde");
  assert.equal(sonde.resource["telemetry.sdk.language"], "nodejs");
  assert.deepEqual(
    events.filter((event) => event.code === "invalid_options").map((event) => event.key),
    ["serviceName", "endpoint"],
  );
  await sonde.shutdown();
});

test("a second start returns the running SDK; shutdown is idempotent and restores noops", async () => {
  const exporter = new InMemoryExporter();
  const events: DiagEvent[] = [];
  // Without default metrics: their constants would still read after shutdown.
  const options = {
    serviceName: "start-test",
    exporter,
    instrumentHttp: false,
    defaultMetrics: false,
  };
  const sonde = startSonde({ ...options, resource: { "service.name": "ignored", zone: "a" } });
  assert.equal(sonde.resource["service.name"], "start-test", "serviceName wins");
  assert.equal(sonde.resource.zone, "a");
  const again = startSonde({ ...options, onDiagnostic: (event) => events.push(event) });
  assert.equal(again, sonde);
  assert.deepEqual(
    events.map((event) => event.code).filter((code) => code === "already_started"),
    ["already_started"],
  );
  const first = sonde.shutdown();
  assert.equal(sonde.shutdown(), first);
  await first;
  const span = trace.getTracer("t").startSpan("after shutdown");
  assert.equal(span.isRecording(), false);
  metrics.counter("/test/start/count", { description: "", unit: "1" }).add(1);
  assert.deepEqual(sonde.collectMetrics(), []);
  const restarted = startSonde(options);
  assert.notEqual(restarted, sonde);
  await restarted.shutdown();
});
