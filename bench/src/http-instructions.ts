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
// request (metric export every 5 s, runtime metrics) weighs ~50× more per request than at full
// speed; compare modes with that in mind. Needs valgrind (`apt-get install valgrind`).
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
const modes = (process.argv[5] ?? "none,als,sonde-noop,sonde,sonde-10%,otel").split(",");
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

async function measure(mode: string, sinkUrl: string): Promise<{ main: number; all: number }> {
  // `%` starts a callgrind file-name escape (`%p`).
  const name = `${mode.replaceAll("%", "pct")}.out`;
  const base = join(outDir, name);
  const server = fork(here("./http-overhead-server.js"), [mode, sinkUrl], {
    execPath: "valgrind",
    execArgv: [
      "--tool=callgrind",
      "--instr-atstart=no",
      "--separate-threads=yes",
      // V8 writes and rewrites machine code in anonymous memory.
      "--smc-check=all-non-file",
      `--callgrind-out-file=${base}`,
      "-q",
      process.execPath,
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [{ port }] = (await once(server, "message")) as [{ port: number }];
  const url = `http://127.0.0.1:${port}/`;
  await load(url, warmup);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const pid = String(server.pid);
  execFileSync("callgrind_control", ["-i", "on", pid], { stdio: "ignore" });
  const answered = await load(url, requests);
  // The counted requests' spans leave within an export interval (1 s) of the last one.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  execFileSync("callgrind_control", ["-i", "off", pid], { stdio: "ignore" });
  server.disconnect();
  await once(server, "exit");
  const threads = readdirSync(outDir).filter((file) => file.startsWith(`${name}-`));
  const main = totals(`${base}-01`);
  const all = threads.reduce((sum, file) => sum + totals(join(outDir, file)), 0);
  return { main: main / answered, all: all / answered };
}

const sink = fork(here("./http-overhead-sink.js"), [], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const [{ port: sinkPort }] = (await once(sink, "message")) as [{ port: number }];
const results = new Map<string, { main: number; all: number }[]>(modes.map((m) => [m, []]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      const result = await measure(mode, `http://127.0.0.1:${sinkPort}`);
      results.get(mode)?.push(result);
      console.error(
        `round ${round + 1} ${mode}: ${Math.round(result.main)} instructions/request (main thread)`,
      );
    }
  }
} finally {
  sink.disconnect();
  rmSync(outDir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
const none = results.get("none");
const noneMain = none === undefined ? undefined : median(none.map((r) => r.main));
console.log(
  `Command: \`node bench/dist/http-instructions.js ${requests} ${warmup} ${rounds}\` (${process.version}; callgrind; ${requests} counted requests after ${warmup} warm-up ones, 8 connections; medians of ${rounds} rounds)`,
);
console.log("");
console.log("| server | instructions/request, main thread (range) | vs none | all threads |");
console.log("| --- | ---: | ---: | ---: |");
for (const [mode, runs] of results) {
  const main = runs.map((r) => r.main);
  const ratio = noneMain === undefined ? "—" : `${(median(main) / noneMain).toFixed(2)}×`;
  console.log(
    `| ${mode} | ${k(median(main))} (${k(Math.min(...main))}–${k(Math.max(...main))}) | ${ratio} | ${k(median(runs.map((r) => r.all)))} |`,
  );
}
