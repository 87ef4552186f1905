// Protobuf code generation for the Sonde collection protocol (issue 5 §1: "buf or protobufjs —
// pick by measured decode speed"): decode and encode time of one representative batch with
// protobufjs static code (pbjs -t static-module), protobufjs reflection (loadSync) and
// @bufbuild/protobuf v2 (protoc-gen-es output, and a registry built at run time).
// Usage: node bench/dist/protobuf-codegen.js [rounds=15] [ms-per-round=100]
//
// The code is generated into bench/dist/codegen/ (not in the repository) by this script:
//   pbjs -t static-module -w es6 --no-comments --no-service -o batch_static.js batch.proto
//   protoc-gen-es (target=js, import_extension=js) fed a CodeGeneratorRequest whose file
//   descriptors come from protobufjs' descriptor extension (`root.toDescriptor("proto3")`),
//   since the buf CLI's platform binaries are not in the registry mirror.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  create,
  createFileRegistry,
  type DescMessage,
  fromBinary,
  type Message,
  toBinary,
} from "@bufbuild/protobuf";
import {
  CodeGeneratorRequestSchema,
  CodeGeneratorResponseSchema,
  FileDescriptorSetSchema,
} from "@bufbuild/protobuf/wkt";
import protobuf from "protobufjs";
import descriptor from "protobufjs/ext/descriptor/index.js";
import { collectionWorkload } from "./workload/collection-workload.js";

const rounds = Number(process.argv[2] ?? 15);
const msPerRound = Number(process.argv[3] ?? 100);

// The batch as the final schema is planned: changed series as sorted id gaps, values as packed
// columns, span strings as references into the connection's string table.
const PROTO = `syntax = "proto3";
package sonde.bench.v1;

message Batch {
  uint64 seq = 1;
  sint32 time_offset_us = 2;
  repeated string strings = 3;
  repeated uint32 series_gaps = 4;
  repeated sint64 int_deltas = 5;
  repeated double doubles = 6;
  repeated uint32 bucket_counts = 7;
  repeated uint32 bucket_deltas = 8;
  repeated Span spans = 9;
}

message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 3;
  uint32 name = 4;
  uint32 kind = 5;
  sint64 start_offset_us = 6;
  uint64 duration_ns = 7;
  uint32 status_code = 8;
  repeated Attribute attributes = 9;
}

message Attribute {
  uint32 key = 1;
  oneof value {
    uint32 string_value = 2;
    sint64 int_value = 3;
    double double_value = 4;
    bool bool_value = 5;
  }
}
`;

interface DescriptorSet {
  file: { name: string; package: string; messageType: { field: { typeName?: string }[] }[] }[];
}

const out = join(dirname(fileURLToPath(import.meta.url)), "codegen");
const protoPath = join(out, "batch.proto");
mkdirSync(out, { recursive: true });
writeFileSync(protoPath, PROTO);
const require = createRequire(import.meta.url);
/** A package's version (these packages let their package.json be resolved). */
const version = (pkg: string): string =>
  JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;
const bin = (pkg: string, path: string) =>
  join(dirname(require.resolve(`${pkg}/package.json`)), path);

// protobufjs static code.
const staticArgs = ["-t", "static-module", "-w", "es6", "--no-comments", "--no-service"];
execFileSync(process.execPath, [
  bin("protobufjs-cli", "bin/pbjs"),
  ...staticArgs,
  "-o",
  join(out, "batch_static.js"),
  protoPath,
]);

// protoc-gen-es, fed file descriptors from protobufjs (type names made fully qualified, as
// protoc writes them; protobufjs' extension leaves them relative).
const root = protobuf.loadSync(protoPath);
// The extension adds Root#toDescriptor and exports the descriptor types; its typings are empty.
const { FileDescriptorSet } = descriptor as unknown as {
  FileDescriptorSet: { encode(set: unknown): { finish(): Uint8Array } };
};
const set = (root as unknown as { toDescriptor(syntax: string): DescriptorSet }).toDescriptor(
  "proto3",
);
for (const file of set.file) {
  file.name = "batch.proto";
  for (const message of file.messageType) {
    for (const field of message.field) {
      if (field.typeName) field.typeName = `.${file.package}.${field.typeName}`;
    }
  }
}
const files = fromBinary(FileDescriptorSetSchema, FileDescriptorSet.encode(set).finish());
const generated = fromBinary(
  CodeGeneratorResponseSchema,
  execFileSync(process.execPath, [bin("@bufbuild/protoc-gen-es", "bin/protoc-gen-es")], {
    input: toBinary(
      CodeGeneratorRequestSchema,
      create(CodeGeneratorRequestSchema, {
        fileToGenerate: ["batch.proto"],
        parameter: "target=js,import_extension=js",
        protoFile: files.file,
      }),
    ),
  }),
);
if (generated.error) throw new Error(`protoc-gen-es: ${generated.error}`);
for (const file of generated.file) writeFileSync(join(out, file.name), file.content);

