import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { context, diag, ROOT_CONTEXT, trace } from "@sonde/api";
import type { SpanRecord } from "@sonde/protocol";
import { InMemoryExporter } from "../export/memory.js";
import { type SondeHandle, startSonde } from "../start.js";

const exporter = new InMemoryExporter();
const tracer = trace.getTracer("context-test", "1.2.3");
let sonde: SondeHandle;

before(() => {
  sonde = startSonde({
    serviceName: "context-test",
    exporter,
    instrumentHttp: false,
    onDiagnostic: () => {},
  });
});
after(() => sonde.shutdown());
beforeEach(() => exporter.reset());

async function finished(): Promise<Map<string, SpanRecord>> {
  await sonde.forceFlush();
  return new Map(exporter.spans().map((span) => [span.name, span]));
}

test("the active span survives await, setTimeout, setImmediate and Promise.all", async () => {
  const seen: Record<string, string | undefined> = {};
  const id = () => trace.activeSpan()?.spanContext().spanId;
  const rootId = await tracer.startActiveSpan("root", async (root) => {
    await sleep(1);
    seen.afterAwait = id();
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        seen.inTimeout = id();
        resolve();
      }, 1),
    );
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.inImmediate = id();
        resolve();
      }),
    );
    await Promise.all(
      ["a", "b"].map((name) =>
        tracer.startActiveSpan(name, async () => {
          await sleep(2);
          seen[name] = id();
        }),
      ),
    );
    seen.afterAll = id();
    return root.spanContext().spanId;
  });
  assert.equal(trace.activeSpan(), undefined, "nothing active outside");
  const spans = await finished();
  assert.deepEqual(seen, {
    afterAwait: rootId,
    inTimeout: rootId,
    inImmediate: rootId,
    a: spans.get("a")?.spanId,
    b: spans.get("b")?.spanId,
    afterAll: rootId,
  });
  assert.notEqual(spans.get("a")?.spanId, spans.get("b")?.spanId);
});

test("children link to their parent and share its trace id; roots get new traces", async () => {
  tracer.startActiveSpan("parent", (parent) => {
    tracer.startActiveSpan("child", () => {
      tracer.startSpan("grandchild").end();
    });
    tracer.startSpan("explicit-root", { parent: null }).end();
    tracer.startSpan("explicit-parent", { parent: parent.spanContext() }).end();
  });
  tracer.startSpan("sibling-root").end();
  const spans = await finished();
  const parent = spans.get("parent");
  const child = spans.get("child");
  assert.ok(parent && child);
  assert.equal(parent.parentSpanId, "");
  assert.equal(child.parentSpanId, parent.spanId);
  assert.equal(spans.get("grandchild")?.parentSpanId, child.spanId);
  assert.equal(spans.get("explicit-parent")?.parentSpanId, parent.spanId);
  for (const name of ["child", "grandchild", "explicit-parent"]) {
    assert.equal(spans.get(name)?.traceId, parent.traceId, name);
  }
  for (const name of ["explicit-root", "sibling-root"]) {
    assert.equal(spans.get(name)?.parentSpanId, "", name);
    assert.notEqual(spans.get(name)?.traceId, parent.traceId, name);
  }
  assert.match(parent.traceId, /^[0-9a-f]{32}$/);
  assert.match(parent.spanId, /^[0-9a-f]{16}$/);
  assert.equal(exporter.spanBatches[0]?.scope.name, "context-test");
  assert.equal(exporter.spanBatches[0]?.scope.version, "1.2.3");
  assert.equal(exporter.spanBatches[0]?.resource.attributes["service.name"], "context-test");
});

test("context.with and trace.withSpan run code under a span", async () => {
  const span = tracer.startSpan("outer");
  const inside = trace.withSpan(span, () => trace.activeSpan());
  const viaContext = context.with(trace.setSpan(ROOT_CONTEXT, span), () => {
    tracer.startSpan("inner").end();
    return trace.activeSpan();
  });
  span.end();
  assert.equal(inside, span);
  assert.equal(viaContext, span);
  const spans = await finished();
  assert.equal(spans.get("inner")?.parentSpanId, spans.get("outer")?.spanId);
});

test("startActiveSpan ends the span when the promise settles and records rejections", async () => {
  const failure = new TypeError("card declined");
  await assert.rejects(
    tracer.startActiveSpan("failing", async () => {
      await sleep(5);
      throw failure;
    }),
    (error) => error === failure,
  );
  assert.throws(
    () =>
      tracer.startActiveSpan("throwing", () => {
        throw new RangeError("sync");
      }),
    RangeError,
  );
  const value = tracer.startActiveSpan("sync", { attributes: { n: 1 } }, () => 42);
  assert.equal(value, 42);
  const spans = await finished();
  const failing = spans.get("failing");
  assert.ok(failing);
  assert.equal(failing.statusCode, "error");
  assert.equal(failing.statusMessage, "card declined");
  assert.ok(failing.endTimeUnixNano - failing.startTimeUnixNano >= 4_000_000n, "ended after 5 ms");
  const exception = failing.events.find((event) => event.name === "exception");
  assert.equal(exception?.attributes["exception.type"], "TypeError");
  assert.equal(exception?.attributes["exception.message"], "card declined");
  assert.match(String(exception?.attributes["exception.stacktrace"]), /card declined/);
  assert.equal(spans.get("throwing")?.statusCode, "error");
  assert.equal(spans.get("sync")?.statusCode, "unset");
  assert.deepEqual(spans.get("sync")?.attributes, { n: 1 });
});

test("span setters, status rules, events, links and limits", async () => {
  const linked = tracer.startSpan("linked");
  linked.end();
  const span = tracer.startSpan("busy", {
    kind: "producer",
    links: [{ context: linked.spanContext(), attributes: { reason: "batch" } }],
  });
  span.setAttribute("a", "x").setAttributes({ b: 2, c: [true, false] });
  span.setAttribute("bad", { nested: true } as never);
  span.addEvent("checkpoint", { step: 1 });
  span.setStatus("ok").setStatus("error", "ignored: ok is final");
  span.updateName("renamed");
  for (let i = 0; i < 200; i++) span.setAttribute(`k${i}`, i);
  span.end();
  span.setAttribute("after", "end");
  span.end();
  const spans = await finished();
  const record = spans.get("renamed");
  assert.ok(record);
  assert.equal(record.kind, "producer");
  assert.equal(record.statusCode, "ok");
  assert.equal(record.attributes.a, "x");
  assert.deepEqual(record.attributes.c, [true, false]);
  assert.equal("bad" in record.attributes, false);
  assert.equal("after" in record.attributes, false);
  assert.equal(Object.keys(record.attributes).length, 128);
  assert.deepEqual(
    record.events.map((event) => event.name),
    ["checkpoint"],
  );
  assert.deepEqual(record.links, [
    {
      traceId: linked.spanContext().traceId,
      spanId: linked.spanContext().spanId,
      attributes: { reason: "batch" },
    },
  ]);
  assert.ok(record.startTimeUnixNano <= record.endTimeUnixNano);
  const wallClockNs = BigInt(Date.now()) * 1_000_000n;
  assert.ok(record.endTimeUnixNano - wallClockNs < 1_000_000_000n, "times are UNIX nanoseconds");
  assert.equal(exporter.spans().filter((s) => s.name === "renamed").length, 1, "ended once");
  assert.equal(diag.counts().span_limit, 200 - 125, "each dropped attribute is counted");
  assert.equal(diag.counts().invalid_attribute, 1);
});
