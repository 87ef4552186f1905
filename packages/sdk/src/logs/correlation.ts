import { executionAsyncId } from "node:async_hooks";
import { context, type Span, trace } from "@sonde/api";
import {
  type AsyncLocalStorageContextManager,
  contextSwitches,
  newestContextManager,
} from "../trace/context-manager.js";

const INVALID_TRACE_ID = "00000000000000000000000000000000";
const HEX = /^[0-9a-f]+$/;
// What goes before a line's time value outside a span (see `timePrefix`).
const TIME_KEY = ',"time":';

// The active span found last, its line prefix, and where it was found: the lines and events
// of one callback come in runs. `callback` is -1 (no async id) when it may not be reused: it
// is reused only under a verified context manager (below), so that a hit answers what the
// api would.
const found: {
  callback: number;
  switches: number;
  manager: AsyncLocalStorageContextManager | undefined;
  span: Span | undefined;
  prefix: string;
} = { callback: -1, switches: -1, manager: undefined, span: undefined, prefix: TIME_KEY };

/**
 * True when `found` holds the active span: same async callback (`executionAsyncId()`), no
 * `with()` started or ended since (`contextSwitches`), same context manager. A few
 * comparisons instead of the `AsyncLocalStorage` read and the context lookup of
 * `trace.activeSpan()` (~200 instructions on Node 20, measured with callgrind on
 * bench/src/logs.ts, where a plain pino line is ~4,700).
 */
function stillFound(): boolean {
  return (
    executionAsyncId() === found.callback &&
    contextSwitches() === found.switches &&
    newestContextManager() === found.manager
  );
}

// A span's ids never change, so its prefix is formatted once: the last span's is checked
// first (lines of one request come in runs), then the others' (interleaved requests).
const prefixes = new WeakMap<Span, string>();

function prefixOf(span: Span | undefined): string {
  if (span === undefined) return TIME_KEY;
  if (span === found.span) return found.prefix;
  let prefix = prefixes.get(span);
  if (prefix === undefined) {
    const { traceId, spanId } = span.spanContext();
    prefix =
      traceId !== INVALID_TRACE_ID && HEX.test(traceId) && HEX.test(spanId)
        ? `,"trace_id":"${traceId}","span_id":"${spanId}"${TIME_KEY}`
        : TIME_KEY;
    prefixes.set(span, prefix);
  }
  return prefix;
}

// The newest context manager once seen answering for the api (its stored context was the
// api's active one): the registered one, which stays registered until disabled (startSonde
// disables it at shutdown, and then the newest manager changes). Until a manager is
// verified, nothing is reused and each lookup reads its store once more to check.
let verified: AsyncLocalStorageContextManager | undefined;

/** Asks the api for the active span (as `trace.activeSpan()`) and keeps it in `found`. */
function find(): void {
  const manager = newestContextManager();
  const active = context.active();
  if (manager !== verified && manager?.stored() === active) verified = manager;
  const span = trace.getSpan(active);
  const callback = executionAsyncId();
  found.prefix = prefixOf(span);
  found.span = span;
  // 0: a callback async_hooks does not know (native code), which may not be told apart.
  found.callback = manager !== undefined && manager === verified && callback > 0 ? callback : -1;
  found.switches = contextSwitches();
  found.manager = manager;
}

/**
 * The trace and span ids of the active span, or undefined outside a span (or inside a
 * non-recording span with an invalid context). Never throws.
 */
export function activeIds(): { traceId: string; spanId: string } | undefined {
  if (!stillFound()) find();
  const span = found.span;
  if (span === undefined) return undefined;
  const ids = span.spanContext();
  return ids.traceId === INVALID_TRACE_ID ? undefined : ids;
}

/**
 * What goes before a log line's time value (milliseconds, appended by the caller): the active
 * span's ids as raw JSON members and the time's key,
 * `,"trace_id":"<32 hex>","span_id":"<16 hex>","time":`, or `,"time":` outside a span (or
 * when its ids are invalid or not lowercase hex, so that the line stays valid JSON). Formatted
 * once per span, so that a line costs one concatenation, as pino's own `epochTime`
 * (`',"time":' + Date.now()`) does. Never throws.
 */
export function timePrefix(): string {
  if (!stillFound()) find();
  return found.prefix;
}
