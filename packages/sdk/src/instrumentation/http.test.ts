import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import http, {
  type ClientRequest,
  createServer,
  type IncomingMessage,
  request,
  type Server,
} from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { context, createContextKey, ROOT_CONTEXT, trace } from "@sonde/api";
import type { SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";
import { patchEmitContext, setEmitContext } from "./emit-context.js";
import { HTTP_SCOPE } from "./http.js";
import { setHttpRoute } from "./http-server.js";

const originalRequest = http.request;
const originalGet = http.get;
const originalHttpsRequest = https.request;
const exporter = new InMemoryExporter();
const tracer = trace.getTracer("http-test");
let sonde: SondeHandle;
let server: Server;
let port: number;
/** Responses of /poll, ended by a loop started outside any request. */
const waiting: http.ServerResponse[] = [];

/** Answers by path: /status/<code>, /route (names its route), /nested (calls /status/200). */
function handle(req: IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? "/";
  tracer.startSpan("handler-work").end();
  if (path.startsWith("/status/")) {
    res.statusCode = Number(path.slice("/status/".length));
    res.end("done");
  } else if (path === "/route/42") {
    setHttpRoute("/route/:id");
    res.end("routed");
  } else if (path === "/body") {
    // The body's events come from the connection's context: the server span must be active.
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      tracer.startSpan("after-body").end();
      res.end(body);
    });
  } else if (path === "/poll") {
    // Long polling: the response is ended later by a loop outside any request, yet its
    // listeners must run with this request's server span active.
    res.on("finish", () => tracer.startSpan("after-finish").end());
    waiting.push(res);
  } else if (path === "/nested") {
    // Called after an await-free hop through a callback: the server span must still be active.
    setTimeout(() => {
      call(request, `/status/200`).then(() => res.end("nested"));
    }, 1);
  } else {
    res.statusCode = 404;
    res.end();
  }
}

before(async () => {
  setInterval(() => {
    for (const res of waiting.splice(0)) res.end("polled");
  }, 2).unref();
  sonde = startSonde({ serviceName: "http-test", exporter, onDiagnostic: () => {} });
  // Created with the named import, after startSonde: the prototype patch covers it.
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sonde.shutdown();
});
beforeEach(() => exporter.reset());

type RequestFn = (
  options: http.RequestOptions,
  cb: (res: IncomingMessage) => void,
) => ClientRequest;

/** Makes a request with `fn` (`request` or `get`) and resolves with status and body. */
function call(fn: RequestFn, path: string, end = true): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = fn(
      { host: "127.0.0.1", port, path, headers: { "user-agent": "sonde-test" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    if (end) req.end();
  });
}

