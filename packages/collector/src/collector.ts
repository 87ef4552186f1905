import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { Policy } from "@sonde/protocol/collect";
import { CollectCheckpoints } from "./collect/checkpoints.js";
import { PolicySource } from "./collect/policy-file.js";
import { type CollectStats, registerCollectService } from "./collect/service.js";
import { buildApp } from "./http/app.js";
import { registerOtlpGrpc } from "./ingest/otlp-grpc.js";
import { registerOtlpLogs } from "./ingest/otlp-logs.js";
import { newIngestStats } from "./ingest/stats.js";
import { DuckDbStore } from "./storage/duckdb-store.js";
import { SignalStore } from "./storage/signal-store.js";

export interface CollectorOptions {
  /** HTTP port for OTLP/HTTP, the query API and the UI. Default 4318; 0 picks a free port. */
  httpPort?: number;
  /**
   * gRPC port for OTLP/gRPC, plaintext HTTP/2 on `host`. Default 4317, best effort: if that port
   * cannot be bound the collector warns on stderr and runs HTTP only (`Collector.grpcPort` null).
   * An explicit number (0 picks a free port) is required: failing to bind it throws. `false`
   * disables gRPC.
   */
  grpcPort?: number | false;
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** DuckDB file. Default `.sonde/data.duckdb` (relative to the working directory). */
  storage?: string;
  /** Largest accepted request body in bytes. Default 16 MiB. */
  bodyLimit?: number;
  /** Folder of the built UI. Default: `@sonde/ui`'s `dist` in this repository. */
  uiDir?: string;
  /**
   * YAML file with the collection policy sent to Sonde clients (see `parsePolicy`), re-read
   * when it changes. Default: every metric every 10 s, all spans.
   */
  policy?: string;
}

export interface Collector {
  /** Base URL of the HTTP server, e.g. `http://127.0.0.1:4318`. */
  url: string;
  port: number;
  /** Port of the gRPC server (OTLP/gRPC), or null when gRPC is disabled or could not bind. */
  grpcPort: number | null;
  store: DuckDbStore;
  /** Events, logs and errors. */
  signals: SignalStore;
  /** Counters of the Sonde collection service. */
  collect: CollectStats;
  /** Stops accepting requests, waits for stored data to be flushed and closes storage. */
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_UI_DIR = join(here, "..", "..", "ui", "dist");

/** Binds `server` to `host:port` and resolves with the bound port; rejects if it cannot. */
function bindGrpc(server: Server, host: string, port: number): Promise<number> {
  const address = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise((resolve, reject) =>
    server.bindAsync(address, ServerCredentials.createInsecure(), (e, bound) =>
      e ? reject(e) : resolve(bound),
    ),
  );
}

/** Lets in-flight calls finish, forcing the shutdown after 5 s. */
function closeGrpc(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.forceShutdown(), 5000);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

/**
 * Starts gRPC (OTLP/gRPC) per `options.grpcPort`: the bound port, or null when disabled or when
 * the default port was unavailable (a warning is printed). Throws if an explicit port fails.
 */
async function startGrpc(
  server: Server,
  host: string,
  option: number | false | undefined,
): Promise<number | null> {
  if (option === false) return null;
  try {
    return await bindGrpc(server, host, option ?? 4317);
  } catch (e) {
    if (option !== undefined) throw e;
    console.warn(`sonde: OTLP/gRPC disabled, cannot bind ${host}:4317: ${(e as Error).message}`);
    return null;
  }
}

/**
 * Starts the collector: storage opened, HTTP and gRPC listening. Throws if the HTTP port (or an
 * explicit `grpcPort`) is taken or the storage file cannot be opened (for example, locked by
 * another collector).
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  let setPolicy = (_: Policy) => {};
  const policy = new PolicySource(
    options.policy,
    (p) => setPolicy(p),
    (e) => process.stderr.write(`sonde: policy not changed: ${e.message}\n`),
  );
  const store = await DuckDbStore.open(options.storage ?? ".sonde/data.duckdb");
  const stats = newIngestStats();
  const bodyLimit = options.bodyLimit ?? 16 * 1024 * 1024;
  const app = buildApp({ store, stats, bodyLimit, uiDir: options.uiDir ?? DEFAULT_UI_DIR });
  const grpc = new Server({ "grpc.max_receive_message_length": bodyLimit });
  registerOtlpGrpc(grpc, store, stats);
  const signals = await SignalStore.open(store.instance);
  registerOtlpLogs(app, grpc, signals, stats, bodyLimit);
  const collect = stats.collect;
  const checkpoints = new CollectCheckpoints(await store.instance.connect());
  const service = registerCollectService(
    grpc,
    {
      metrics: store.metrics,
      insertSpans: (b, c) => store.insertSpans(b, c),
      signals,
      checkpoints,
    },
    policy.policy,
    collect,
  );
  setPolicy = service.setPolicy;
  const host = options.host ?? "127.0.0.1";
  let grpcPort: number | null;
  try {
    grpcPort = await startGrpc(grpc, host, options.grpcPort);
    await app.listen({ port: options.httpPort ?? 4318, host });
  } catch (e) {
    policy.close();
    await closeGrpc(grpc);
    await signals.close();
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.httpPort ?? 4318);
  return {
    url: `http://${host}:${port}`,
    port,
    grpcPort,
    store,
    signals,
    collect,
    async close() {
      policy.close();
      service.close();
      await closeGrpc(grpc);
      await app.close();
      await signals.close();
      await store.close();
    },
  };
}
