import { useEffect, useState } from "preact/hooks";

/**
 * Hash routes: `#/?<query state>` is the query page, `#/trace/<trace_id>?span=<span_id>` a
 * trace, `#/metrics?service=<name>&at=<ms>` the metric catalogue, `#/map?range=15m` the
 * service map and call graph, `#/traces?<search>` the trace search, `#/errors?range=&owner=&service=`
 * the error groups, `#/events?range=&q=&service=` the event log. Hash routes work from any
 * server path; a path route `/trace/<id>` (served through the collector's SPA fallback) is
 * rewritten to its hash form on load.
 */
export type Route =
  | { page: "query"; params: URLSearchParams }
  | { page: "trace"; traceId: string; params: URLSearchParams }
  | { page: "metrics" | "map" | "traces" | "errors" | "events"; params: URLSearchParams };

/** Parses `location.hash`. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, "");
  const q = body.indexOf("?");
  const path = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : body.slice(q + 1));
  const trace = /^\/trace\/([^/]+)$/.exec(path);
  if (trace) return { page: "trace", traceId: decodeURIComponent(trace[1]), params };
  if (path === "/metrics") return { page: "metrics", params };
  if (path === "/map") return { page: "map", params };
  if (path === "/traces") return { page: "traces", params };
  if (path === "/errors") return { page: "errors", params };
  if (path === "/events") return { page: "events", params };
  return { page: "query", params };
}

/** The hash of a trace page, optionally with a selected span. */
export function traceHref(traceId: string, spanId?: string): string {
  const base = `#/trace/${encodeURIComponent(traceId)}`;
  return spanId ? `${base}?span=${encodeURIComponent(spanId)}` : base;
}

/** The metric catalogue filtered to a service, remembering a time of interest (ms). */
export function metricsHref(service: string, atMs?: number): string {
  const params = new URLSearchParams({ service });
  if (atMs !== undefined && Number.isFinite(atMs)) params.set("at", String(Math.round(atMs)));
  return `#/metrics?${params}`;
}

/** The hash of the query page for a URL-form query state. */
export function queryHref(params: URLSearchParams): string {
  return `#/?${params}`;
}

/** Rewrites a path route (`/trace/<id>`) to the hash route once, at startup. */
export function adoptPathRoute(): void {
  const trace = /^\/trace\/([^/]+)\/?$/.exec(location.pathname);
  if (trace && !location.hash) history.replaceState(null, "", `/${traceHref(trace[1])}`);
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

/** Replaces the current hash without a history entry (e.g. selecting a span). */
export function replaceHash(hash: string): void {
  history.replaceState(null, "", hash);
  dispatchEvent(new HashChangeEvent("hashchange"));
}
