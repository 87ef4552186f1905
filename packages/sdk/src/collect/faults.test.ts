// Faults of the collection protocol with real processes (issue 5, "Bad input and faults"): a
// collector SIGKILLed mid-stream and restarted, a collector down for 60 s, and fuzzed or bad
// frames on raw gRPC streams next to a well-behaved client.
import assert from "node:assert/strict";
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { credentials, Client as GrpcClient, status } from "@grpc/grpc-js";
import type { SpanRecord } from "@sonde/protocol";
import {
  type ClientMessage,
  COLLECT_METHOD,
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  MetricKind,
} from "@sonde/protocol/collect";
import fc from "fast-check";
import { MetricRegistry } from "../metrics/registry.js";
import { CollectClient } from "./client.js";
import { CollectSession } from "./session.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, "..", "..", "..", "cli", "dist", "bin.js");
const HOST = join(here, "fixtures", "outage-host.js");
const POLICY = `- prefix: "/fault/"\n  interval: 50ms\n`;
const COLLECTOR_PACKAGE = "@sonde/collector";

interface InProcessCollector {
  url: string;
  grpcPort: number;
  store: { reader: { runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> } };
  collect: Record<string, number>;
  close(): Promise<void>;
}
const startInProcess = async (options: object) => {
  const { startCollector } = (await import(COLLECTOR_PACKAGE)) as {
    startCollector(options: object): Promise<InProcessCollector>;
  };
  return startCollector(options);
};

let directory: string;
let policyPath: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), "sonde-faults-"));
  policyPath = join(directory, "policy.yaml");
  await writeFile(policyPath, POLICY);
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(2);
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  return typeof address === "object" && address ? address.port : 0;
}

/** `sonde serve` in a child process, on a fixed gRPC port and storage file. */
class CollectorProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    /** What it printed so far. */
    readonly output: () => string,
  ) {}

  static async start(grpcPort: number, storage: string): Promise<CollectorProcess> {
    const args = ["serve", "--http-port", "0", "--grpc-port", String(grpcPort)];
    args.push("--storage", storage, "--policy", policyPath);
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stderr?.on("data", (d) => {
      out += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once("exit", (code) => reject(new Error(`collector exited ${code}: ${out}`)));
    });
    return new CollectorProcess(child, url, () => out);
  }

  /** A counter of the collector's `/metrics`, e.g. `collect_duplicate_batches_total`. */
  async stat(name: string): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const m = new RegExp(`^sonde_collector_${name} (\\S+)$`, "m").exec(text);
    return m ? Number(m[1]) : Number.NaN;
  }

  /** Sends `signal`, resolves with the exit code; throws if it had exited already. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      throw new Error(`the collector exited early: ${this.child.exitCode}\n${this.output()}`);
    }
    const exited = once(this.child, "exit");
    this.child.kill(signal);
    const [code] = await exited;
    return code as number | null;
  }
}

/** Opens a stopped collector's storage file in this process and runs `sql` on it. */
async function queryFile(storage: string, sqls: string[]): Promise<unknown[][][]> {
  const collector = await startInProcess({ httpPort: 0, grpcPort: false, storage });
  try {
    const out: unknown[][][] = [];
    for (const sql of sqls) out.push((await collector.store.reader.runAndReadAll(sql)).getRows());
    return out;
  } finally {
    await collector.close();
  }
}

const declaration = (
  name: string,
  kind: "counter" | "gauge" | "distribution",
  extra: object = {},
) =>
  ({
    kind,
    valueType: kind === "distribution" ? "double" : "int",
    name,
    description: name,
    unit: "1",
    owner: "",
    stability: "stable",
    tags: {},
    ...extra,
  }) as const;

