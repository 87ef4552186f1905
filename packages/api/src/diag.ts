import { sondeGlobal } from "./global.js";

/**
 * A problem Sonde detected and handled (dropped input, failed export, ...). Telemetry never
 * throws into the host program; it reports here instead.
 *
 * Codes used by @sonde/api and @sonde/sdk: `invalid_metric_declaration`, `metric_conflict`,
 * `invalid_counter_increment`, `invalid_distribution_value`, `invalid_gauge_value`,
 * `clamped_metric_value`, `bucket_limit`, `bucketer_error`, `invalid_tags`, `series_limit`,
 * `invalid_attribute`, `invalid_link`, `span_limit`, `span_queue_full`, `export_failed`,
 * `prometheus_scrape_failed`, `prometheus_listen_failed`, `prometheus_name_collision`,
 * `invalid_options`, `already_started`, `already_registered`, `internal_error`.
 */
export interface DiagEvent {
  /** A stable snake_case code, e.g. `"invalid_tags"`. */
  code: string;
  /** Human-readable detail naming the offending input. */
  message: string;
  /** What the problem is about (a metric name, `"spans"`, ...); events report once per code+key. */
  key?: string;
  /** The underlying error, if any. */
  error?: unknown;
}

/** Receives the first occurrence of each (code, key) pair. Exceptions it throws are ignored. */
export type DiagListener = (event: DiagEvent) => void;

/** @internal */
export interface DiagState {
  listeners: Set<DiagListener>;
  counts: Map<string, number>;
  seen: Set<string>;
  /** First occurrences, replayed to late subscribers (bounded by MAX_SEEN). */
  firsts: DiagEvent[];
}

// Bounds the memory spent remembering which (code, key) pairs were already reported.
const MAX_SEEN = 1000;

function report(event: DiagEvent): void {
  const state = sondeGlobal.diag;
  state.counts.set(event.code, (state.counts.get(event.code) ?? 0) + 1);
  const id = `${event.code}\u0000${event.key ?? ""}`;
  if (state.seen.has(id) || state.seen.size >= MAX_SEEN) return;
  state.seen.add(id);
  state.firsts.push(event);
  for (const listener of state.listeners) notify(listener, event);
}

function notify(listener: DiagListener, event: DiagEvent): void {
  try {
    listener(event);
  } catch {
    // A failing listener must not break the code that reported.
  }
}

function subscribe(listener: DiagListener): () => void {
  const state = sondeGlobal.diag;
  state.listeners.add(listener);
  for (const event of state.firsts) notify(listener, event);
  return () => {
    state.listeners.delete(listener);
  };
}

function counts(): Record<string, number> {
  return Object.fromEntries(sondeGlobal.diag.counts);
}

/**
 * Sonde's own diagnostics: a dependency-free hook (no `node:diagnostics_channel`) shared by
 * every copy of the api in the process.
 *
 * - `report(event)` counts the event under its code and notifies listeners the first time its
 *   (code, key) pair is seen. Never throws.
 * - `subscribe(listener)` adds a listener, replays earlier first occurrences to it, and returns
 *   a function that removes it.
 * - `counts()` returns how many events were reported per code since the process started.
 */
export const diag = { report, subscribe, counts } as const;
