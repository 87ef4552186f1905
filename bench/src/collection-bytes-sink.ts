// An HTTP server on 127.0.0.1 that accepts any POST (OTLP/HTTP, Prometheus remote-write),
// reads the whole body and answers with an empty success, counting the requests.
import { createServer, type Server } from "node:http";

/** A running sink. */
export interface HttpSink {
  readonly port: number;
  /** Requests answered so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

/**
 * Starts the sink on an ephemeral port; it answers `status` with an empty body of `contentType`
 * (OTLP wants 200 and an empty protobuf message). Rejects if it cannot listen.
 */
export async function httpSink(status: number, contentType: string): Promise<HttpSink> {
  let answered = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      answered++;
      res.writeHead(status, { "content-type": contentType, "content-length": 0 });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("sink has no port");
  return {
    port: address.port,
    requests: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