interface ProtobufjsType {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  fromObject(object: object): object;
}
const staticRoot = await import(pathToFileURL(join(out, "batch_static.js")).href);
const StaticBatch = staticRoot.sonde.bench.v1.Batch as ProtobufjsType;
const ReflectBatch = root.lookupType("sonde.bench.v1.Batch") as unknown as ProtobufjsType;
const BufGenerated = (await import(pathToFileURL(join(out, "batch_pb.js")).href))
  .BatchSchema as DescMessage;
const BufRuntime = createFileRegistry(files).getMessage("sonde.bench.v1.Batch") as DescMessage;

// Representative batches from the collection workload: one interval's 100 changed series
// (90 int deltas, 10 distributions with sum/min/max and bucket deltas) plus 50 spans of 6
// attributes whose strings are table references, and 5 new strings.
const workload = collectionWorkload({ intervals: 16 });
let seed = 1;
const byte = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed >>> 24;
};
const id = (n: number) => Uint8Array.from({ length: n }, byte);
const batches = workload.intervals.map((interval) => {
  const seriesGaps: number[] = [];
  const intDeltas: number[] = [];
  const doubles: number[] = [];
  const bucketCounts: number[] = [];
  const bucketDeltas: number[] = [];
  let previous = 0;
  for (const change of interval.changes) {
    seriesGaps.push(change.series - previous);
    previous = change.series;
    const bounds = workload.series[change.series].metric.bounds;
    if (bounds.length === 0) {
      intDeltas.push(change.delta);
      continue;
    }
    const obs = change.observations;
    doubles.push(
      obs.reduce((a, b) => a + b, 0),
      Math.min(...obs),
      Math.max(...obs),
    );
    const buckets = obs.map((v) => bounds.findIndex((b) => v <= b)).sort((a, b) => a - b);
    let last = 0;
    const pairs: number[] = [];
    for (const b of buckets) {
      const bucket = b < 0 ? bounds.length : b;
      if (pairs.length > 0 && bucket === last) pairs[pairs.length - 1]++;
      else pairs.push(bucket - last, 1);
      last = bucket;
    }
    bucketCounts.push(pairs.length / 2);
    bucketDeltas.push(...pairs);
  }
  const spans = Array.from({ length: 50 }, (_, i) => ({
    traceId: id(16),
    spanId: id(8),
    parentSpanId: i % 5 === 0 ? new Uint8Array(0) : id(8),
    name: 1 + (i % 12),
    kind: 1 + (i % 2),
    startOffsetUs: -1_000_000 + i * 17_000,
    durationNs: 200_000 + byte() * 100_000,
    statusCode: i % 25 === 0 ? 2 : 0,
    attributes: [
      { key: 20, stringValue: 21 + (i % 20) },
      { key: 41, stringValue: 42 + (i % 5) },
      { key: 47, intValue: i % 25 === 0 ? 500 : 200 },
      { key: 48, stringValue: 100 + byte() },
      { key: 49, intValue: byte() * 37 },
      { key: 50, boolValue: i % 3 === 0 },
    ],
  }));
  return {
    seq: 1000 + interval.index,
    timeOffsetUs: (interval.index + 1) * 1_000_000,
    strings: Array.from({ length: 5 }, (_, i) => `user-${interval.index}-${i}`),
    seriesGaps,
    intDeltas,
    doubles,
    bucketCounts,
    bucketDeltas,
    spans,
  };
});

/** The same batch in @bufbuild/protobuf's shape: int64 as bigint, oneofs as `{ case, value }`. */
function bufInit(batch: Batch) {
  return {
    ...batch,
    seq: BigInt(batch.seq),
    intDeltas: batch.intDeltas.map(BigInt),
    spans: batch.spans.map((span) => ({
      ...span,
      startOffsetUs: BigInt(span.startOffsetUs),
      durationNs: BigInt(span.durationNs),
      attributes: span.attributes.map(({ key, ...value }) => {
        const [name, v] = Object.entries(value)[0];
        return {
          key,
          value: {
            case: name,
            value: typeof v === "number" && name === "intValue" ? BigInt(v) : v,
          },
        };
      }),
    })),
  };
}

