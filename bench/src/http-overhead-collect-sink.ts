// A Sonde collection-protocol sink for the HTTP overhead benchmark, run as a child process: the
// counterpart of http-overhead-sink.ts for `startSonde`'s default export (the Sonde protocol,
// collect.proto, over one gRPC stream). It answers an Announce with a policy that takes every
// span, acknowledges every Batch by its sequence number, and counts the spans of the batches
// on "count". Like the OTLP sink it decodes nothing while the benchmark measures: a batch's
// sequence number is read straight from its bytes (ClientMessage.batch = 3, Batch.seq = 1), and
// whole messages are decoded on "count".
// IPC: sends { port } once listening; "count" → { spans } received since the last "count".
import {
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  type ServiceDefinition,
} from "@grpc/grpc-js";
import {
  COLLECT_SERVICE,
  DEFAULT_POLICY,
  decodeClientMessage,
  encodeServerMessage,
} from "@sonde/protocol/collect";

/** Reads the varint at `offset`: [value, next offset]. Numbers up to 2^53 (sequence numbers). */
function varint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let scale = 1;
  let at = offset;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("truncated varint");
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, at];
    scale *= 128;
  }
}

/** Field 1 (a varint) of the message in `bytes[start, end)`, or 0. */
function firstVarint(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const [key, next] = varint(bytes, at);
    at = next;
    const wire = key & 7;
    if (key >>> 3 === 1 && wire === 0) return varint(bytes, at)[0];
    if (wire === 0) at = varint(bytes, at)[1];
    else if (wire === 2) {
      const [length, data] = varint(bytes, at);
      at = data + length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`wire type ${wire}`);
  }
  return 0;
}

/** The sequence number of a ClientMessage holding a Batch, or undefined for other messages. */
function batchSeq(bytes: Uint8Array): number | undefined {
  const [key, next] = varint(bytes, 0);
  if (key !== ((3 << 3) | 2)) return undefined;
  const [length, start] = varint(bytes, next);
  return firstVarint(bytes, start, start + length);
}

let received: Buffer[] = [];
const handler = (stream: ServerDuplexStream<Buffer, Buffer>) => {
  stream.on("data", (bytes: Buffer) => {
    const seq = batchSeq(bytes);
    if (seq !== undefined) {
      received.push(bytes);
      stream.write(Buffer.from(encodeServerMessage({ ack: { seq } })));
    } else if (decodeClientMessage(bytes).announce) {
      stream.write(Buffer.from(encodeServerMessage({ policy: { ...DEFAULT_POLICY, version: 1 } })));
    }
  });
  stream.on("error", () => {});
  stream.on("end", () => stream.end());
};

const server = new Server();
server.addService(COLLECT_SERVICE as ServiceDefinition, { Collect: handler });
server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.send?.({ port });
});
process.on("message", (message) => {
  if (message !== "count") return;
  let spans = 0;
  for (const bytes of received) spans += decodeClientMessage(bytes).batch?.spans?.length ?? 0;
  received = [];
  process.send?.({ spans });
});
process.on("disconnect", () => process.exit(0));