/** Waits until `count` spans of the HTTP scope have been exported. */
async function httpSpans(count: number): Promise<SpanRecord[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    await sonde.forceFlush();
    const spans = exporter.spanBatches
      .filter((batch) => batch.scope.name === HTTP_SCOPE)
      .flatMap((batch) => batch.spans);
    if (spans.length >= count || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function only(spans: SpanRecord[], kind: SpanRecord["kind"]): SpanRecord {
  const matching = spans.filter((span) => span.kind === kind);
  assert.equal(matching.length, 1, `one ${kind} span`);
  return matching[0];
}

test("named imports: one client and one server span, linked through traceparent", async () => {
  const callerId = await tracer.startActiveSpan("caller", async (span) => {
    assert.deepEqual(await call(request, "/status/200"), { status: 200, body: "done" });
    return span.spanContext().spanId;
  });
  const spans = await httpSpans(2);
  assert.equal(spans.length, 2);
  const client = only(spans, "client");
  const serverSpan = only(spans, "server");
  assert.equal(client.parentSpanId, callerId);
  assert.equal(serverSpan.parentSpanId, client.spanId);
  assert.equal(serverSpan.traceId, client.traceId);
  assert.equal(serverSpan.name, "GET");
  assert.deepEqual(serverSpan.attributes, {
    "http.request.method": "GET",
    "url.path": "/status/200",
    "url.scheme": "http",
    "server.address": "127.0.0.1",
    "server.port": port,
    "network.protocol.version": "1.1",
    "user_agent.original": "sonde-test",
    "client.address": "127.0.0.1",
    "http.response.status_code": 200,
  });
  assert.equal(serverSpan.statusCode, "unset");
  assert.equal(client.name, "GET");
  assert.deepEqual(client.attributes, {
    "http.request.method": "GET",
    "url.full": `http://127.0.0.1:${port}/status/200`,
    "server.address": "127.0.0.1",
    "server.port": port,
    "http.response.status_code": 200,
  });
  assert.equal(client.statusCode, "unset");
  assert.ok(client.startTimeUnixNano <= serverSpan.startTimeUnixNano);
  assert.ok(client.endTimeUnixNano >= serverSpan.endTimeUnixNano);
  const work = exporter.spans().find((span) => span.name === "handler-work");
  assert.equal(work?.parentSpanId, serverSpan.spanId, "handlers run with the server span active");
});

test("5xx is an error on both sides; 4xx only on the client", async () => {
  assert.equal((await call(request, "/status/503")).status, 503);
  let spans = await httpSpans(2);
  assert.equal(only(spans, "server").statusCode, "error");
  assert.equal(only(spans, "server").attributes["http.response.status_code"], 503);
  assert.equal(only(spans, "client").statusCode, "error");
  exporter.reset();
  assert.equal((await call(request, "/missing")).status, 404);
  spans = await httpSpans(2);
  assert.equal(only(spans, "server").statusCode, "unset");
  assert.equal(only(spans, "client").statusCode, "error");
});

test("default import: http.get and http.request are traced too", async () => {
  await call(http.get, "/status/201", false);
  await call(http.request, "/status/202");
  const spans = await httpSpans(4);
  assert.equal(spans.length, 4);
  const clients = spans.filter((span) => span.kind === "client");
  const servers = spans.filter((span) => span.kind === "server");
  assert.deepEqual(
    servers.map((span) => span.attributes["http.response.status_code"]).sort(),
    [201, 202],
  );
  for (const serverSpan of servers) {
    assert.ok(clients.some((client) => client.spanId === serverSpan.parentSpanId));
  }
});

test("a handler's outgoing request is a child of the server span", async () => {
  assert.equal((await call(request, "/nested")).body, "nested");
  const spans = await httpSpans(4);
  const outerServer = spans.find(
    (s) => s.kind === "server" && s.attributes["url.path"] === "/nested",
  );
  const innerClient = spans.find(
    (s) =>
      s.kind === "client" && s.attributes["url.full"] === `http://127.0.0.1:${port}/status/200`,
  );
  assert.ok(outerServer && innerClient);
  assert.equal(innerClient.parentSpanId, outerServer.spanId);
  assert.equal(new Set(spans.map((span) => span.traceId)).size, 1, "one trace");
});

test("listeners on the request (body data/end) run with the server span active", async () => {
  const sent = await new Promise<string>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/body", method: "POST" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.write("hello ");
    setTimeout(() => req.end("world"), 5);
  });
  assert.equal(sent, "hello world");
  const serverSpan = only(await httpSpans(2), "server");
  const afterBody = exporter.spans().find((span) => span.name === "after-body");
  assert.equal(afterBody?.parentSpanId, serverSpan.spanId);
});

test("listeners on the response (finish) run with the server span active", async () => {
  assert.equal((await call(request, "/poll")).body, "polled");
  const serverSpan = only(await httpSpans(2), "server");
  const afterFinish = exporter.spans().find((span) => span.name === "after-finish");
  assert.equal(afterFinish?.parentSpanId, serverSpan.spanId);
});

test("setHttpRoute names the server span after the route", async () => {
  await call(request, "/route/42");
  const serverSpan = only(await httpSpans(2), "server");
  assert.equal(serverSpan.name, "GET /route/:id");
  assert.equal(serverSpan.attributes["http.route"], "/route/:id");
});

test("the server span continues a traceparent sent by any client", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const socket = net.connect(port, "127.0.0.1");
  socket.write(
    "GET /status/200 HTTP/1.1\r\nHost: example.test:8080\r\n" +
      `traceparent: 00-${traceId}-00f067aa0ba902b7-01\r\nConnection: close\r\n\r\n`,
  );
  socket.resume();
  await new Promise((resolve) => socket.on("close", resolve));
  const serverSpan = only(await httpSpans(1), "server");
  assert.equal(serverSpan.traceId, traceId);
  assert.equal(serverSpan.parentSpanId, "00f067aa0ba902b7");
  assert.equal(serverSpan.attributes["server.address"], "example.test");
  assert.equal(serverSpan.attributes["server.port"], 8080);
  assert.equal("user_agent.original" in serverSpan.attributes, false);
});

