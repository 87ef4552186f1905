import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Debian's Prometheus server (`apt-get install prometheus`, see `.ci/run`). */
export const PROMETHEUS_BINARY = "/usr/bin/prometheus";
/** Its command-line tool, from the same package. */
export const PROMTOOL_BINARY = "/usr/bin/promtool";

export const prometheusInstalled = existsSync(PROMETHEUS_BINARY) && existsSync(PROMTOOL_BINARY);

/** A Prometheus server run for a test; `stop` kills it and removes its data. */
export interface RunningPrometheus {
  readonly base: string;
  /** GETs `path` from the HTTP API and returns the `data` of a `"success"` answer. */
  api<T>(path: string): Promise<T>;
  /** Everything the server logged, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Polls `probe` every 100 ms until it returns a value other than `undefined`, at most `ms`. */
export async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>) {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`, { cause: lastError });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * Starts Prometheus on a free loopback port, scraping each job's `host:port` every second
 * (exemplar storage on), and waits until it is ready (at most 30 s).
 */
export async function startPrometheus(jobs: Record<string, string>): Promise<RunningPrometheus> {
  const directory = await mkdtemp(join(tmpdir(), "sonde-prometheus-"));
  const scrapeConfigs = Object.entries(jobs).map(
    ([job, target]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ["${target}"]`,
  );
  const config = [
    "global:",
    "  scrape_interval: 1s",
    "  scrape_timeout: 1s",
    "scrape_configs:",
    ...scrapeConfigs,
    "",
  ].join("\n");
  await writeFile(join(directory, "prometheus.yml"), config);
  const port = await freePort();
  const child: ChildProcess = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${join(directory, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(directory, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--enable-feature=exemplar-storage",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If the test process dies first, do not leave the server behind.
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  const base = `http://127.0.0.1:${port}`;
  const running: RunningPrometheus = {
    base,
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) });
      const body = (await response.json()) as { status: string; data: T; error?: string };
      if (body.status !== "success") throw new Error(`${path}: ${body.error}`);
      return body.data;
    },
    log: () => output,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killed = await Promise.race([
          exited.then(() => true),
          sleep(5000, false, { ref: false }),
        ]);
        if (!killed) {
          child.kill("SIGKILL");
          await exited;
        }
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
  try {
    const state = await waitFor("Prometheus to be ready", 30_000, async () => {
      if (child.exitCode !== null) return "exited";
      const response = await fetch(`${base}/-/ready`, { signal: AbortSignal.timeout(1000) });
      return response.ok ? "ready" : undefined;
    });
    if (state === "exited") throw new Error(`prometheus exited:\n${output}`);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
