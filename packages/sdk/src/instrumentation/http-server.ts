import type { IncomingMessage, Server, ServerResponse } from "node:http";
import {
  type Context,
  context,
  createContextKey,
  diag,
  propagation,
  ROOT_CONTEXT,
  type Span,
  type Tracer,
  trace,
} from "@sonde/api";
import { SdkSpan } from "../trace/span.js";
import { setEmitContext } from "./emit-context.js";
import { methodName, serverAttributes } from "./http-attributes.js";
import { rawHeadersGetter } from "./raw-headers.js";

const SERVER_REQUEST = createContextKey("sonde.http.server_request");

interface ServerRequest {
  span: Span;
  /** The span name prefix: the method, or `HTTP` for unknown methods. */
  method: string;
}

/**
 * Names the route of the HTTP request being handled (e.g. `/users/:id`): sets `http.route`
 * on its server span and renames the span `{method} {route}` (OpenTelemetry HTTP semantic
 * conventions). Call it from a handler or router; does nothing outside a traced request.
 * Never throws.
 */
export function setHttpRoute(route: string): void {
  const request = context.active().getValue(SERVER_REQUEST) as ServerRequest | undefined;
  if (request === undefined) return;
  request.span.setAttribute("http.route", route).updateName(`${request.method} ${route}`);
}

/**
 * Ends the server span of a response on its `close` event (emitted once the response is sent
 * or the connection is lost), with the status code; the `onClose` hook of the response's emit
 * patch, so that no listener is added per response: the span is found in the response's
 * context (`ctx`). Ending it again on a second `close` changes nothing. Never throws.
 */
export function endServerSpanOnClose(target: object, ctx: Context): void {
  const request = ctx.getValue(SERVER_REQUEST) as ServerRequest | undefined;
  if (request === undefined) return;
  const response = target as ServerResponse;
  const span = request.span;
  try {
    if (response.headersSent) {
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus("error");
    }
    if (!response.writableFinished) {
      span.setStatus("error", "connection closed before the response was complete");
    }
    span.end();
  } catch (error) {
    diag.report({ code: "internal_error", message: "ending an HTTP server span failed", error });
  }
}

/**
 * Starts the server span of a request, continuing an incoming `traceparent`, and returns the
 * context to run the handlers in (so their spans and outgoing requests become its children).
 * Attributes are computed only for a recording span, and handed over without a copy.
 */
function startServerSpan(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
): Context {
  // A server span starts from the incoming request alone, not from whatever context the
  // listening socket happened to be created in.
  const incoming = propagation.extract(request.rawHeaders, rawHeadersGetter, ROOT_CONTEXT);
  const method = methodName(request.method);
  const span = tracer.startSpan(method, {
    kind: "server",
    parent: trace.getSpan(incoming) ?? null,
  });
  if (span instanceof SdkSpan) {
    if (span.sampled) span.adoptAttributes(serverAttributes(request));
  } else if (span.isRecording()) {
    span.setAttributes(serverAttributes(request));
  }
  const serving: ServerRequest = { span, method };
  const active = trace.setSpan(incoming, span).setValue(SERVER_REQUEST, serving);
  setEmitContext(request, active);
  setEmitContext(response, active);
  return active;
}

/**
 * Runs the `request` listeners (`emit`) under a new server span; a synchronous throw is
 * recorded on the span.
 */
function emitTraced(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  emit: () => boolean,
): boolean {
  let active: Context;
  try {
    active = startServerSpan(tracer, request, response);
  } catch (error) {
    diag.report({ code: "internal_error", message: "tracing an HTTP request failed", error });
    return emit();
  }
  try {
    return context.with(active, emit);
  } catch (error) {
    (active.getValue(SERVER_REQUEST) as ServerRequest).span
      .recordException(error)
      .setStatus("error", error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/**
 * Wraps `prototype.emit` (of `http.Server` or `https.Server`) so every `request` event is
 * traced. Patching the prototype works however the server was created (`http.createServer`,
 * `import { createServer }`, `new Server()`). Returns a function that undoes it.
 *
 * Not `diagnostics_channel`: `http.server.request.start` is published before the `request`
 * event but cannot wrap it, so the handlers could not run inside the span's context.
 */
export function patchServerEmit(prototype: Server, tracer: Tracer): () => void {
  const hadOwn = Object.hasOwn(prototype, "emit");
  const original = prototype.emit;
  const emit = original as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  let enabled = true;
  // Arguments forwarded with `apply(this, arguments)`, without the array of rest parameters.
  const patched = function (this: Server, event: string | symbol, a?: unknown, b?: unknown) {
    // biome-ignore lint/complexity/noArguments: the exact arity, without an array per emit
    const arity = arguments.length;
    if (event === "request" && enabled) {
      const request = a as IncomingMessage;
      const response = b as ServerResponse;
      if (arity === 3)
        return emitTraced(tracer, request, response, () => emit.call(this, event, a, b));
      // biome-ignore lint/complexity/noArguments: rare (Node emits `request` with 2 arguments)
      const args: unknown[] = Array.prototype.slice.call(arguments, 1);
      return emitTraced(tracer, request, response, () => emit.call(this, event, ...args));
    }
    // biome-ignore lint/complexity/noArguments: forwards them as given, without copying them
    return emit.apply(this, arguments as unknown as Parameters<typeof emit>);
  };
  prototype.emit = patched as Server["emit"];
  return () => {
    enabled = false;
    // Restore only if nobody wrapped our wrapper since; otherwise it stays, disabled.
    if (prototype.emit !== (patched as Server["emit"])) return;
    if (hadOwn) prototype.emit = original;
    else delete (prototype as Partial<Server>).emit;
  };
}
