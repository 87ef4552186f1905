import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, beforeEach, test } from "node:test";
import type { SpanRecord } from "@sonde/protocol";
import Fastify, { type FastifyInstance } from "fastify";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { HTTP_SCOPE } from "./http.js";
import { exportedSpans, onlyOfKind } from "./spans.test-util.js";

const exporter = new InMemoryExporter();
let sonde: SondeHandle;
const apps: Record<string, { app: FastifyInstance; base: string }> = {};

/** The same routes for every app: params, a prefixed plugin, a hook that answers 401. */
function addRoutes(app: FastifyInstance): FastifyInstance {
  app.get("/users/:id", async () => "user");
  app.register(
    async (api) => {
      api.get("/items/:itemId", async () => "item");
    },
    { prefix: "/api" },
  );
  app.register(async (secure) => {
    secure.addHook("onRequest", async (_request, reply) => {
      await reply.code(401).send("no");
    });
    secure.get("/secure/:id", async () => "never");
  });
  return app;
}

async function listen(name: string, app: FastifyInstance): Promise<void> {
  addRoutes(app);
  apps[name] = { app, base: await app.listen({ port: 0, host: "127.0.0.1" }) };
}

// Created before Sonde starts: routes still named, through the handler's tracing channel.
const early = Fastify();

before(async () => {
  sonde = startSonde({ serviceName: "fastify-test", exporter, onDiagnostic: () => {} });
  await listen("early", early);
  await listen("esm", Fastify());
  const required = createRequire(import.meta.url)("fastify") as typeof Fastify;
  await listen("cjs", required());
});
after(async () => {
  for (const { app } of Object.values(apps)) await app.close();
  await sonde.shutdown();
});
beforeEach(() => exporter.reset());

/** GETs `path` from the named app and returns its server span. */
async function serverSpan(app: string, path: string): Promise<SpanRecord> {
  const res = await fetch(`${apps[app].base}${path}`);
  await res.text();
  const spans = await exportedSpans(sonde, exporter, 2, [HTTP_SCOPE, "@sonde/sdk/fetch"]);
  exporter.reset();
  return onlyOfKind(spans, "server");
}

for (const app of ["esm", "cjs", "early"]) {
  test(`${app}: routes name the server span, prefixes included; unknown paths have none`, async () => {
    for (const [path, route] of [
      ["/users/42", "/users/:id"],
      ["/api/items/9", "/api/items/:itemId"],
    ]) {
      const span = await serverSpan(app, path);
      assert.equal(span.attributes["http.route"], route, path);
      assert.equal(span.name, `GET ${route}`, path);
      assert.equal(span.attributes["http.response.status_code"], 200);
    }
    const missing = await serverSpan(app, "/nothing");
    assert.equal(missing.name, "GET");
    assert.equal("http.route" in missing.attributes, false);
    assert.equal(missing.attributes["http.response.status_code"], 404);
  });
}

for (const app of ["esm", "cjs"]) {
  test(`${app}: a request answered by a hook before the handler still has its route`, async () => {
    const span = await serverSpan(app, "/secure/1");
    assert.equal(span.attributes["http.response.status_code"], 401);
    assert.equal(span.attributes["http.route"], "/secure/:id");
  });
}

test("early: without the initialization hook, a hook's early answer has no route", async () => {
  const span = await serverSpan("early", "/secure/1");
  assert.equal(span.attributes["http.response.status_code"], 401);
  assert.equal("http.route" in span.attributes, false);
});
