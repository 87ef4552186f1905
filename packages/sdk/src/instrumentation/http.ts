import http from "node:http";
import https from "node:https";
import { trace } from "@sonde/api";
import { SDK_VERSION } from "../version.js";
import { patchEmitContext } from "./emit-context.js";
import { type ClientModule, patchClient } from "./http-client.js";
import { endServerSpanOnClose, patchServerEmit } from "./http-server.js";

/** The instrumentation scope of HTTP spans. */
export const HTTP_SCOPE = "@sonde/sdk/http";

/**
 * Traces `node:http` and `node:https`: a server span per incoming request (handlers run with
 * it active, and the request's and response's events emitted in it) and a client span per
 * outgoing request (with `traceparent`, `tracestate` and `baggage` injected). Requests made
 * under a suppressed context (the exporter's own) are not traced. Returns a function that
 * removes the instrumentation.
 */
export function instrumentHttp(): () => void {
  const tracer = trace.getTracer(HTTP_SCOPE, SDK_VERSION);
  const undo = [
    // Requests and responses emit in their server span's context (https uses the same classes).
    patchEmitContext(http.IncomingMessage.prototype),
    patchEmitContext(http.ServerResponse.prototype, endServerSpanOnClose),
    patchServerEmit(http.Server.prototype, tracer),
    patchServerEmit(https.Server.prototype as unknown as http.Server, tracer),
    patchClient([http as unknown as ClientModule, https as unknown as ClientModule], tracer),
  ];
  return () => {
    for (const fn of undo) fn();
  };
}
