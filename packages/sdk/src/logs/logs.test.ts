import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { logs, trace } from "@sonde/api";
import { installSdk } from "../events/testing.test-util.js";
import { configureLogging, type LoggingHandle } from "./configure.js";
import { toLogRecords } from "./records.js";

// Obtained before logging is configured: must write once it is.
const early = logs.getLogger("early", { plugin: "stripe" });

let handle: LoggingHandle | undefined;
let sdk: ReturnType<typeof installSdk> | undefined;
afterEach(() => {
  handle?.shutdown();
  sdk?.stop();
  handle = sdk = undefined;
});

function capture(options: Parameters<typeof configureLogging>[0] = {}) {
  const lines: string[] = [];
  handle = configureLogging({
    format: "json",
    exitHooks: false,
    env: {},
    destination: { write: (line: string) => lines.push(line) },
    ...options,
  });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, parsed };
}

test("loggers do nothing until logging is configured, then write (also those obtained before)", () => {
  early.info({ n: 1 }, "before"); // no backend: nothing, no throw
  assert.equal(early.isLevelEnabled("info"), false);
  const { parsed } = capture();
  early.info({ n: 2 }, "after");
  const [line] = parsed();
  assert.equal(parsed().length, 1);
  assert.equal(line.msg, "after");
  assert.equal(line.n, 2);
  assert.equal(line.logger, "early");
  assert.equal(line.plugin, "stripe");
  assert.equal(line.level, 30);
  assert.equal(typeof line.time, "number");
  assert.equal(line.trace_id, undefined);
  handle?.shutdown();
  early.info("after shutdown");
  assert.equal(parsed().length, 1);
});

test("every line inside a span carries its trace and span ids", async () => {
  const installed = installSdk();
  sdk = installed;
  const { parsed } = capture();
  const log = logs.getLogger("correlated");
  const tracer = trace.getTracer("test");
  const ids = await tracer.startActiveSpan("outer", async (outer) => {
    log.info("in outer");
    await tracer.startActiveSpan("inner", async (inner) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.warn({ k: "v" }, "in inner after await");
      inner.end();
    });
    log.info("outer again");
    outer.end();
    return [outer.spanContext(), installed.spans[0].spanId] as const;
  });
  log.info("outside");
  const lines = parsed();
  assert.deepEqual(
    lines.map((l) => [l.msg, l.trace_id, l.span_id]),
    [
      ["in outer", ids[0].traceId, ids[0].spanId],
      ["in inner after await", ids[0].traceId, ids[1]],
      ["outer again", ids[0].traceId, ids[0].spanId],
      ["outside", undefined, undefined],
    ],
  );
});

test("levels: from options and SONDE_LOG_LEVEL, changed at run time; bad values reported", () => {
  const { parsed } = capture({ env: { SONDE_LOG_LEVEL: "WARN" } });
  const log = logs.getLogger("levels");
  log.info("dropped");
  log.warn("kept");
  assert.equal(log.isLevelEnabled("info"), false);
  handle?.setLevel("debug");
  log.debug("kept too");
  log.trace("dropped too");
  assert.deepEqual(
    parsed().map((l) => [l.level, l.msg]),
    [
      [40, "kept"],
      [20, "kept too"],
    ],
  );
  assert.equal(handle?.level, "debug");
  handle?.shutdown();
  capture({ env: { SONDE_LOG_LEVEL: "loud" } });
  assert.equal(handle?.level, "info");
});

