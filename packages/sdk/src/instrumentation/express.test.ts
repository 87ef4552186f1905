import assert from "node:assert/strict";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { HTTP_SCOPE } from "./http.js";
import { exportedSpans, onlyOfKind } from "./spans.test-util.js";

// express ships no types and @types/express is not installed: the little used here.
type Handler = (
  req: IncomingMessage,
  res: ServerResponse & { send(body: string): void },
  next: () => void,
) => unknown;
interface Router {
  get(path: string, ...handlers: Handler[]): Router;
  use(path: string | Handler | Router, ...handlers: Array<Handler | Router>): Router;
  route(path: string): { get(handler: Handler): unknown };
}
interface Express {
  (): Router & { listen(port: number, host: string, cb: () => void): Server };
  Router(options?: { mergeParams?: boolean }): Router;
}

const exporter = new InMemoryExporter();
let sonde: SondeHandle;
const servers: Record<string, { server: Server; base: string }> = {};

/** The same app for both import styles: nested routers, a stale mount, async handlers. */
function buildApp(express: Express) {
  const app = express();
  const ok: Handler = (_req, res) => res.send("ok");
  app.get("/users/:id", ok);
  app.route("/things").get(ok);
  // A router entered first for every /api path that passes most requests on: its mount must
  // not prefix routes handled by the next router.
  const guard = express.Router();
  guard.use((_req, _res, next) => next());
  guard.get("/health", ok);
  app.use("/api", guard);
  const teams = express.Router({ mergeParams: true });
  teams.get("/teams/:team", async (_req, res) => {
    await sleep(2);
    res.send("team");
  });
  const api = express.Router();
  api.get("/items/:itemId", ok);
  api.use("/v1/orgs/:org", teams);
  app.use("/api", api);
  app.use("/api/v2", express.Router().get("/", ok));
  return app;
}

async function listen(name: string, express: Express): Promise<void> {
  const app = buildApp(express);
  const server = await new Promise<Server>((resolve) => {
    const created = app.listen(0, "127.0.0.1", () => resolve(created));
  });
  servers[name] = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

before(async () => {
  // ESM import, before Sonde starts (nothing is patched: the router publishes on a channel).
  const specifier = "express";
  const esm = ((await import(specifier)) as { default: Express }).default;
  await listen("esm", esm);
  sonde = startSonde({ serviceName: "express-test", exporter, onDiagnostic: () => {} });
  // CommonJS require, after Sonde started.
  await listen("cjs", createRequire(import.meta.url)("express") as Express);
});
after(async () => {
  for (const { server } of Object.values(servers)) {
    server.closeAllConnections();
    server.close();
  }
  await sonde.shutdown();
});
beforeEach(() => exporter.reset());

/** GETs `path` from the named app without a client span and returns its server span. */
async function serverSpan(app: string, path: string): Promise<SpanRecord> {
  const { base } = servers[app];
  const res = await fetch(`${base}${path}`);
  await res.text();
  const spans = await exportedSpans(sonde, exporter, 2, [HTTP_SCOPE, "@sonde/sdk/fetch"]);
  exporter.reset();
  return onlyOfKind(spans, "server");
}

for (const app of ["esm", "cjs"]) {
  test(`${app}: routes name the server span, mount paths included`, async () => {
    const cases: Array<[string, string]> = [
      ["/users/42", "/users/:id"],
      ["/things", "/things"],
      ["/api/health", "/api/health"],
      ["/api/items/9", "/api/items/:itemId"],
      ["/api/v1/orgs/acme/teams/core", "/api/v1/orgs/:org/teams/:team"],
      ["/api/v2", "/api/v2"],
    ];
    for (const [path, route] of cases) {
      const span = await serverSpan(app, path);
      assert.equal(span.attributes["http.route"], route, path);
      assert.equal(span.name, `GET ${route}`, path);
      assert.equal(span.attributes["http.response.status_code"], 200, path);
    }
  });

  test(`${app}: an unmatched path has no route`, async () => {
    const span = await serverSpan(app, "/api/nothing/here");
    assert.equal(span.name, "GET");
    assert.equal("http.route" in span.attributes, false);
    assert.equal(span.attributes["http.response.status_code"], 404);
  });
}
