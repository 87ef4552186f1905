import assert from "node:assert/strict";
import { test } from "node:test";
import type { SpanRecord } from "@sonde/protocol";
import { decodeClientMessage, decodeSpan, StringTable } from "@sonde/protocol/collect";
import { CollectSession } from "./session.js";

const span = (startMs: number): SpanRecord => ({
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  parentSpanId: "",
  traceState: "",
  name: "GET /",
  kind: "server",
  startTimeUnixNano: BigInt(startMs) * 1_000_000n + 7n,
  endTimeUnixNano: BigInt(startMs) * 1_000_000n + 5_000_007n,
  statusCode: "unset",
  statusMessage: "",
  attributes: { "http.request.method": "GET" },
  events: [],
  links: [],
});

test("a span batch past the time base's reach carries the rebase its times are read against", () => {
  // What the collector does (collector/src/collect/session.ts): a batch's instant is its
  // rebase (else the base so far) plus its offset; span times are offsets from that instant.
  const t0 = 1_700_000_000_000;
  const session = new CollectSession({ "service.name": "test" }, 0n, t0);
  const strings = new StringTable();
  let baseMs = t0;
  for (const nowMs of [t0 + 1000, t0 + 2 ** 31, t0 + 2 ** 31 + 1000]) {
    const encoded = session.spanBatch([span(nowMs - 3)], nowMs);
    assert.ok(encoded);
    const { batch } = decodeClientMessage(encoded.bytes);
    assert.ok(batch);
    if (batch.define?.strings)
      strings.define(batch.define.firstStringId ?? 1, batch.define.strings);
    if (batch.rebaseUnixMs) baseMs = Number(batch.rebaseUnixMs);
    const batchNs = BigInt(baseMs + Number(batch.timeOffsetMs ?? 0)) * 1_000_000n;
    const [decoded] = (batch.spans ?? []).map((w) => decodeSpan(w, strings, batchNs));
    assert.equal(decoded.startTimeUnixNano, span(nowMs - 3).startTimeUnixNano, `at ${nowMs}`);
    assert.equal(decoded.endTimeUnixNano, span(nowMs - 3).endTimeUnixNano);
  }
  assert.equal(baseMs, t0 + 2 ** 31, "the second batch moved the base");
});
