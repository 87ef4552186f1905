import assert from "node:assert/strict";
import { test } from "node:test";
import { InMemoryExporter } from "../export/memory.js";
import { startSonde } from "../start.js";

// A file of its own: declarations are process-wide, and other tests start the defaults.
test("defaultMetrics: false declares no /proc or /build metric", async () => {
  const sonde = startSonde({
    serviceName: "no-defaults",
    exporter: new InMemoryExporter(),
    instrumentHttp: false,
    defaultMetrics: false,
  });
  try {
    const names = sonde.readMetrics().map((m) => m.declaration.name);
    assert.ok(names.length > 0, "the SDK's own metrics are there");
    assert.deepEqual(
      names.filter((name) => name.startsWith("/proc/") || name.startsWith("/build/")),
      [],
    );
  } finally {
    await sonde.shutdown();
  }
});