/** A finished span with a unique id built from `n`. */
const span = (n: number): SpanRecord => {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    traceId: n.toString(16).padStart(32, "0"),
    spanId: n.toString(16).padStart(16, "0"),
    parentSpanId: "",
    traceState: "",
    name: `op ${n % 7}`,
    kind: "internal",
    startTimeUnixNano: now - 1000n,
    endTimeUnixNano: now,
    statusCode: "unset",
    statusMessage: "",
    attributes: { n },
    events: [],
    links: [],
  };
};

/** Rows of (series, t) stored more than once: must be none. */
const DUPLICATE_ROWS_SQL = `SELECT count(*) FROM (SELECT series, t FROM metric_samples
  GROUP BY ALL HAVING count(*) > 1)`;

describe("collection protocol faults", () => {
  test("a collector SIGKILLed mid-stream and restarted 3 times: every increment stored exactly once", async () => {
    const storage = join(directory, "kill.duckdb");
    const port = await freePort();
    let collector = await CollectorProcess.start(port, storage);
    const registry = new MetricRegistry();
    const requests = registry.counter(
      declaration("/fault/kill/requests", "counter", { tags: { route: "string" } }),
    );
    const depth = registry.gauge(declaration("/fault/kill/depth", "gauge"));
    const latency = registry.distribution(
      declaration("/fault/kill/latency", "distribution", {
        bucketer: { type: "explicit", bounds: [1, 10, 100] },
      }),
    );
    const client = new CollectClient({
      address: `127.0.0.1:${port}`,
      resource: { "service.name": "fault-kill" },
      reader: registry,
      startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
      minBackoffMs: 20,
      maxBackoffMs: 300,
    });
    const routes = ["/a", "/b", "/c"];
    const added = new Map(routes.map((r) => [r, 0]));
    let observations = 0;
    let observedSum = 0;
    let i = 0;
    const record = setInterval(() => {
      i++;
      const route = routes[i % routes.length];
      requests.add(i, { route });
      added.set(route, (added.get(route) ?? 0) + i);
      depth.set(i, {});
      latency.record(i % 150, {});
      observations++;
      observedSum += i % 150;
      if (i % 4 === 0) client.pushSpans([span(i)]);
    }, 15);
    const kills: { unacked: number; duplicatesAfterRestart: number; reconnectMs: number }[] = [];
    try {
      await until(() => client.connected, 10_000, "the first connection");
      for (let k = 0; k < 3; k++) {
        await sleep(400 + Math.random() * 400);
        // Kill while batches are sent but not acknowledged.
        await until(() => client.session.nextSeq - 1 > client.ackedSeq, 5000, "a batch in flight");
        const unacked = client.session.nextSeq - 1 - client.ackedSeq;
        assert.equal(await collector.stop("SIGKILL"), null);
        const ackedAtKill = client.ackedSeq;
        await sleep(200 + Math.random() * 300);
        const restart = Date.now();
        collector = await CollectorProcess.start(port, storage);
        await until(() => client.ackedSeq > ackedAtKill + unacked, 15_000, "acks after restart");
        kills.push({
          unacked,
          duplicatesAfterRestart: await collector.stat("collect_duplicate_batches_total"),
          reconnectMs: Date.now() - restart,
        });
      }
      await sleep(300);
    } finally {
      clearInterval(record);
    }
    assert.equal(await client.waitForAcks(15_000), true, "every batch acknowledged");
    await client.shutdown();
    assert.equal(await collector.stop("SIGTERM"), 0);
    console.log("kills", kills);

    const [counters, gauge, dist, buckets, duplicates, spans] = await queryFile(storage, [
      `SELECT s.tag_str['route'], sum(m.increase)::BIGINT FROM metric_samples m
       JOIN metric_series s ON s.id = m.series WHERE s.name = '/fault/kill/requests'
       GROUP BY 1 ORDER BY 1`,
      `SELECT arg_max(m.value, m.t) FROM metric_samples m
       JOIN metric_series s ON s.id = m.series WHERE s.name = '/fault/kill/depth'`,
      `SELECT sum(count)::BIGINT, sum(sum) FROM metric_distributions d
       JOIN metric_series s ON s.id = d.series WHERE s.name = '/fault/kill/latency'`,
      `SELECT sum(count)::BIGINT FROM metric_buckets b
       JOIN metric_series s ON s.id = b.series WHERE s.name = '/fault/kill/latency'`,
      DUPLICATE_ROWS_SQL,
      `SELECT count(*), count(DISTINCT span_id) FROM spans WHERE service_name = 'fault-kill'`,
    ]);
    assert.deepEqual(
      counters.map((r) => [r[0], Number(r[1])]),
      routes.map((r) => [r, added.get(r)]),
    );
    assert.equal(gauge[0][0], i);
    assert.deepEqual(
      [Number(dist[0][0]), dist[0][1]],
      [observations, observedSum],
      "distribution counts",
    );
    assert.equal(Number(buckets[0][0]), observations, "bucket counts");
    assert.equal(Number(duplicates[0][0]), 0, "no (series, t) stored twice");
    const spansPushed = Math.floor(i / 4);
    assert.deepEqual(spans[0].map(Number), [spansPushed, spansPushed], "each span stored once");
    assert.ok(
      kills.every((k) => k.unacked > 0),
      "each kill had batches in flight",
    );
  });
});

