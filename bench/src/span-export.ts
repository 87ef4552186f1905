// Span export encoding (issue 4): the bytes an exporter sends for a batch of 512 HTTP server
// spans (the attributes Sonde's and OpenTelemetry's HTTP instrumentations record: method, path,
// scheme, server address and port, protocol version, user agent, client address, status
// code), encoded by Sonde as OTLP/HTTP protobuf (`encodeTraceRequest`) and in the Sonde
// collection protocol (`CollectSession.spanBatch`: interned strings, a batch of a running
// session), against OpenTelemetry JS's OTLP protobuf serializer
// (`ProtobufTraceSerializer.serializeRequest` of @opentelemetry/otlp-transformer, what
// @opentelemetry/exporter-trace-otlp-proto sends) over the same spans recorded by
// @opentelemetry/sdk-trace-base. Cases alternate within each round; medians of ns per span.
// Checks: both OTLP bodies decode (with Sonde's decoder) to 512 spans with the same attributes.
//
//   node bench/dist/span-export.js [rounds=15] [batches-per-round=20]
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import {
  BasicTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { trace } from "@sonde/api";
import { decodeTraceRequest, encodeTraceRequest, type ResourceSpansRecord } from "@sonde/protocol";
import { CollectSession, startSonde } from "@sonde/sdk";

const rounds = Number(process.argv[2] ?? 15);
const perRound = Number(process.argv[3] ?? 20);
const SPANS = 512;
const attributes = {
  "http.request.method": "GET",
  "url.path": "/",
  "url.scheme": "http",
  "server.address": "127.0.0.1",
  "server.port": 41235,
  "network.protocol.version": "1.1",
  "user_agent.original": "autocannon/7.15.0",
  "client.address": "127.0.0.1",
};

// Sonde: spans recorded by the SDK, as its batcher hands them to an exporter.
let sondeBatches: ResourceSpansRecord[] = [];
const ok = async () => ({ ok: true as const });
const sonde = startSonde({
  serviceName: "bench",
  defaultMetrics: false,
  instrumentHttp: false,
  exporter: {
    async exportSpans(batches) {
      sondeBatches = sondeBatches.concat(batches);
      return { ok: true };
    },
    exportMetrics: ok,
    shutdown: async () => {},
  },
});
const sondeTracer = trace.getTracer("@sonde/sdk/http");
for (let i = 0; i < SPANS; i++) {
  const span = sondeTracer.startSpan("GET", { kind: "server", attributes });
  span.setAttribute("http.response.status_code", 200);
  span.end();
}
await sonde.forceFlush();
const sondeSpans = sondeBatches.flatMap((batch) => batch.spans);

// OpenTelemetry: the same spans from sdk-trace-base.
const otelSpans: ReadableSpan[] = [];
const collect: SpanExporter = {
  export(spans, done) {
    otelSpans.push(...spans);
    done({ code: 0 });
  },
  shutdown: async () => {},
};
const otelTracer = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(collect)],
}).getTracer("bench");
for (let i = 0; i < SPANS; i++) {
  const span = otelTracer.startSpan("GET", { kind: 1, attributes });
  span.setAttribute("http.response.status_code", 200);
  span.end();
}

const session = new CollectSession({ "service.name": "bench" }, 0n);
const cases: {
  name: string;
  encode: () => Uint8Array | undefined;
  times: number[];
  bytes: number;
}[] = [
  {
    name: "OpenTelemetry `ProtobufTraceSerializer` (OTLP)",
    encode: () => ProtobufTraceSerializer.serializeRequest(otelSpans),
    times: [],
    bytes: 0,
  },
  {
    name: "Sonde `encodeTraceRequest` (OTLP)",
    encode: () => encodeTraceRequest(sondeBatches),
    times: [],
    bytes: 0,
  },
  {
    name: "Sonde `CollectSession.spanBatch` (Sonde protocol)",
    encode: () => session.spanBatch(sondeSpans)?.bytes,
    times: [],
    bytes: 0,
  },
];

// Checks: both OTLP bodies carry the 512 spans and their attributes.
let failed = false;
for (const c of cases.slice(0, 2)) {
  const body = c.encode();
  const spans = body === undefined ? [] : decodeTraceRequest(body).flatMap((b) => b.spans);
  const port = spans.filter((s) => s.attributes["server.port"] === 41235).length;
  if (spans.length !== SPANS || port !== SPANS) {
    console.error(`check failed: ${c.name} decoded ${spans.length} spans, ${port} with the port`);
    failed = true;
  }
}

for (let i = 0; i < 50; i++) for (const c of cases) c.encode();
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...cases].reverse() : cases;
  for (const c of order) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) c.bytes = c.encode()?.length ?? 0;
    c.times.push(Number(process.hrtime.bigint() - start) / perRound / SPANS);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

const peer = median(cases[0].times);
console.log(
  `Command: \`node bench/dist/span-export.js ${rounds} ${perRound}\` (${process.version}; batches of ${SPANS} HTTP server spans, 9 attributes; medians of ${rounds} rounds)`,
);
console.log("");
console.log("| encoder | ns/span | vs OpenTelemetry | bytes/span |");
console.log("| :-- | --: | --: | --: |");
for (const c of cases) {
  const ns = median(c.times);
  console.log(
    `| ${c.name} | ${ns.toFixed(0)} | ${(ns / peer).toFixed(2)}× | ${(c.bytes / SPANS).toFixed(0)} |`,
  );
}
await sonde.shutdown();
process.exit(failed ? 1 : 0);