interface Codec {
  readonly name: string;
  readonly messages: unknown[];
  encode(message: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
  /** Spans plus series gaps of a decoded batch (what the checks and the sink read). */
  count(decoded: unknown): number;
}
type Decoded = { spans: unknown[]; seriesGaps: number[] };
type Batch = (typeof batches)[number];
const protobufjsCodec = (name: string, type: ProtobufjsType, input: Batch[]): Codec => ({
  name,
  messages: input.map((b) => type.fromObject(b)),
  encode: (m) => type.encode(m as object).finish(),
  decode: (bytes) => type.decode(bytes),
  count: (d) => (d as Decoded).spans.length + (d as Decoded).seriesGaps.length,
});
const bufCodec = (name: string, schema: DescMessage, input: Batch[]): Codec => ({
  name,
  messages: input.map((b) => create(schema, bufInit(b) as never)),
  encode: (m) => toBinary(schema, m as Message),
  decode: (bytes) => fromBinary(schema, bytes),
  count: (d) => (d as Decoded).spans.length + (d as Decoded).seriesGaps.length,
});

/** Median ns per call of `op` over the messages, in rounds interleaved across codecs. */
function measure(codecs: Codec[], op: (c: Codec, i: number) => number): Map<Codec, number> {
  const perRound = new Map<Codec, number>();
  for (const c of codecs) {
    // Warm up for 300 ms; size the round to ~msPerRound.
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) op(c, n++ & 15);
    perRound.set(c, Math.max(16, Math.round((n * msPerRound) / 300)));
  }
  const samples = new Map<Codec, number[]>(codecs.map((c) => [c, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < codecs.length; k++) {
      const c = codecs[(k + r) % codecs.length];
      const n = perRound.get(c) ?? 0;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) sink += op(c, i & 15);
      samples.get(c)?.push(((performance.now() - t0) * 1e6) / n);
    }
  }
  if (sink < 0) console.log(sink);
  return new Map(
    codecs.map((c) => {
      const s = (samples.get(c) ?? []).sort((a, b) => a - b);
      return [c, s[Math.floor(s.length / 2)]];
    }),
  );
}

function run(label: string, codecs: Codec[], spans: number): void {
  const wire = codecs.map((c) => c.messages.map((m) => c.encode(m)));
  // Every codec must produce the same bytes and decode them to the batch's spans and series.
  for (let i = 0; i < wire[0].length; i++) {
    for (const w of wire) {
      if (Buffer.compare(w[i], wire[0][i]) !== 0) throw new Error(`batch ${i}: encodings differ`);
    }
  }
  for (const c of codecs) {
    if (c.count(c.decode(wire[0][0])) !== spans + 100) throw new Error(`${c.name} decodes wrong`);
  }
  const size = wire[0].reduce((n, b) => n + b.length, 0) / wire[0].length;
  const decode = measure(codecs, (c, i) => c.count(c.decode(wire[0][i])));
  const encode = measure(codecs, (c, i) => c.encode(c.messages[i]).length);
  console.log(`\n${label}; ${size.toFixed(0)} bytes a batch on average\n`);
  console.log("| implementation | decode ns/batch | decode MB/s | encode ns/batch | encode MB/s |");
  console.log("| :-- | --: | --: | --: | --: |");
  for (const c of codecs) {
    const d = decode.get(c) ?? Number.NaN;
    const e = encode.get(c) ?? Number.NaN;
    console.log(
      `| ${c.name} | ${d.toFixed(0)} | ${((size / d) * 1e3).toFixed(0)} | ${e.toFixed(0)} | ${((size / e) * 1e3).toFixed(0)} |`,
    );
  }
}

console.log(
  `Command: node bench/dist/protobuf-codegen.js ${process.argv.slice(2).join(" ")}`.trimEnd() +
    `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${new Date().toISOString()}` +
    `; ${rounds} interleaved rounds of ~${msPerRound} ms per case after 300 ms warm-up, medians` +
    `\nprotobufjs ${version("protobufjs")}, protobufjs-cli ${version("protobufjs-cli")}, @bufbuild/protobuf and protoc-gen-es ${version("@bufbuild/protoc-gen-es")}`,
);
const metricsOnly = batches.map((b) => ({ ...b, spans: [] }));
for (const [label, input, spans] of [
  ["Batch of 100 changed samples + 50 spans", batches, 50],
  ["Batch of 100 changed samples, no spans", metricsOnly, 0],
] as const) {
  run(
    `${label}; int64 as protobufjs Long objects / bigint (each library's default)`,
    [
      protobufjsCodec("protobufjs static (pbjs static-module)", StaticBatch, [...input]),
      protobufjsCodec("protobufjs reflection (loadSync)", ReflectBatch, [...input]),
      bufCodec("@bufbuild/protobuf, protoc-gen-es code", BufGenerated, [...input]),
      bufCodec("@bufbuild/protobuf, registry at run time", BufRuntime, [...input]),
    ],
    spans,
  );
}
// protobufjs without long.js: 64-bit fields decode to JS numbers (exact up to 2^53).
protobuf.util.Long = null as never;
protobuf.configure();
run(
  "Batch of 100 changed samples + 50 spans; protobufjs with util.Long = null (int64 as number)",
  [
    protobufjsCodec("protobufjs static, int64 as number", StaticBatch, batches),
    protobufjsCodec("protobufjs reflection, int64 as number", ReflectBatch, batches),
  ],
  50,
);
