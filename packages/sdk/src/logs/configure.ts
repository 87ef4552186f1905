import { createRequire } from "node:module";
import type { LogBindings, Logger, LoggingBackend, LogLevel } from "@sonde/api";
import { diag, registerLogging, unregisterLogging } from "@sonde/api";
import pino from "pino";
import { BoundedQueue } from "../events/queue.js";
import { type BoundLimits, boundFieldsSlowly, DEFAULT_BOUND_LIMITS } from "./bound.js";
import { timePrefix } from "./correlation.js";
import { FileDestination, type LineSink } from "./destination.js";
import { LEVELS, type LoggingState, SondeLogger } from "./logger.js";

/** Options of {@link configureLogging}; each defaults from the environment. */
export interface LoggingOptions {
  /** Lowest level written. Default `SONDE_LOG_LEVEL`, else `"info"`. */
  level?: LogLevel | "silent";
  /**
   * `"json"` (one object per line, for machines) or `"pretty"` (pino-pretty, for humans).
   * Default `SONDE_LOG_FORMAT`, else `"pretty"` when the destination is a terminal, else `"json"`.
   */
  format?: "json" | "pretty";
  /**
   * `"stdout"`, `"stderr"`, a file path (created, appended to), or any object with a
   * `write(line)` method. Default `SONDE_LOG_DESTINATION`, else `"stdout"`.
   */
  destination?: "stdout" | "stderr" | string | LineSink;
  /** Write every line before the call returns. Default `SONDE_LOG_SYNC` = `true`, else false. */
  sync?: boolean;
  /**
   * Limits per line (see `BoundLimits`). Defaults: `SONDE_LOG_MAX_DEPTH` (6),
   * `SONDE_LOG_MAX_BREADTH` (100), `SONDE_LOG_MAX_STRING` (8192 characters), 2000 values.
   */
  limits?: Partial<BoundLimits>;
  /** Fields of every line. Default `{ pid, hostname }` as pino writes them. */
  base?: LogBindings;
  /**
   * JSON lines kept for export at most (then dropped and counted); 0 keeps none. Default
   * `SONDE_LOG_QUEUE_SIZE`, else 4096.
   */
  exportQueueSize?: number;
  /** Flush at exit and on SIGTERM/SIGINT (then re-raised if nobody else listens). Default true. */
  exitHooks?: boolean;
  /** The environment to read defaults from. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/** The configured logging. */
export interface LoggingHandle {
  readonly level: LogLevel | "silent";
  readonly format: "json" | "pretty";
  /** Changes the lowest level written, for every logger. */
  setLevel(level: LogLevel | "silent"): void;
  /**
   * The JSON lines waiting for export (undefined when `exportQueueSize` is 0): exporters
   * `take()` batches and convert them with `toLogRecords`.
   */
  readonly queue: BoundedQueue<string> | undefined;
  /** Writes buffered lines now. Never throws. */
  flushSync(): void;
  /** Flushes, closes a file destination, removes the hooks; loggers become noops. */
  shutdown(): void;
}

const DEFAULT_QUEUE_SIZE = 4096;
const LEVEL_NAMES = new Set(Object.keys(LEVELS));
// Marks Sonde's own signal listeners, which only flush: a signal re-raises when no other
// listener (one that decides to exit) is there.
const FLUSH_ONLY = Symbol.for("sonde.exit.flush_only");

let current: { handle: LoggingHandle; backend: LoggingBackend } | undefined;

/** The logging the application configured, if any (exporters drain its queue). */
export function activeLogging(): LoggingHandle | undefined {
  return current?.handle;
}

function invalid(option: string, value: unknown, fallback: unknown): void {
  diag.report({
    code: "invalid_options",
    message: `logging ${option} ${JSON.stringify(value)} is not valid; using ${JSON.stringify(fallback)}`,
    key: `logging.${option}`,
  });
}

function choose<T>(
  option: string,
  value: unknown,
  allowed: (v: unknown) => boolean,
  fallback: T,
): T {
  if (value === undefined || value === "") return fallback;
  if (allowed(value)) return value as T;
  invalid(option, value, fallback);
  return fallback;
}

function count(option: string, value: unknown, fallback: number): number {
  const number = typeof value === "string" && value !== "" ? Number(value) : value;
  return choose(option, number, (n) => Number.isSafeInteger(n) && (n as number) >= 0, fallback);
}

/**
 * pino's `timestamp` hook, which returns raw JSON appended after the level: inside a span its
 * ids, then the time (`timePrefix`: formatted once per span, one concatenation per line as
 * pino's own hook). Measured on Node 20 (bench/src/logs.ts): pino's `mixin` allocates and
 * merges an object per line and cost ~2× plain pino; this hook a few percent.
 */
function traceAndTime(): string {
  return `${timePrefix()}${Date.now()}`;
}

function isTerminal(destination: LoggingOptions["destination"]): boolean {
  if (destination === "stdout") return process.stdout.isTTY === true;
  if (destination === "stderr") return process.stderr.isTTY === true;
  return false;
}

/** Formats JSON lines for humans with pino-pretty, loaded only when asked for. */
function prettifier(colorize: boolean): (line: string) => string {
  const require = createRequire(import.meta.url);
  const { prettyFactory } = require("pino-pretty") as typeof import("pino-pretty");
  return prettyFactory({ colorize, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" });
}

/**
 * Configures logging for the whole process: from now on every logger from
 * `logs.getLogger` (obtained before or after) writes through pino, with `trace_id` and
 * `span_id` on every line inside a span. Meant for the program's entry point only; libraries
 * just get loggers. Calling it again replaces the earlier configuration.
 *
 * Lines are written with synchronous writes batched per event-loop tick (see
 * `FileDestination`); error and fatal lines are written before the call returns; what is
 * buffered is written at `process.exit()`, after an uncaught exception and on SIGTERM/SIGINT.
 * Fields are bounded (circular, deep, wide and long values cut and marked, throwing getters
 * caught). The JSON lines also go to a bounded queue for export (`handle.queue`).
 *
 * Never throws: invalid options are reported (`invalid_options`) and replaced by defaults; a
 * destination file that cannot be opened falls back to stderr (`log_write_failed`).
 *
 * @example
 * // SONDE_LOG_LEVEL=debug SONDE_LOG_FORMAT=json node app.js
 * const logging = configureLogging();
 * logs.getLogger("app").info({ port: 8080 }, "listening");
 */
export function configureLogging(options: LoggingOptions = {}): LoggingHandle {
  options ??= {};
  const env = options.env ?? process.env;
  current?.handle.shutdown();
  const level = choose<LogLevel | "silent">(
    "level",
    options.level ?? env.SONDE_LOG_LEVEL?.toLowerCase(),
    (v) => LEVEL_NAMES.has(v as string),
    "info",
  );
  const destinationOption = options.destination ?? (env.SONDE_LOG_DESTINATION || "stdout");
  const format = choose<"json" | "pretty">(
    "format",
    options.format ?? env.SONDE_LOG_FORMAT?.toLowerCase(),
    (v) => v === "json" || v === "pretty",
    isTerminal(destinationOption) ? "pretty" : "json",
  );
  const sync = options.sync ?? env.SONDE_LOG_SYNC === "true";
  const limits: BoundLimits = {
    depth: count(
      "limits.depth",
      options.limits?.depth ?? env.SONDE_LOG_MAX_DEPTH,
      DEFAULT_BOUND_LIMITS.depth,
    ),
    breadth: count(
      "limits.breadth",
      options.limits?.breadth ?? env.SONDE_LOG_MAX_BREADTH,
      DEFAULT_BOUND_LIMITS.breadth,
    ),
    stringLength: count(
      "limits.stringLength",
      options.limits?.stringLength ?? env.SONDE_LOG_MAX_STRING,
      DEFAULT_BOUND_LIMITS.stringLength,
    ),
    nodes: count("limits.nodes", options.limits?.nodes, DEFAULT_BOUND_LIMITS.nodes),
  };
  const queueSize = count(
    "exportQueueSize",
    options.exportQueueSize ?? env.SONDE_LOG_QUEUE_SIZE,
    DEFAULT_QUEUE_SIZE,
  );

  let destination: LineSink & { flushSync?: () => void; close?: () => void };
  try {
    destination =
      typeof destinationOption === "object"
        ? destinationOption
        : new FileDestination(destinationOption);
  } catch (error) {
    diag.report({
      code: "log_write_failed",
      message: `log destination ${String(destinationOption)} could not be opened; writing to stderr`,
      key: String(destinationOption),
      error,
    });
    destination = new FileDestination("stderr");
  }
  const flushSync = () => {
    try {
      destination.flushSync?.();
    } catch (error) {
      diag.report({ code: "log_write_failed", message: "flushing log lines failed", error });
    }
  };
  const output: LineSink =
    format === "pretty" ? prettyOutput(destination, isTerminal(destinationOption)) : destination;
  const queue = queueSize > 0 ? new BoundedQueue<string>("logs", queueSize) : undefined;
  const stream: LineSink = queue
    ? {
        write(line: string) {
          queue.push(line);
          return output.write(line);
        },
      }
    : output;

  const root = pino(
    {
      level: "trace",
      ...(options.base === undefined ? {} : { base: boundFieldsSlowly(options.base, limits) }),
      timestamp: traceAndTime,
      // Fields are bounded and errors converted (`boundFields`) before pino sees them; pino's
      // own `err` serializer would rename their type to "Object".
      serializers: { err: (value: unknown) => value },
    },
    sync
      ? {
          write(line: string) {
            stream.write(line);
            flushSync();
          },
        }
      : stream,
  );
  const state: LoggingState = { min: LEVELS[level], limits, flushSync };
  const backend: LoggingBackend = {
    name: "@sonde/sdk pino",
    logger(name: string, bindings: LogBindings | undefined): Logger {
      const fields = boundFieldsSlowly({ logger: name, ...bindings }, limits);
      return new SondeLogger(root.child(fields), state);
    },
  };
  const removeHooks = options.exitHooks === false ? () => {} : installFlushHooks(flushSync);
  const handle: LoggingHandle = {
    get level() {
      return (
        (Object.keys(LEVELS) as (LogLevel | "silent")[]).find((l) => LEVELS[l] === state.min) ??
        "info"
      );
    },
    format,
    setLevel(next) {
      state.min = LEVELS[choose("level", next, (v) => LEVEL_NAMES.has(v as string), "info")];
    },
    queue,
    flushSync,
    shutdown() {
      removeHooks();
      unregisterLogging(backend);
      flushSync();
      destination.close?.();
      if (current?.handle === handle) current = undefined;
    },
  };
  registerLogging(backend);
  current = { handle, backend };
  return handle;
}

function prettyOutput(destination: LineSink, colorize: boolean): LineSink {
  const pretty = prettifier(colorize);
  return {
    write(line: string) {
      return destination.write(pretty(line));
    },
  };
}

/**
 * Flushes on `exit` (after `process.exit()` and uncaught exceptions too) and on SIGTERM and
 * SIGINT; a signal is then re-raised when no other listener (one that would decide whether to
 * exit) is there, so the process ends as it would have. Returns a function removing them.
 */
function installFlushHooks(flushSync: () => void): () => void {
  const onSignal = Object.assign(
    (signal: NodeJS.Signals) => {
      flushSync();
      const others = process
        .listeners(signal)
        .filter((listener) => !(FLUSH_ONLY in listener) && listener !== onSignal);
      if (others.length > 0) return;
      remove();
      process.kill(process.pid, signal);
    },
    { [FLUSH_ONLY]: true },
  );
  const remove = () => {
    process.off("exit", flushSync);
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  };
  process.on("exit", flushSync);
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return remove;
}