test("pathological fields never throw or hang: cut and marked", () => {
  const { parsed, lines } = capture();
  const log = logs.getLogger("pathological");
  const circular: Record<string, unknown> = { name: "loop" };
  circular.self = circular;
  let deep: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < 100_000; i++) deep = { deeper: deep };
  const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
  const long = "x".repeat(10_000_000);
  const throwing = Object.defineProperty({ ok: 1 }, "bad", {
    enumerable: true,
    get() {
      throw new Error("getter exploded");
    },
  });
  const proxy = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("no keys");
      },
    },
  );
  const error = Object.assign(new Error("with cause", { cause: circular }), { code: "E_X" });
  const started = performance.now();
  log.info({ circular }, "circular");
  log.info({ deep }, "deep");
  log.info({ wide }, "wide");
  log.info({ huge }, "huge");
  log.info({ long }, long);
  log.info({ nested: throwing }, "nested getter");
  log.info(throwing, "top-level getter");
  log.info({ proxy }, "proxy");
  log.info(proxy, "top-level proxy");
  log.error(error);
  log.info({ big: 10n ** 30n, fn: () => 1, sym: Symbol("s"), when: new Date(0) }, "odd types");
  log.info(wide, "wide top level");
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  const byMsg = new Map(parsed().map((l) => [String(l.msg).slice(0, 20), l]));
  assert.equal(parsed().length, 12);
  const c = byMsg.get("circular")?.circular as Record<string, unknown>;
  assert.deepEqual(c, { name: "loop", self: "[Circular]" });
  let d = byMsg.get("deep")?.deep as Record<string, unknown>;
  let depth = 0;
  while (typeof d === "object") {
    d = d.deeper as Record<string, unknown>;
    depth++;
  }
  assert.equal(depth, 6);
  assert.equal(d, "[Object]");
  const w = byMsg.get("wide")?.wide as Record<string, unknown>;
  assert.equal(Object.keys(w).length, 101);
  assert.equal(w["…"], "99900 more keys");
  const h = byMsg.get("huge")?.huge as unknown[];
  assert.equal(h.length, 101);
  assert.equal(h[100], "…999900 more");
  const l = byMsg.get("x".repeat(20)) as Record<string, unknown>;
  assert.equal(l.long, `${"x".repeat(8192)}…[${10_000_000 - 8192} chars]`);
  assert.equal(String(l.msg).length, 8192 + `…[${10_000_000 - 8192} chars]`.length);
  assert.deepEqual(byMsg.get("nested getter")?.nested, {
    ok: 1,
    bad: "[Throws: getter exploded]",
  });
  const top = byMsg.get("top-level getter") as Record<string, unknown>;
  assert.equal(top.bad, "[Throws: getter exploded]");
  assert.equal(top.sonde_truncated, true);
  assert.equal(byMsg.get("proxy")?.proxy, "[Throws: no keys]");
  assert.equal(byMsg.get("top-level proxy")?.sonde_truncated, true);
  const e = byMsg.get("with cause")?.err as Record<string, unknown>;
  assert.equal(e.type, "Error");
  assert.equal(e.code, "E_X");
  assert.match(String(e.stack), /^Error: with cause\n {4}at /);
  assert.deepEqual(e.cause, { name: "loop", self: "[Circular]" });
  const odd = byMsg.get("odd types") as Record<string, unknown>;
  assert.equal(odd.big, "1000000000000000000000000000000");
  assert.equal(odd.when, "1970-01-01T00:00:00.000Z");
  assert.equal(odd.sym, "Symbol(s)");
  assert.equal(Object.keys(byMsg.get("wide top level") as object).length < 110, true);
  for (const line of lines) assert.ok(line.length < 1_000_000, "every line is bounded");
});

test("the export queue holds the JSON lines; toLogRecords converts them in the batch", () => {
  sdk = installSdk();
  const { lines } = capture({ exportQueueSize: 3 });
  const log = logs.getLogger("exported", { plugin: "p" });
  const span = trace.getTracer("t").startSpan("s");
  trace.withSpan(span, () => log.error({ user: { id: 7, tags: ["a", "b"] } }, "charge failed"));
  log.info("two");
  log.info("three");
  log.info("four: dropped from the queue, still written");
  assert.equal(lines.length, 4);
  assert.equal(handle?.queue?.dropped, 1);
  const records = toLogRecords(handle?.queue?.take() ?? []);
  assert.equal(records.length, 3);
  const [first] = records;
  assert.deepEqual(
    { ...first, timeUnixNano: 0n },
    {
      timeUnixNano: 0n,
      severityNumber: 17,
      severityText: "ERROR",
      body: "charge failed",
      attributes: { plugin: "p", "user.id": 7, "user.tags": ["a", "b"] },
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
      loggerName: "exported",
    },
  );
  const now = BigInt(Date.now()) * 1_000_000n;
  assert.ok(now - first.timeUnixNano < 5_000_000_000n && first.timeUnixNano <= now);
  assert.equal(records[1].severityText, "INFO");
  assert.deepEqual(toLogRecords(["not json\n"])[0].body, "not json");
});

test("pretty format writes readable lines; json lines still go to the queue", () => {
  const { lines } = capture({ format: "pretty" });
  logs.getLogger("pretty").warn({ order: 12 }, "slow charge");
  assert.equal(lines.length, 1);
  assert.match(lines[0], /WARN.*slow charge/);
  assert.match(lines[0], /order: 12/);
  assert.equal(JSON.parse(handle?.queue?.take()[0] ?? "").msg, "slow charge");
});

test("child loggers add bindings; a file destination gets every line", async () => {
  const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "sonde-logs-"));
  try {
    const file = join(dir, "nested", "app.log");
    handle = configureLogging({ env: { SONDE_LOG_DESTINATION: file }, exitHooks: false });
    assert.equal(handle.format, "json");
    const log = logs.getLogger("files").child({ request_id: "r1" });
    for (let i = 0; i < 1000; i++) log.info({ i }, "line");
    handle.flushSync();
    const lines = readFileSync(file, "utf8").trim().split("\n");
    assert.equal(lines.length, 1000);
    assert.equal(JSON.parse(lines[999]).request_id, "r1");
    assert.equal(JSON.parse(lines[999]).i, 999);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an HTTP request or response logged as fields is summarised, not copied", async () => {
  const { createServer } = await import("node:http");
  const { parsed } = capture();
  const log = logs.getLogger("http");
  const server = createServer((req, res) => {
    log.info(req, "request");
    res.statusCode = 204;
    res.end();
    log.info(res, "response");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/charge?id=1`);
    assert.equal(response.status, 204);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const [request, reply] = parsed();
  const req = request.req as Record<string, unknown>;
  assert.equal(req.method, "GET");
  assert.equal(req.url, "/charge?id=1");
  assert.equal(req.remoteAddress, "127.0.0.1");
  assert.equal(request.socket, undefined);
  assert.equal(request.sonde_truncated, undefined);
  assert.equal((reply.res as Record<string, unknown>).statusCode, 204);
});
