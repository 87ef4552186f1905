// An OTLP/HTTP sink for the HTTP overhead benchmark, run as a child process: answers every
// POST with 200 once the body is read, and counts the spans in /v1/traces bodies (protobuf,
// decoded with @sonde/protocol) so the benchmark can check that export really happens. Bodies
// are decoded on "count", outside the measured window: the sink shares the machine with the
// server and the load generator, and decoding as they arrive took CPU from both.
// IPC: sends { port } once listening; "count" → { spans } received since the last "count".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeTraceRequest } from "@sonde/protocol";

let bodies: Buffer[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.url === "/v1/traces") bodies.push(Buffer.concat(chunks));
    res.setHeader("content-type", "application/x-protobuf");
    res.end();
  });
});
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("message", (message) => {
  if (message !== "count") return;
  let spans = 0;
  for (const body of bodies) {
    try {
      for (const batch of decodeTraceRequest(body)) spans += batch.spans.length;
    } catch {
      // Not a valid trace request: counted as nothing.
    }
  }
  bodies = [];
  process.send?.({ spans });
});
process.on("disconnect", () => process.exit(0));
