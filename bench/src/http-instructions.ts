// Instructions per request of the HTTP overhead benchmark's server (http-overhead-server.ts),
// counted by valgrind's callgrind: a deterministic companion to http-overhead.ts, whose
// wall-clock figures move with whatever else runs on a shared machine. Each mode's server runs
// under callgrind with collection off; autocannon (another process, not counted) sends a
// warm-up, then collection is switched on (`callgrind_control -i on`) for a counted run of
// requests and the few seconds after it in which their spans are exported, and switched off.
// Reported: instructions per request on the server's main thread (JavaScript, Node's C++ and
// libuv; not the kernel, not V8's background compiler and GC threads) and on all threads.
//
// Under callgrind the server runs ~50× slower, so work done per interval rather than per
// request (metric export every 5 s, runtime metrics) would weigh ~50× more per request than at
// full speed: the main-thread count is also given less what the server does in an idle window
// as long as the counted one, right after it. Needs valgrind (`apt-get install valgrind`).
// Runs of one mode differ by a few percent (when the JIT and the collector run), so modes
// alternate over rounds and the median is reported, with the range.
// Usage: node bench/dist/http-instructions.js [requests=5000] [warm-up=20000] [rounds=3] [modes]
import { execFileSync, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const requests = Number(process.argv[2] ?? 5000);
const warmup = Number(process.argv[3] ?? 20000);
const rounds = Number(process.argv[4] ?? 3);
const modes = (
  process.argv[5] ?? "none,als,floor,sonde-noop,sonde,sonde-10%,sonde-collect,otel"
).split(",");
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const AUTOCANNON = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
const outDir = join(tmpdir(), `sonde-http-instructions-${process.pid}`);
mkdirSync(outDir, { recursive: true });

/** Sends `count` requests with 8 connections; resolves with the 2xx answers. */
async function load(url: string, count: number): Promise<number> {
  const child = spawn(process.execPath, [AUTOCANNON, "-c", "8", "-a", String(count), "-j", url], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  await once(child, "exit");
  return (JSON.parse(out) as { "2xx": number })["2xx"];
}

/** The `totals:` line of a callgrind output file. */
function totals(file: string): number {
  const match = /^totals: (\d+)/m.exec(readFileSync(file, "utf8"));
  if (match === null) throw new Error(`no totals in ${file}`);
  return Number(match[1]);
}

interface Counted {
  /** Per counted request, on the main thread / on all threads. */
  main: number;
  all: number;
  /** The same, less what the server did in an idle window as long as the counted one. */
  mainBusy: number;
}

/** Sum of the `totals:` of the dump files of dump `n` (one per thread), and the main thread's. */
function dump(name: string, n: number): { main: number; all: number } {
  const files = readdirSync(outDir).filter((file) => file.startsWith(`${name}.${n}-`));
  return {
    main: totals(join(outDir, `${name}.${n}-01`)),
    all: files.reduce((sum, file) => sum + totals(join(outDir, file)), 0),
  };
}

async function measure(mode: string, sinkAddress: string): Promise<Counted> {
  // `%` starts a callgrind file-name escape (`%p`).
  const name = `${mode.replaceAll("%", "pct")}.out`;
  const server = fork(here("./http-overhead-server.js"), [mode, sinkAddress], {
    execPath: "valgrind",
    execArgv: [
      "--tool=callgrind",
      "--instr-atstart=no",
      "--separate-threads=yes",
      // V8 writes and rewrites machine code in anonymous memory.
      "--smc-check=all-non-file",
      `--callgrind-out-file=${join(outDir, name)}`,
      "-q",
      process.execPath,
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [{ port }] = (await once(server, "message")) as [{ port: number }];
  const url = `http://127.0.0.1:${port}/`;
  const control = (...args: string[]) =>
    execFileSync("callgrind_control", [...args, String(server.pid)], { stdio: "ignore" });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await load(url, warmup);
  await sleep(2000);
  // Dump 1: the counted requests, and the time after them in which their spans are exported
  // (within an export interval, 1 s, of the last one).
  const started = Date.now();
  control("-i", "on");
  const answered = await load(url, requests);
  await sleep(2500);
  control("-i", "off");
  const windowMs = Date.now() - started;
  control("-d");
  // Dump 2: as long again with no requests: the timers' share (export intervals, runtime
  // metrics), which callgrind's slowdown inflates per request.
  control("-i", "on");
  await sleep(windowMs);
  control("-i", "off");
  control("-d");
  server.disconnect();
  await once(server, "exit");
  const counted = dump(name, 1);
  const idle = dump(name, 2);
  return {
    main: counted.main / answered,
    all: counted.all / answered,
    mainBusy: (counted.main - idle.main) / answered,
  };
}

/** Forks a sink; resolves with it and its port. */
async function startSink(script: string) {
  const child = fork(here(script), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [{ port }] = (await once(child, "message")) as [{ port: number }];
  return { child, port };
}
const otlpSink = await startSink("./http-overhead-sink.js");
const collectSink = await startSink("./http-overhead-collect-sink.js");
const results = new Map<string, Counted[]>(modes.map((m) => [m, []]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      const result = await measure(
        mode,
        mode === "sonde-collect"
          ? `127.0.0.1:${collectSink.port}`
          : `http://127.0.0.1:${otlpSink.port}`,
      );
      results.get(mode)?.push(result);
      console.error(
        `round ${round + 1} ${mode}: ${Math.round(result.main)} instructions/request (main thread)`,
      );
    }
  }
} finally {
  otlpSink.child.disconnect();
  collectSink.child.disconnect();
  rmSync(outDir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
const none = results.get("none");
const noneBusy = none === undefined ? undefined : median(none.map((r) => r.mainBusy));
console.log(
  `Command: \`node bench/dist/http-instructions.js ${requests} ${warmup} ${rounds}\` (${process.version}; callgrind; ${requests} counted requests after ${warmup} warm-up ones, 8 connections; medians of ${rounds} rounds)`,
);
console.log("");
console.log(
  "| server | main thread, per request | less the idle window's (range) | vs none | all threads |",
);
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const [mode, runs] of results) {
  const busy = runs.map((r) => r.mainBusy);
  const ratio = noneBusy === undefined ? "—" : `${(median(busy) / noneBusy).toFixed(2)}×`;
  console.log(
    `| ${mode} | ${k(median(runs.map((r) => r.main)))} | ${k(median(busy))} (${k(Math.min(...busy))}–${k(Math.max(...busy))}) | ${ratio} | ${k(median(runs.map((r) => r.all)))} |`,
  );
}
