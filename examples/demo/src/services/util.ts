import http from "node:http";
import { setHttpRoute } from "@sonde/sdk";

/** A random delay in milliseconds drawn from [min, max), with a `slowChance` of a long tail. */
export function latency(min: number, max: number, slowChance = 0, slowMs = 0): number {
  const base = min + Math.random() * (max - min);
  return Math.random() < slowChance ? base + slowMs * (0.5 + Math.random()) : base;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An error a demo step fails with; `status` is what the service answers. */
export class DemoError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** POSTs JSON to another demo service and returns its status and parsed body. */
export function call(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

export type Handler = (path: string, body: Record<string, unknown>) => Promise<unknown>;

/** An HTTP server answering JSON: `handler`'s result with 200, a DemoError with its status. */
export function jsonServer(handler: Handler): http.Server {
  return http.createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (text += c));
    req.on("end", async () => {
      let status = 200;
      let out: unknown;
      try {
        // The demo's paths are its routes: naming them makes spans "POST /checkout".
        const path = new URL(req.url ?? "/", "http://x").pathname;
        setHttpRoute(path);
        out = await handler(path, text ? JSON.parse(text) : {});
      } catch (e) {
        status = e instanceof DemoError ? e.status : 500;
        out = { error: (e as Error).message };
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    });
  });
}
