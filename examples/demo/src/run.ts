import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Collector, startCollector } from "@sonde/collector";
import { type LoadGenerator, startLoad } from "./load.js";

const here = dirname(fileURLToPath(import.meta.url));

export interface DemoOptions {
  /** Collector HTTP port; default 4318, 0 picks a free one. */
  httpPort?: number;
  /** DuckDB file; default `.sonde/data.duckdb`. */
  storage?: string;
  /** Load generator requests per second to the web tier; default 20. */
  rate?: number;
  /** Collection policy YAML; default `examples/demo/policy.yaml`. */
  policy?: string;
}

export interface Demo {
  collector: Collector;
  /** Base URLs of the demo services by name. */
  services: Record<string, string>;
  /** Stops the load, the services (flushing their telemetry) and the collector. */
  stop(): Promise<void>;
}

/**
 * Where the services send telemetry: the Sonde collection protocol on the collector's gRPC
 * port, or OTLP/HTTP when gRPC is off (port taken).
 */
function telemetryEnv(collector: Collector): Record<string, string> {
  return collector.grpcPort === null
    ? { SONDE_ENDPOINT: collector.url }
    : { SONDE_COLLECTOR: `127.0.0.1:${collector.grpcPort}` };
}

function startService(
  name: string,
  collector: Collector,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const { SONDE_ENDPOINT: _, SONDE_COLLECTOR: __, ...inherited } = process.env;
  const child = fork(join(here, "service.js"), [name], {
    env: { ...inherited, ...env, ...telemetryEnv(collector) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { port: number }) =>
      resolve({ child, url: `http://127.0.0.1:${m.port}` }),
    );
    child.once("exit", (code) => reject(new Error(`demo service ${name} exited with ${code}`)));
  });
}

/**
 * Runs the demo: the collector, the seed's flow as four instrumented services in their own
 * processes (web → auth, web → billing → resources), and a load generator against web.
 * Throws if the collector cannot start (port in use, storage locked).
 */
export async function runDemo(options: DemoOptions = {}): Promise<Demo> {
  const collector = await startCollector({
    httpPort: options.httpPort ?? 4318,
    storage: options.storage,
    policy: options.policy ?? join(here, "..", "policy.yaml"),
  });
  const children: ChildProcess[] = [];
  try {
    const resources = await startService("resources", collector, {});
    children.push(resources.child);
    const billing = await startService("billing", collector, {
      DEMO_RESOURCES_URL: resources.url,
    });
    children.push(billing.child);
    const auth = await startService("auth", collector, {});
    children.push(auth.child);
    const web = await startService("web", collector, {
      DEMO_AUTH_URL: auth.url,
      DEMO_BILLING_URL: billing.url,
    });
    children.push(web.child);
    const load: LoadGenerator = startLoad(web.url, options.rate ?? 20);
    return {
      collector,
      services: { web: web.url, auth: auth.url, billing: billing.url, resources: resources.url },
      async stop() {
        await load.stop();
        await Promise.all(
          children.map(
            (c) =>
              new Promise<void>((resolve) => {
                if (c.exitCode !== null) return resolve();
                c.once("exit", () => resolve());
                c.disconnect?.();
                setTimeout(() => c.kill("SIGKILL"), 3000).unref();
              }),
          ),
        );
        await collector.close();
      },
    };
  } catch (e) {
    for (const c of children) c.kill("SIGKILL");
    await collector.close();
    throw e;
  }
}
