// A byte-counting TCP proxy on 127.0.0.1: every byte between a client and a server passes
// through it and is counted per direction, framing included (HTTP headers, chunk sizes, gRPC
// and HTTP/2 frames, TLS if any) — what the two ends wrote to their sockets.
import { connect, createServer, type Server, type Socket } from "node:net";

/** A running proxy; counts are cumulative since it started. */
export interface CountingProxy {
  /** Port the client should connect to (127.0.0.1). */
  readonly port: number;
  /** Bytes the client wrote (client → server). */
  readonly upstreamBytes: () => number;
  /** Bytes the server wrote (server → client). */
  readonly downstreamBytes: () => number;
  /** Connections accepted so far. */
  readonly connections: () => number;
  /** Stops listening and destroys open connections. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on an ephemeral 127.0.0.1 port that forwards each connection to
 * `127.0.0.1:targetPort`. Rejects if it cannot listen; a failed upstream connection closes the
 * client's connection.
 */
export async function countingProxy(targetPort: number): Promise<CountingProxy> {
  let up = 0;
  let down = 0;
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(targetPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      up += chunk.length;
    });
    upstream.on("data", (chunk: Buffer) => {
      down += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  return {
    port: address.port,
    upstreamBytes: () => up,
    downstreamBytes: () => down,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
