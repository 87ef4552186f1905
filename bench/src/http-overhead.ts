// End-to-end overhead of tracing on an HTTP server under load. A minimal node:http server runs
// in a child process:
// - "none": bare;
// - "als": with only an AsyncLocalStorage context per request (what any AsyncLocalStorage-based
//   tracer pays before its first span);
// - "floor": with a minimal tracer written inline, about the least an in-process tracer recording
//   every request can do (a span per request in an AsyncLocalStorage context; no export);
// - "sonde": startSonde, all defaults, export on; "sonde-10%": the same sampling 10% of traces
//   (span metrics still exact); "sonde-noop": all spans recorded, handed to an exporter that
//   drops them, to show what export costs; "sonde-collect": exporting over the Sonde collection
//   protocol (startSonde's default without an endpoint: one gRPC stream) to a sink that
//   acknowledges every batch and counts its spans;
// - "otel": @opentelemetry/sdk-node + instrumentation-http.
// "sonde" and "otel" export OTLP/HTTP protobuf to the same sink process, which decodes and
// counts the spans. autocannon loads the server from another process. Modes alternate within
// each round (A/B, same run; the order rotates each round); each run gets a fresh server and a
// warm-up. Reported (medians across rounds): throughput, its loss against "none", server CPU
// per request (process.cpuUsage over the measured window) and spans exported per request.
// Usage: node bench/dist/http-overhead.js [seconds=5] [rounds=5] [connections=32]
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 5);
const connections = Number(process.argv[4] ?? 32);
const WARMUP_SECONDS = 2;
const MODES = [
  "none",
  "als",
  "floor",
  "sonde",
  "sonde-10%",
  "sonde-collect",
  "sonde-noop",
  "otel",
] as const;
type Mode = (typeof MODES)[number];

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const AUTOCANNON = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

/** Forks a script and resolves with it and its first IPC message. */
async function start<T>(
  script: string,
  args: string[],
): Promise<{ child: ChildProcess; first: T }> {
  const child = fork(here(script), args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [first] = (await Promise.race([
    once(child, "message"),
    once(child, "exit").then(() => {
      throw new Error(`${script} exited before it was ready`);
    }),
  ])) as [T];
  return { child, first };
}

/** Sends `message` over IPC and resolves with the answer. */
async function ask<T>(child: ChildProcess, message: string): Promise<T> {
  child.send(message);
  const [answer] = (await once(child, "message")) as [T];
  return answer;
}

/** Runs autocannon in its own process; resolves with the number of 2xx responses. */
async function load(url: string, duration: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [AUTOCANNON, "-c", String(connections), "-d", String(duration), "-j", url],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  await once(child, "exit");
  const result = JSON.parse(out) as { "2xx": number; errors: number; non2xx: number };
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`autocannon: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  return result["2xx"];
}

interface Run {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
  spansPerRequest: number;
}

interface Sink {
  child: ChildProcess;
  /** What the server is given: the OTLP endpoint or the collector's address. */
  address: string;
}

async function measure(mode: Mode, sink: Sink): Promise<Run> {
  const { child, first } = await start<{ port: number }>("./http-overhead-server.js", [
    mode,
    sink.address,
  ]);
  try {
    const url = `http://127.0.0.1:${first.port}/`;
    await load(url, WARMUP_SECONDS);
    // Let the warm-up's spans leave before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await ask(sink.child, "count");
    const before = await ask<{ cpuMicros: number }>(child, "cpu");
    const requests = await load(url, seconds);
    const after = await ask<{ cpuMicros: number }>(child, "cpu");
    // Spans of the window still queued (up to one export interval) arrive here.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { spans } = await ask<{ spans: number }>(sink.child, "count");
    return {
      requestsPerSecond: requests / seconds,
      cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
      spansPerRequest: spans / requests,
    };
  } finally {
    child.disconnect();
    child.kill();
    await once(child, "exit").catch(() => {});
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const otlp = await start<{ port: number }>("./http-overhead-sink.js", []);
const collect = await start<{ port: number }>("./http-overhead-collect-sink.js", []);
const otlpSink: Sink = { child: otlp.child, address: `http://127.0.0.1:${otlp.first.port}` };
const collectSink: Sink = { child: collect.child, address: `127.0.0.1:${collect.first.port}` };
const runs = new Map<Mode, Run[]>(MODES.map((mode) => [mode, []]));
try {
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no mode always runs first (or last) on a warm machine.
    const order = MODES.map((_, i) => MODES[(i + round) % MODES.length]);
    for (const mode of order) {
      const run = await measure(mode, mode === "sonde-collect" ? collectSink : otlpSink);
      runs.get(mode)?.push(run);
      console.error(
        `round ${round + 1} ${mode}: ${run.requestsPerSecond.toFixed(0)} req/s, ` +
          `${run.cpuMicrosPerRequest.toFixed(1)} µs CPU/req, ${run.spansPerRequest.toFixed(2)} spans/req`,
      );
    }
  }
} finally {
  otlp.child.disconnect();
  collect.child.disconnect();
}

// Ratios are taken per round (each mode against the bare server and the floor tracer of the
// same round), then the median across rounds: the machine's speed drifts between rounds more
// than within one.
const base = runs.get("none") as Run[];
const floor = runs.get("floor") as Run[];
console.log(
  "| server | req/s | throughput loss | server CPU µs/req | CPU vs none | CPU vs floor | spans exported/req |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const mode of MODES) {
  const list = runs.get(mode) as Run[];
  const rps = median(list.map((run) => run.requestsPerSecond));
  const cpu = median(list.map((run) => run.cpuMicrosPerRequest));
  const spans = median(list.map((run) => run.spansPerRequest));
  const loss = median(list.map((run, i) => 1 - run.requestsPerSecond / base[i].requestsPerSecond));
  const cpuRatio = (against: Run[]) =>
    median(list.map((run, i) => run.cpuMicrosPerRequest / against[i].cpuMicrosPerRequest));
  console.log(
    `| ${mode} | ${rps.toFixed(0)} | ${mode === "none" ? "—" : `${(loss * 100).toFixed(1)}%`} | ` +
      `${cpu.toFixed(1)} | ${cpuRatio(base).toFixed(2)}× | ${cpuRatio(floor).toFixed(2)}× | ` +
      `${spans.toFixed(2)} |`,
  );
}