test("incoming headers are read whatever their case; a duplicated traceparent is invalid", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const send = async (headers: string) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.write(`GET /status/200 HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);
    socket.resume();
    await new Promise((resolve) => socket.on("close", resolve));
  };
  await send(
    `HOST: [::1]:9000\r\nTraceParent: 00-${traceId}-00f067aa0ba902b7-01\r\n` +
      "TRACESTATE: a=1\r\ntracestate: b=2\r\nUser-Agent: probe/1\r\n",
  );
  const serverSpan = only(await httpSpans(1), "server");
  assert.equal(serverSpan.traceId, traceId);
  assert.equal(serverSpan.parentSpanId, "00f067aa0ba902b7");
  assert.equal(serverSpan.traceState, "a=1,b=2");
  assert.equal(serverSpan.attributes["server.address"], "::1");
  assert.equal(serverSpan.attributes["server.port"], 9000);
  assert.equal(serverSpan.attributes["user_agent.original"], "probe/1");
  // Two traceparent lines are joined (as request.headers joins them) and so rejected.
  exporter.reset();
  await send(
    `Host: x\r\ntraceparent: 00-${traceId}-00f067aa0ba902b7-01\r\n` +
      `traceparent: 00-${traceId}-00f067aa0ba902b8-01\r\n`,
  );
  const fresh = only(await httpSpans(1), "server");
  assert.notEqual(fresh.traceId, traceId);
  assert.equal(fresh.parentSpanId, "");
});

test("requests on one keep-alive connection each get their own host, status and client", async () => {
  const socket = net.connect(port, "127.0.0.1");
  const get = (path: string, host: string, last = false) =>
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${last ? "Connection: close\r\n" : ""}\r\n`;
  socket.write(
    get("/status/201", "a.test:8080") +
      get("/status/404", "b.test") +
      get("/status/503", "bad:80x") + // not a port: the socket's own address instead
      get("/status/202", "a.test:8080", true),
  );
  socket.resume();
  await new Promise((resolve) => socket.on("close", resolve));
  const servers = (await httpSpans(4)).filter((span) => span.kind === "server");
  const byStatus = new Map(
    servers.map((span) => [span.attributes["http.response.status_code"], span]),
  );
  assert.equal(byStatus.size, 4);
  const expected: [number, string, number, string][] = [
    [201, "a.test", 8080, "unset"],
    [404, "b.test", 80, "unset"],
    [503, "127.0.0.1", port, "error"],
    [202, "a.test", 8080, "unset"],
  ];
  for (const [status, address, serverPort, statusCode] of expected) {
    const span = byStatus.get(status);
    assert.ok(span, `a server span with status ${status}`);
    assert.equal(span.attributes["server.address"], address);
    assert.equal(span.attributes["server.port"], serverPort);
    assert.equal(span.attributes["client.address"], "127.0.0.1");
    assert.equal(span.attributes["url.path"], `/status/${status}`);
    assert.equal(span.statusCode, statusCode);
  }
});

test("patched emitters pass every argument as given, in the object's context", () => {
  class Emitter extends EventEmitter {}
  const key = createContextKey("emit-test");
  let closed: unknown;
  const undo = patchEmitContext(Emitter.prototype, (_target, ctx) => {
    closed = ctx.getValue(key);
  });
  try {
    const emitter = new Emitter();
    setEmitContext(emitter, ROOT_CONTEXT.setValue(key, "mine"));
    const seen: [unknown[], unknown][] = [];
    emitter.on("event", (...args: unknown[]) => {
      seen.push([args, context.active().getValue(key)]);
    });
    emitter.emit("event");
    emitter.emit("event", undefined);
    emitter.emit("event", 1, 2);
    emitter.emit("event", 1, 2, 3, 4);
    assert.deepEqual(seen, [
      [[], "mine"],
      [[undefined], "mine"],
      [[1, 2], "mine"],
      [[1, 2, 3, 4], "mine"],
    ]);
    assert.equal(emitter.emit("close"), false, "no listener");
    assert.equal(closed, "mine");
    // Objects without a context emit as before.
    const plain = new Emitter();
    plain.on("event", () => seen.push([[], context.active().getValue(key)]));
    assert.equal(plain.emit("event"), true);
    assert.deepEqual(seen.at(-1), [[], undefined]);
  } finally {
    undo();
  }
});

test("a socket error ends the client span with error status; the caller still sees it", async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const deadPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const error = await new Promise<Error>((resolve) => {
    const req = request({ host: "127.0.0.1", port: deadPort, path: "/x" });
    req.on("error", resolve);
    req.end();
  });
  assert.equal((error as NodeJS.ErrnoException).code, "ECONNREFUSED");
  const client = only(await httpSpans(1), "client");
  assert.equal(client.statusCode, "error");
  assert.equal(client.attributes["error.type"], "ECONNREFUSED");
  assert.equal(client.events[0]?.name, "exception");
});

test("shutdown removes the instrumentation, named imports included", async () => {
  assert.notEqual(https.request, originalHttpsRequest, "https is instrumented too");
  assert.equal(Object.hasOwn(https.Server.prototype, "emit"), true);
  await sonde.shutdown();
  assert.equal(https.request, originalHttpsRequest);
  assert.equal(Object.hasOwn(https.Server.prototype, "emit"), false);
  assert.equal(http.request, originalRequest);
  assert.equal(request, originalRequest);
  assert.equal(http.get, originalGet);
  assert.equal(Object.hasOwn(http.Server.prototype, "emit"), false);
  assert.equal(Object.hasOwn(http.IncomingMessage.prototype, "emit"), false);
  assert.equal(Object.hasOwn(http.ServerResponse.prototype, "emit"), false);
  exporter.reset();
  await call(request, "/status/200");
  await sonde.forceFlush();
  assert.deepEqual(exporter.spans(), []);
});
