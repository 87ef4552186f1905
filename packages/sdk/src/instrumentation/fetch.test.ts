import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { context, propagation, trace } from "@sonde/api";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { suppressTracing } from "../trace/context-manager.js";
import { HTTP_SCOPE } from "./http.js";
import { FETCH_SCOPE } from "./instrument.js";
import { exportedSpans, onlyOfKind } from "./spans.test-util.js";

const exporter = new InMemoryExporter();
const tracer = trace.getTracer("fetch-test");
const SCOPES = [FETCH_SCOPE, HTTP_SCOPE];
let sonde: SondeHandle;
let server: Server;
let base: string;
/** Headers and baggage seen by the server for the last request. */
let received: { headers: IncomingHttpHeaders; baggage: unknown };

before(async () => {
  sonde = startSonde({ serviceName: "fetch-test", exporter, onDiagnostic: () => {} });
  server = createServer((req, res) => {
    received = {
      headers: req.headers,
      baggage: propagation.getBaggage()?.getAllEntries() ?? null,
    };
    res.statusCode = Number(new URL(req.url ?? "/", "http://x").searchParams.get("status") ?? 200);
    res.end("body");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await sonde.shutdown();
});
beforeEach(() => exporter.reset());

test("fetch gets a client span; traceparent and baggage reach the server", async () => {
  const callerId = await tracer.startActiveSpan("caller", async (span) => {
    const ctx = propagation.setBaggage(
      context.active(),
      propagation.createBaggage({ tenant: "acme corp" }),
    );
    const res = await context.with(ctx, () => fetch(`${base}/items/7?q=1`));
    assert.equal(await res.text(), "body");
    return span.spanContext().spanId;
  });
  const spans = await exportedSpans(sonde, exporter, 2, SCOPES);
  const client = onlyOfKind(spans, "client");
  const serverSpan = onlyOfKind(spans, "server");
  assert.equal(client.name, "GET");
  assert.equal(client.parentSpanId, callerId);
  assert.deepEqual(client.attributes, {
    "http.request.method": "GET",
    "url.full": `${base}/items/7?q=1`,
    "server.address": "127.0.0.1",
    "server.port": Number(new URL(base).port),
    "http.response.status_code": 200,
  });
  assert.equal(client.statusCode, "unset");
  assert.equal(serverSpan.parentSpanId, client.spanId);
  assert.equal(serverSpan.traceId, client.traceId);
  assert.equal(received.headers.traceparent, `00-${client.traceId}-${client.spanId}-01`);
  assert.equal(received.headers.baggage, "tenant=acme%20corp");
  assert.deepEqual(received.baggage, [["tenant", { value: "acme corp" }]]);
  assert.ok(client.endTimeUnixNano >= client.startTimeUnixNano);
});

test("POST with a Request object, a body and unknown method names", async () => {
  const res = await fetch(new Request(`${base}/post`, { method: "POST", body: "hello" }));
  await res.arrayBuffer();
  await fetch(`${base}/custom`, { method: "PURGE" }).then((r) => r.arrayBuffer());
  const clients = (await exportedSpans(sonde, exporter, 4, SCOPES)).filter(
    (span) => span.kind === "client",
  );
  assert.deepEqual(
    clients.map((span) => [span.name, span.attributes["http.request.method"]]),
    [
      ["POST", "POST"],
      ["HTTP", "_OTHER"],
    ],
  );
  assert.equal(clients[1].attributes["http.request.method_original"], "PURGE");
});

test("4xx and 5xx answers are client errors with error.type", async () => {
  await fetch(`${base}/x?status=404`).then((r) => r.arrayBuffer());
  const client = onlyOfKind(await exportedSpans(sonde, exporter, 2, SCOPES), "client");
  assert.equal(client.statusCode, "error");
  assert.equal(client.attributes["http.response.status_code"], 404);
  assert.equal(client.attributes["error.type"], "404");
});

test("a refused connection ends the span with the error; fetch still rejects", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`), TypeError);
  const client = onlyOfKind(await exportedSpans(sonde, exporter, 1, SCOPES), "client");
  assert.equal(client.statusCode, "error");
  assert.equal(client.attributes["error.type"], "ECONNREFUSED");
  assert.equal(client.events[0]?.name, "exception");
});

test("headers set by the caller win; suppressed requests are not traced", async () => {
  const own = "00-11111111111111111111111111111111-2222222222222222-01";
  await fetch(`${base}/own`, { headers: { TraceParent: own } }).then((r) => r.arrayBuffer());
  assert.equal(received.headers.traceparent, own, "one traceparent, the caller's");
  await context.with(suppressTracing(context.active()), () =>
    fetch(`${base}/quiet`).then((r) => r.arrayBuffer()),
  );
  assert.equal(received.headers.traceparent, undefined);
  const spans = await exportedSpans(sonde, exporter, 3, SCOPES);
  assert.equal(spans.filter((span) => span.kind === "client").length, 1, "only /own");
});

test("shutdown stops tracing fetch", async () => {
  await sonde.shutdown();
  await fetch(`${base}/after`).then((r) => r.arrayBuffer());
  assert.equal(received.headers.traceparent, undefined);
  await sonde.forceFlush();
  assert.deepEqual(exporter.spans(), []);
});
