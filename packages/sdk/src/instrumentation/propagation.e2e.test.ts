// One trace across three processes: test → a (node:http, fetch) → b (Fastify, http.request)
// → c (Express), each with its own SDK exporting over OTLP/HTTP to a real collector, read back
// through the collector's query API.
import assert from "node:assert/strict";
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

interface Collector {
  url: string;
  close(): Promise<void>;
}
type Span = Record<string, unknown>;

const SERVICE = fileURLToPath(new URL("./fixtures/hop-service.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sonde-e2e-"));
const children: ChildProcess[] = [];
let collector: Collector;

/** Starts one service and resolves with its base URL once it listens. */
async function startService(role: string, next?: string): Promise<string> {
  const child = fork(SERVICE, next ? [role, next] : [role], {
    env: { ...process.env, SONDE_ENDPOINT: collector.url },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const [message] = (await Promise.race([
    once(child, "message"),
    once(child, "exit").then(([code]) => {
      throw new Error(`service ${role} exited with ${code} before listening`);
    }),
  ])) as [{ port: number }];
  return `http://127.0.0.1:${message.port}`;
}

before(async () => {
  // The built collector, imported by name at run time only: the SDK does not depend on it.
  const name = "@sonde/collector";
  const { startCollector } = (await import(name)) as {
    startCollector(options: { httpPort: number; storage: string }): Promise<Collector>;
  };
  collector = await startCollector({ httpPort: 0, storage: join(dir, "e2e.duckdb") });
});
after(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      child.send("stop");
      await once(child, "exit");
    }),
  );
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls the collector until the trace has `count` spans (or 10 s passed). */
async function traceSpans(traceId: string, count: number): Promise<Span[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const child of children) {
      if (child.exitCode !== null) throw new Error(`a service exited with ${child.exitCode}`);
      child.send("flush");
      await Promise.race([once(child, "message"), once(child, "exit")]);
    }
    const res = await fetch(`${collector.url}/api/traces/${traceId}`);
    const spans = res.ok ? ((await res.json()) as { spans: Span[] }).spans : [];
    if (spans.length >= count || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a → b → c: one trace with the right parents and routes; baggage reaches c", {
  timeout: 60_000,
}, async () => {
  const c = await startService("c");
  const b = await startService("b", c);
  const a = await startService("a", b);
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const callerSpanId = "00f067aa0ba902b7";
  const res = await fetch(`${a}/start`, {
    headers: {
      traceparent: `00-${traceId}-${callerSpanId}-01`,
      baggage: "tenant=acme,user=alice%20b;pii",
    },
  });
  assert.equal(res.status, 200);
  const answer = (await res.json()) as { service: string; baggage: unknown };
  assert.deepEqual(answer, {
    service: "c",
    baggage: [
      ["tenant", { value: "acme" }],
      ["user", { value: "alice b", metadata: "pii" }],
      ["via", { value: "b" }],
    ],
  });

  const spans = await traceSpans(traceId, 5);
  const find = (service: string, kind: string) => {
    const found = spans.filter((s) => s["service.name"] === service && s.kind === kind);
    assert.equal(found.length, 1, `one ${kind} span of ${service}: ${JSON.stringify(spans)}`);
    return found[0];
  };
  const aServer = find("hop-a", "server");
  const aClient = find("hop-a", "client");
  const bServer = find("hop-b", "server");
  const bClient = find("hop-b", "client");
  const cServer = find("hop-c", "server");
  assert.equal(spans.length, 5);
  assert.ok(spans.every((span) => span.trace_id === traceId));
  // Parents: the caller's span, then each hop's client span.
  assert.equal(aServer.parent_span_id, callerSpanId);
  assert.equal(aClient.parent_span_id, aServer.span_id);
  assert.equal(bServer.parent_span_id, aClient.span_id);
  assert.equal(bClient.parent_span_id, bServer.span_id);
  assert.equal(cServer.parent_span_id, bClient.span_id);
  // Names and routes (OpenTelemetry HTTP semantic conventions).
  assert.equal(aServer.name, "GET");
  assert.equal(aServer["url.path"], "/start");
  assert.equal(aClient["url.full"], `${b}/b/42`);
  assert.equal(bServer.name, "GET /b/:id");
  assert.equal(bServer["http.route"], "/b/:id");
  assert.equal(bClient["url.full"], `${c}/c/alice`);
  assert.equal(cServer.name, "GET /c/:name");
  assert.equal(cServer["http.route"], "/c/:name");
  for (const span of [aServer, aClient, bServer, bClient, cServer]) {
    assert.equal(span["http.response.status_code"], 200, String(span.name));
    assert.equal(span.status_code, "unset", String(span.name));
  }
});
