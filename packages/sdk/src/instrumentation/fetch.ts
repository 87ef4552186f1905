import {
  type Attributes,
  context,
  propagation,
  type Span,
  type TextMapSetter,
  type Tracer,
  trace,
} from "@sonde/api";
import { isTracingSuppressed } from "../trace/context-manager.js";
import { subscribeChannels } from "./channels.js";
import { methodAttributes } from "./http-attributes.js";

/** The fields of undici's `Request` (as published on its channels) that are read here. */
interface UndiciRequest {
  method: string;
  /** `protocol//host[:port]`. */
  origin: string;
  /** Path and query. */
  path: string;
  /** `[name, value, name, value, …]` (undici 6, Node 20+) or raw `name: value\r\n` text. */
  headers: string[] | string;
  addHeader?: (name: string, value: string) => unknown;
}

interface RequestMessage {
  request: UndiciRequest;
}

interface ResponseMessage extends RequestMessage {
  response: { statusCode: number };
}

interface ErrorMessage extends RequestMessage {
  error: unknown;
}

function hasHeader(request: UndiciRequest, name: string): boolean {
  const { headers } = request;
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) return true;
    }
    return false;
  }
  return typeof headers === "string" && headers.toLowerCase().includes(`${name}:`);
}

/** Adds a header unless the caller already set it (their `traceparent` or `baggage` wins). */
const REQUEST_SETTER: TextMapSetter<UndiciRequest> = {
  set(request, name, value) {
    if (hasHeader(request, name)) return;
    if (typeof request.addHeader === "function") request.addHeader(name, value);
    else if (Array.isArray(request.headers)) request.headers.push(name, value);
    else if (typeof request.headers === "string") request.headers += `${name}: ${value}\r\n`;
  },
};

/** Client span attributes (OpenTelemetry HTTP semantic conventions). */
function requestAttributes(request: UndiciRequest, method: Attributes): Attributes {
  const url = new URL(request.path, request.origin);
  const secure = url.protocol === "https:";
  const address = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return {
    ...method,
    "url.full": url.href,
    "server.address": address,
    "server.port": url.port === "" ? (secure ? 443 : 80) : Number(url.port),
  };
}

/**
 * Traces requests made with undici, which is what the global `fetch` uses, through its
 * `diagnostics_channel` events: a client span starts on `undici:request:create` (with
 * `traceparent`, `tracestate` and `baggage` added to the request headers unless already set),
 * records `http.response.status_code` on `undici:request:headers` (4xx and 5xx are errors),
 * and ends on `undici:request:trailers` (body received) or `undici:request:error`. Requests
 * made under a suppressed context are not traced. Returns a function that stops tracing.
 */
export function instrumentFetch(tracer: Tracer): () => void {
  const spans = new WeakMap<UndiciRequest, Span>();
  const end = (request: UndiciRequest) => {
    spans.get(request)?.end();
    spans.delete(request);
  };
  return subscribeChannels({
    "undici:request:create": ({ request }: RequestMessage) => {
      const active = context.active();
      if (isTracingSuppressed(active)) return;
      const method = methodAttributes(request.method);
      const span = tracer.startSpan(method.name, {
        kind: "client",
        attributes: requestAttributes(request, method.attributes),
      });
      spans.set(request, span);
      propagation.inject(request, REQUEST_SETTER, trace.setSpan(active, span));
    },
    "undici:request:headers": ({ request, response }: ResponseMessage) => {
      const span = spans.get(request);
      if (span === undefined) return;
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 400) {
        span.setAttribute("error.type", String(response.statusCode)).setStatus("error");
      }
    },
    "undici:request:trailers": ({ request }: RequestMessage) => end(request),
    "undici:request:error": ({ request, error }: ErrorMessage) => {
      const span = spans.get(request);
      if (span === undefined) return;
      const failure = error as NodeJS.ErrnoException | undefined;
      span
        .recordException(error)
        .setAttribute("error.type", failure?.code ?? failure?.name ?? "Error")
        .setStatus("error", failure?.message);
      end(request);
    },
  });
}
