import type { ClientRequest, IncomingMessage } from "node:http";
import { syncBuiltinESMExports } from "node:module";
import {
  context,
  diag,
  propagation,
  type Span,
  type TextMapSetter,
  type Tracer,
  trace,
} from "@sonde/api";
import { isTracingSuppressed } from "../trace/context-manager.js";
import { clientAttributes, methodAttributes } from "./http-attributes.js";

/** The request functions of `node:http` or `node:https`. */
export interface ClientModule {
  request: (...args: never[]) => ClientRequest;
  get: (...args: never[]) => ClientRequest;
}

const HEADER_SETTER: TextMapSetter<ClientRequest> = {
  set(request, key, value) {
    request.setHeader(key, value);
  },
};

function onClientEvent(span: Span, event: string | symbol, arg: unknown): void {
  if (event === "response") {
    const status = (arg as IncomingMessage).statusCode ?? 0;
    span.setAttribute("http.response.status_code", status);
    if (status >= 400) span.setAttribute("error.type", String(status)).setStatus("error");
  } else if (event === "error") {
    const error = arg as NodeJS.ErrnoException;
    span.recordException(error).setStatus("error", error?.message);
    span.setAttribute("error.type", error?.code ?? error?.name ?? "Error");
  } else if (event === "close") {
    span.end();
  }
}

/**
 * Starts a client span for a request just created, injects `traceparent` (unless the headers
 * were already written, as with array headers or `Expect`), and ends the span on `close`.
 * Events are observed by wrapping the request's own `emit`, because adding `response` or
 * `error` listeners would change how Node treats the request.
 */
function traceClientRequest(tracer: Tracer, request: ClientRequest): void {
  const span = tracer.startSpan(methodAttributes(request.method).name, {
    kind: "client",
    attributes: clientAttributes(request),
  });
  if (!request.headersSent) {
    propagation.inject(request, HEADER_SETTER, trace.setSpan(context.active(), span));
  }
  const emit = request.emit;
  request.emit = function (this: ClientRequest, event: string | symbol, ...args: unknown[]) {
    onClientEvent(span, event, args[0]);
    return emit.call(this, event, ...args);
  } as ClientRequest["emit"];
}

function wrapRequest(
  original: ClientModule["request"],
  tracer: Tracer,
  isEnabled: () => boolean,
): ClientModule["request"] {
  return function request(this: unknown, ...args: never[]): ClientRequest {
    const created = original.apply(this, args);
    if (!isEnabled() || isTracingSuppressed(context.active())) return created;
    try {
      traceClientRequest(tracer, created);
    } catch (error) {
      diag.report({
        code: "internal_error",
        message: "tracing an HTTP client request failed",
        error,
      });
    }
    return created;
  };
}

/**
 * Replaces `request` and `get` of `node:http`/`node:https` with traced versions and updates
 * the ESM named exports (`syncBuiltinESMExports`), so `import http from "node:http"` and
 * `import { request } from "node:http"` both see them, even when imported earlier. Node's own
 * `get` calls its private `request` and ends the request before we could add a header, so
 * `get` is re-implemented on top of the traced `request` exactly as Node does it. Returns a
 * function that undoes the patch.
 *
 * Not `diagnostics_channel`: on Node 20, `http.client.request.start` is published after the
 * request headers are written (checked on 20.20), too late to add `traceparent`.
 */
export function patchClient(modules: ClientModule[], tracer: Tracer): () => void {
  let enabled = true;
  const isEnabled = () => enabled;
  const restores = modules.map((module) => {
    const originals = { request: module.request, get: module.get };
    const request = wrapRequest(originals.request, tracer, isEnabled);
    const get = function get(this: unknown, ...args: never[]): ClientRequest {
      const created = request.apply(this, args);
      created.end();
      return created;
    };
    module.request = request;
    module.get = get;
    return () => {
      // Restore only what is still ours; a later wrapper keeps working, disabled.
      if (module.request === request) module.request = originals.request;
      if (module.get === get) module.get = originals.get;
    };
  });
  syncBuiltinESMExports();
  return () => {
    enabled = false;
    for (const restore of restores) restore();
    syncBuiltinESMExports();
  };
}