interface HostReport {
  added: number;
  eldMeanMs: number;
  eldP99Ms: number;
  workP50Ms: number;
  workP90Ms: number;
  maxBuffered: number;
  bufferedBytes: number;
  dropped: { batches: number; samples: number; spans: number };
  connected: boolean;
  ackedSeq: number;
  lastSeq: number;
  memoryBytes: number;
  acked?: boolean;
}

describe("collection protocol: collector down for 60 s", () => {
  test("the host's memory stays bounded, drops are counted and reported, its latency does not move", {
    timeout: 180_000,
  }, async () => {
    const BOUND = 256 * 1024;
    const OUTAGE_MS = 60_000;
    const storage = join(directory, "outage.duckdb");
    const port = await freePort();
    let collector = await CollectorProcess.start(port, storage);
    const host = fork(HOST, [`127.0.0.1:${port}`, String(BOUND)], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const exited = once(host, "exit").then(([code, signal]) => {
      throw new Error(`the host exited: ${code ?? signal}`);
    });
    exited.catch(() => {});
    const ask = async (command: string) => {
      const reply = once(host, "message");
      host.send(command);
      return (await Promise.race([reply, exited]))[0] as HostReport;
    };
    try {
      await once(host, "message"); // ready
      await until(async () => (await ask("phase")).ackedSeq > 0, 10_000, "the host's first ack");
      await sleep(1000);
      await ask("phase");
      await sleep(10_000);
      const up = await ask("phase");
      assert.equal(await collector.stop("SIGKILL"), null);
      await sleep(OUTAGE_MS);
      const down = await ask("phase");
      collector = await CollectorProcess.start(port, storage);
      const restarted = Date.now();
      const end = await ask("shutdown");
      const recoveryMs = Date.now() - restarted;
      const reported = await collector.stat("collect_client_dropped_samples_total");
      assert.equal(await collector.stop("SIGTERM"), 0);
      // What the outage produced: its batches, at the average size of those still held.
      const held = down.lastSeq - down.ackedSeq - down.dropped.batches;
      const produced = ((down.lastSeq - up.lastSeq) * down.bufferedBytes) / held;
      const growth = down.memoryBytes - up.memoryBytes;
      console.log("outage", { up, down, end, reported, recoveryMs, produced, growth });

      assert.equal(down.connected, false);
      assert.ok(down.maxBuffered <= BOUND, `buffer ${down.maxBuffered} B over ${BOUND}`);
      assert.ok(
        down.maxBuffered > BOUND * 0.9,
        `the outage filled the buffer: ${down.maxBuffered}`,
      );
      assert.ok(down.dropped.batches > 100, `batches dropped: ${down.dropped.batches}`);
      assert.ok(down.dropped.samples > 100_000, `samples dropped: ${down.dropped.samples}`);
      assert.ok(produced > 20 * BOUND, `the outage produced ${produced} B`);
      assert.ok(growth < BOUND + 2 * 1024 * 1024, `memory grew ${growth} B during the outage`);
      // Drops are reported on reconnect: at least those of the outage, at most all of them.
      assert.ok(reported >= down.dropped.samples && reported <= end.dropped.samples, `${reported}`);
      assert.equal(end.acked, true, "everything kept was acknowledged after the restart");
      // The host's own latency: event-loop delay and a fixed piece of work, up vs down.
      assert.ok(down.eldMeanMs < up.eldMeanMs + 1, `mean ${down.eldMeanMs} vs ${up.eldMeanMs} ms`);
      assert.ok(down.eldP99Ms < up.eldP99Ms + 15, `p99 ${down.eldP99Ms} vs ${up.eldP99Ms} ms`);
      assert.ok(down.workP50Ms < up.workP50Ms * 1.2 + 0.3, `${down.workP50Ms} vs ${up.workP50Ms}`);

      const [[duplicates], [[sum]]] = await queryFile(storage, [
        DUPLICATE_ROWS_SQL,
        `SELECT sum(m.increase)::BIGINT FROM metric_samples m JOIN metric_series s
         ON s.id = m.series WHERE s.name = '/fault/outage/requests'`,
      ]);
      assert.equal(Number(duplicates[0]), 0);
      // Counters travel as increases: the dropped batches' increases are lost.
      assert.ok(Number(sum) < end.added && Number(sum) > 0, `${sum} of ${end.added}`);
    } finally {
      host.kill("SIGKILL");
      if (collector.child.exitCode === null && collector.child.signalCode === null) {
        await collector.stop("SIGKILL");
      }
    }
  });
});

interface Outcome {
  code: number;
  details: string;
  acks: number[];
}

/**
 * Opens a raw stream, writes `messages`, waits for the server to end it (or `quietMs` without
 * an answer, then half-closes) and resolves with the final status and the acks seen.
 */
function rawStream(grpc: GrpcClient, messages: Uint8Array[], quietMs = 400): Promise<Outcome> {
  return new Promise((resolve) => {
    const acks: number[] = [];
    const call = grpc.makeBidiStreamRequest(
      COLLECT_METHOD,
      (b: Uint8Array) => Buffer.from(b),
      (b: Buffer) => b,
    );
    let quiet = setTimeout(() => call.end(), quietMs);
    const hard = setTimeout(() => call.cancel(), 20_000);
    call.on("data", (bytes: Buffer) => {
      clearTimeout(quiet);
      quiet = setTimeout(() => call.end(), quietMs);
      const message = decodeServerMessage(bytes);
      if (message.ack) acks.push(message.ack.seq ?? 0);
    });
    call.on("error", () => {});
    call.on("status", (s: { code: number; details: string }) => {
      clearTimeout(quiet);
      clearTimeout(hard);
      resolve({ code: s.code, details: s.details, acks });
    });
    for (const m of messages) call.write(m);
  });
}

const announce = (sessionId: string = crypto.randomUUID()) =>
  encodeClientMessage({ announce: { sessionId, timeBaseUnixMs: Date.now() } });
const message = (m: ClientMessage) => encodeClientMessage(m);

describe("collection protocol: bad frames", () => {
  let collector: InProcessCollector;
  let grpc: GrpcClient;
  const BODY_LIMIT = 256 * 1024;
  before(async () => {
    collector = await startInProcess({
      httpPort: 0,
      grpcPort: 0,
      storage: join(directory, "fuzz.duckdb"),
      policy: policyPath,
      bodyLimit: BODY_LIMIT,
    });
    grpc = new GrpcClient(`127.0.0.1:${collector.grpcPort}`, credentials.createInsecure());
  });
  after(async () => {
    grpc.close();
    await collector.close();
  });

  const rows = async (sql: string) => (await collector.store.reader.runAndReadAll(sql)).getRows();

  test("malformed, truncated, oversized, out-of-order and unfitting frames end their stream with a clear error; a concurrent client and stored data are untouched", async () => {
    const address = `127.0.0.1:${collector.grpcPort}`;
    // Another session's stored data, before any bad frame.
    const other = new MetricRegistry();
    const otherCount = other.counter(
      declaration("/fault/other/requests", "counter", { tags: { route: "string" } }),
    );
    const otherClient = new CollectClient({
      address,
      resource: { "service.name": "fault-other" },
      reader: other,
      startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
    });
    for (let k = 1; k <= 5; k++) {
      otherCount.add(k, { route: `/o${k % 2}` });
      otherClient.pushAllMetrics();
      await sleep(5);
    }
    assert.equal(await otherClient.waitForAcks(10_000), true);
    await otherClient.shutdown();
    const OTHER_SQL = `SELECT s.id, s.key, s.start_time_unix_nano, m.t, m.start, m.value, m.increase
      FROM metric_series s JOIN metric_samples m ON m.series = s.id
      WHERE s.name LIKE '/fault/other/%' ORDER BY ALL`;
    const otherBefore = await rows(OTHER_SQL);
    assert.ok(otherBefore.length >= 5);

    // A well-behaved client pushing all along.
    const registry = new MetricRegistry();
    const good = registry.counter(declaration("/fault/good/requests", "counter"));
    const client = new CollectClient({
      address,
      resource: { "service.name": "fault-good" },
      reader: registry,
      startTimeUnixNano: BigInt(Date.now()) * 1_000_000n,
    });
    let added = 0;
    const push = setInterval(() => {
      good.add(3, {});
      added += 3;
    }, 10);
    try {
      await until(() => client.ackedSeq > 0, 10_000, "the good client's first ack");

      // Valid frames to start from: a session's Define and its first two batches.
      const source = new MetricRegistry();
      const c = source.counter(
        declaration("/fault/fuzz/requests", "counter", { tags: { route: "string" } }),
      );
      const d = source.distribution(
        declaration("/fault/fuzz/latency", "distribution", {
          bucketer: { type: "explicit", bounds: [1, 10, 100] },
        }),
      );
      const session = new CollectSession({ "service.name": "fault-fuzz" }, 1n);
      c.add(5, { route: "/x" });
      d.record(7, {});
      const batch1 = session.metricBatch(source.readMetrics(() => true))?.bytes as Uint8Array;
      c.add(2, { route: "/y" });
      d.record(70, {});
      const batch2 = session.metricBatch(source.readMetrics(() => true))?.bytes as Uint8Array;
      const define = message({ define: session.defineAll() });
      const identity = { id: 1, labels: { "service.name": "fault-fuzz" } };

      const cases: [string, Uint8Array[], number, RegExp][] = [
        ["batch before Announce", [batch1], status.FAILED_PRECONDITION, /must be Announce/],
        ["Define before Announce", [define], status.FAILED_PRECONDITION, /must be Announce/],
        ["truncated Announce", [announce().subarray(0, 20)], status.INVALID_ARGUMENT, /malformed/],
        [
          "truncated batch",
          [announce(), batch1.subarray(0, batch1.length - 5)],
          status.INVALID_ARGUMENT,
          /malformed/,
        ],
        [
          "not protobuf",
          [announce(), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])],
          status.INVALID_ARGUMENT,
          /malformed/,
        ],
        [
          "batch 2 first",
          [announce(), define, batch2],
          status.OUT_OF_RANGE,
          /batch 2 out of order/,
        ],
        [
          "batch 1 twice, then 3",
          [announce(), define, batch1, batch1, message({ batch: { seq: 3 } })],
          status.OUT_OF_RANGE,
          /batch 3 out of order: expected 2/,
        ],
        [
          "a gap wider than the batches the client announced it dropped",
          [
            encodeClientMessage({
              announce: { sessionId: crypto.randomUUID(), stats: { droppedBatches: 1 } },
            }),
            define,
            message({ batch: { seq: 3 } }),
          ],
          status.OUT_OF_RANGE,
          /batch 3 out of order: expected 1/,
        ],
        ["second Announce", [announce(), announce()], status.INVALID_ARGUMENT, /second Announce/],
        ["empty session id", [announce("")], status.INVALID_ARGUMENT, /without session_id/],
        [
          "samples for an undefined series",
          [announce(), message({ batch: { seq: 1, metrics: { changed: [77], ints: [1] } } })],
          status.INVALID_ARGUMENT,
          /undefined series 77/,
        ],
        [
          "a series of an undefined metric",
          [
            announce(),
            message({
              define: { identities: [identity], series: [{ id: 1, metricId: 42, identityId: 1 }] },
            }),
          ],
          status.INVALID_ARGUMENT,
          /undefined metric 42/,
        ],
        [
          "a batch defining a series of an undefined identity",
          [
            announce(),
            message({
              batch: {
                seq: 1,
                define: {
                  metrics: [{ id: 1, name: "/fault/x", kind: MetricKind.METRIC_KIND_GAUGE }],
                  series: [{ id: 1, metricId: 1, identityId: 9 }],
                },
              },
            }),
          ],
          status.INVALID_ARGUMENT,
          /undefined identity 9/,
        ],
        [
          "a time beyond what storage holds",
          [
            announce(),
            define,
            message({
              batch: { seq: 1, rebaseUnixMs: 2 ** 50, metrics: { changed: [1], ints: [1] } },
            }),
          ],
          status.INVALID_ARGUMENT,
          /batch time \d+ ns is out of range/,
        ],
        [
          "a series start time beyond what storage holds",
          [
            announce(),
            message({
              define: {
                identities: [identity],
                metrics: [{ id: 1, name: "/fault/z", kind: 2, valueType: 1 }],
                series: [{ id: 1, metricId: 1, identityId: 1, startTimeUnixNano: 2 ** 63 }],
              },
            }),
          ],
          status.INVALID_ARGUMENT,
          /series 1 start time -?\d+ ns is out of range/,
        ],
        [
          "a span ending beyond what storage holds",
          [
            announce(),
            define,
            message({
              batch: {
                seq: 1,
                spans: [
                  {
                    traceId: new Uint8Array(16).fill(1),
                    spanId: new Uint8Array(8).fill(2),
                    identityId: 1,
                    kind: 1,
                    durationNs: 2 ** 63,
                  },
                ],
              },
            }),
          ],
          status.INVALID_ARGUMENT,
          /span 0202020202020202 end time \d+ ns is out of range/,
        ],
        [
          "a value type no metric has",
          [
            announce(),
            message({
              define: {
                identities: [identity],
                metrics: [{ id: 1, name: "/fault/y", kind: 2, valueType: 9 as never }],
                series: [{ id: 1, metricId: 1, identityId: 1 }],
              },
            }),
          ],
          status.INVALID_ARGUMENT,
          /value type 9/,
        ],
        [
          "oversized message",
          [announce(), message({ define: { strings: ["x".repeat(BODY_LIMIT + 1)] } })],
          status.RESOURCE_EXHAUSTED,
          /larger than max/,
        ],
      ];
      for (const [name, frames, code, details] of cases) {
        const outcome = await rawStream(grpc, frames);
        assert.equal(outcome.code, code, `${name}: ${outcome.details}`);
        assert.match(outcome.details, details, name);
      }
      // A valid session on a raw stream is accepted (the frames above are right but for the fault).
      assert.deepEqual((await rawStream(grpc, [announce(), define, batch1, batch2])).acks, [1, 2]);
      // A client that dropped batch 1 (its buffer was full) and says so starts at batch 2.
      const dropped = encodeClientMessage({
        announce: { sessionId: crypto.randomUUID(), stats: { droppedBatches: 1 } },
      });
      assert.deepEqual((await rawStream(grpc, [dropped, define, batch2])).acks, [2]);

      // Random bytes, and random mutations of valid frames: a clear error, or (when the bytes
      // happen to be a valid message) whatever that message asks for — never an unexplained end.
      const clear = (outcome: Outcome, bytes: Uint8Array) => {
        let decodes = true;
        try {
          decodeClientMessage(bytes);
        } catch {
          decodes = false;
        }
        if (!decodes) {
          assert.equal(outcome.code, status.INVALID_ARGUMENT, outcome.details);
          assert.match(outcome.details, /^malformed message: /);
        } else if (outcome.code !== status.OK) {
          assert.ok(
            [status.INVALID_ARGUMENT, status.OUT_OF_RANGE, status.FAILED_PRECONDITION].includes(
              outcome.code,
            ),
            `code ${outcome.code}: ${outcome.details}`,
          );
          assert.match(outcome.details, /\w{4,}/);
        }
      };
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          const first = await rawStream(grpc, [bytes], 150);
          if (first.code === status.OK) {
            assert.ok(decodeClientMessage(bytes).announce?.sessionId, "OK only for an Announce");
          } else clear(first, bytes);
          clear(await rawStream(grpc, [announce(), bytes], 150), bytes);
        }),
        { numRuns: 60 },
      );
      const mutated = (frame: Uint8Array) =>
        fc.oneof(
          fc.nat(frame.length - 1).map((n) => frame.subarray(0, n)),
          fc
            .array(fc.tuple(fc.nat(frame.length - 1), fc.integer({ min: 1, max: 255 })), {
              minLength: 1,
              maxLength: 4,
            })
            .map((flips) => {
              const out = Uint8Array.from(frame);
              for (const [at, x] of flips) out[at] ^= x;
              return out;
            }),
          fc
            .tuple(fc.nat(frame.length), fc.uint8Array({ minLength: 1, maxLength: 8 }))
            .map(([at, bytes]) => {
              const out = new Uint8Array(frame.length + bytes.length);
              out.set(frame.subarray(0, at));
              out.set(bytes, at);
              out.set(frame.subarray(at), at + bytes.length);
              return out;
            }),
        );
      await fc.assert(
        fc.asyncProperty(mutated(define), mutated(batch1), async (badDefine, badBatch) => {
          clear(await rawStream(grpc, [announce(), badDefine], 150), badDefine);
          clear(await rawStream(grpc, [announce(), define, badBatch], 150), badBatch);
        }),
        { numRuns: 120 },
      );
    } finally {
      clearInterval(push);
    }
    const ackedDuringFuzz = client.ackedSeq;
    const rejected = collector.collect.rejectedStreams;
    assert.equal(await client.waitForAcks(10_000), true);
    await client.shutdown();
    console.log("good client", { ackedDuringFuzz, reconnects: client.stats.reconnects, added });
    assert.equal(client.stats.reconnects, 0, "the good client's stream never broke");
    assert.ok(ackedDuringFuzz > 20, `the good client kept getting acks: ${ackedDuringFuzz}`);
    const [[sum]] = await rows(
      `SELECT sum(m.increase)::BIGINT FROM metric_samples m JOIN metric_series s
       ON s.id = m.series WHERE s.name = '/fault/good/requests'`,
    );
    assert.equal(Number(sum), added);
    assert.deepEqual(await rows(OTHER_SQL), otherBefore);
    assert.equal(Number((await rows(DUPLICATE_ROWS_SQL))[0][0]), 0);
    assert.ok(rejected > 15, `streams rejected: ${rejected}`);
  });
});
