import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { InMemoryExporter } from "../export/memory.js";
import { metricsRecorder } from "../metrics/testing.js";
import { startSonde } from "../start.js";

const sonde = startSonde({
  serviceName: "defaults-test",
  exporter: new InMemoryExporter(),
  instrumentHttp: false,
  buildInfo: { version: "1.2.3", revision: "git:abc123", timestamp: 1_700_000_000 },
});
after(() => sonde.shutdown());

const EXPECTED: Record<string, { kind: string; unit: string }> = {
  "/build/node_version": { kind: "constant", unit: "1" },
  "/build/version": { kind: "constant", unit: "1" },
  "/build/revision_id": { kind: "constant", unit: "1" },
  "/build/timestamp": { kind: "constant", unit: "s" },
  "/proc/start_time": { kind: "constant", unit: "ms" },
  "/proc/memory/rss": { kind: "gauge", unit: "By" },
  "/proc/memory/heap_used": { kind: "gauge", unit: "By" },
  "/proc/memory/heap_total": { kind: "gauge", unit: "By" },
  "/proc/memory/external": { kind: "gauge", unit: "By" },
  "/proc/cpu/user_time": { kind: "counter", unit: "us" },
  "/proc/cpu/system_time": { kind: "counter", unit: "us" },
  "/proc/active_resources": { kind: "gauge", unit: "{resource}" },
  "/proc/event_loop/delay": { kind: "distribution", unit: "ms" },
  "/proc/gc/count": { kind: "counter", unit: "{collection}" },
  "/proc/gc/pause_duration": { kind: "distribution", unit: "ms" },
};

/** Polls `check` until it returns true (the refresh timer runs every second), or fails. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // Spin.
  }
}

test("every default metric is declared with full metadata and a source location", () => {
  const declared = new Map(sonde.readMetrics().map((m) => [m.declaration.name, m.declaration]));
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const declaration = declared.get(name);
    assert.ok(declaration, `${name} is declared`);
    assert.equal(declaration.kind, expected.kind, name);
    assert.equal(declaration.unit, expected.unit, name);
    assert.equal(declaration.owner, "sonde", name);
    assert.ok(declaration.description.length > 10, `${name} has a description`);
    assert.ok(["stable", "experimental"].includes(declaration.stability), name);
    assert.match(declaration.source?.file ?? "", /\/defaults\/[a-z-]+\.js$/, name);
    assert.ok((declaration.source?.line ?? 0) > 0, name);
  }
  assert.deepEqual(declared.get("/proc/gc/count")?.tags, {
    kind: { type: "string", values: ["minor", "major", "incremental", "weakcb", "other"] },
  });
});

test("constants carry the build info, the Node.js version and the process start time", () => {
  const recorder = metricsRecorder(sonde);
  assert.equal(recorder.value("/build/version"), "1.2.3");
  assert.equal(recorder.value("/build/revision_id"), "git:abc123");
  assert.equal(recorder.value("/build/timestamp"), 1_700_000_000n);
  assert.equal(recorder.value("/build/node_version"), process.version);
  const start = recorder.value("/proc/start_time");
  assert.equal(typeof start, "bigint");
  const uptimeMs = Date.now() - Number(start);
  assert.ok(uptimeMs >= 0 && uptimeMs < process.uptime() * 1000 + 1000, `uptime ${uptimeMs} ms`);
});

test("memory gauges are plausible: rss > heap_used > 0, heap_total >= heap_used", () => {
  const recorder = metricsRecorder(sonde);
  const rss = recorder.value("/proc/memory/rss");
  const heapUsed = recorder.value("/proc/memory/heap_used");
  const heapTotal = recorder.value("/proc/memory/heap_total");
  assert.equal(typeof rss, "bigint");
  assert.equal(typeof heapUsed, "bigint");
  assert.ok((rss as bigint) > (heapUsed as bigint), `rss ${rss} > heap_used ${heapUsed}`);
  assert.ok((heapUsed as bigint) > 0n);
  assert.ok((heapTotal as bigint) >= (heapUsed as bigint));
  assert.equal(typeof recorder.value("/proc/memory/external"), "bigint");
});

test("CPU time counters grow after busy work, refreshed by the timer", async () => {
  const recorder = metricsRecorder(sonde);
  busy(200);
  await until(
    () =>
      recorder.increase("/proc/cpu/user_time") + recorder.increase("/proc/cpu/system_time") >=
      100_000n,
    "at least 100 ms of CPU time",
  );
  assert.ok((recorder.value("/proc/cpu/user_time") as bigint) > 0n);
});

test("a 60 ms block of the event loop shows up in /proc/event_loop/delay", async () => {
  const recorder = metricsRecorder(sonde);
  await sleep(20);
  busy(60);
  const slow = () => {
    const { bounds, counts } = recorder.recorded("/proc/event_loop/delay");
    // Samples in buckets above 25 ms: the block, less the monitor's 10 ms resolution.
    return counts.reduce((sum, n, i) => sum + ((bounds[i - 1] ?? 0) >= 25 ? n : 0), 0);
  };
  await until(() => slow() >= 1, "a delay sample above 25 ms");
  assert.ok(recorder.recorded("/proc/event_loop/delay").count > 1, "ordinary ticks too");
});

test("a forced major GC is counted in /proc/gc/count and its pause recorded", async () => {
  const recorder = metricsRecorder(sonde);
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  await until(() => recorder.increase("/proc/gc/count", { kind: "major" }) >= 1n, "a major GC");
  const pauses = recorder.recorded("/proc/gc/pause_duration", { kind: "major" });
  assert.ok(pauses.count >= 1);
  assert.ok(pauses.sum > 0);
});

test("active resources are counted by type, and a type no longer active reads 0", async () => {
  const recorder = metricsRecorder(sonde);
  const servers = () => recorder.value("/proc/active_resources", { type: "TCPServerWrap" });
  assert.notEqual(servers(), 1n, "no server listens yet");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await until(() => servers() === 1n, "one TCPServerWrap");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  await until(() => servers() === 0n, "no TCPServerWrap");
});
