import assert from "node:assert/strict";
import { test } from "node:test";
import type { DiagEvent } from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { metricsRecorder } from "../metrics/testing.js";
import { startSonde } from "../start.js";

// A file of its own: constants are process-wide, so each set of build values needs a process.
test("build constants come from the environment; an invalid timestamp is reported, not declared", async () => {
  process.env.npm_package_version = "9.8.7";
  process.env.SONDE_BUILD_REVISION = "rev-from-sonde";
  process.env.GIT_COMMIT = "rev-from-git";
  process.env.SONDE_BUILD_TIMESTAMP = "yesterday";
  const events: DiagEvent[] = [];
  const sonde = startSonde({
    serviceName: "build-env",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    onDiagnostic: (event) => events.push(event),
  });
  try {
    const recorder = metricsRecorder(sonde);
    assert.equal(recorder.value("/build/version"), "9.8.7");
    assert.equal(recorder.value("/build/revision_id"), "rev-from-sonde");
    assert.equal(recorder.series("/build/timestamp").length, 0, "/build/timestamp not declared");
    assert.ok(
      events.some((e) => e.code === "invalid_options" && e.key === "SONDE_BUILD_TIMESTAMP"),
      JSON.stringify(events),
    );
  } finally {
    await sonde.shutdown();
  }
});
