/** Log levels, from the most verbose; a logger at level `info` drops `trace` and `debug`. */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** Fields added to every line of a logger, e.g. `{ plugin: "billing" }`. */
export type LogBindings = Readonly<Record<string, unknown>>;

/**
 * One level's method, as in pino: `log.info("started")`, `log.info({ port }, "listening")`,
 * `log.error(err, "charge failed")` (an `Error` becomes the `err` field). Never throws.
 */
export interface LogMethod {
  (message: string): void;
  (fields: object | Error | null | undefined, message?: string): void;
}

/**
 * A structured logger (pino-compatible subset). Every line inside a span carries its
 * `trace_id` and `span_id`. Does nothing until the application configures logging (with
 * @sonde/sdk's `configureLogging`). No method throws, whatever the fields: circular, very deep
 * or very large values are cut and marked.
 */
export interface Logger {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  fatal: LogMethod;
  /** A logger adding `bindings` to every line (on top of this logger's). */
  child(bindings: LogBindings): Logger;
  /** Whether lines of `level` are written (false before logging is configured). */
  isLevelEnabled(level: LogLevel): boolean;
}

/** What a logging implementation provides: a logger for a name and bindings. Never throws. */
export interface LoggingBackend {
  /** A label for diagnostics, e.g. `"@sonde/sdk pino"`. */
  readonly name: string;
  logger(name: string, bindings: LogBindings | undefined): Logger;
}

// Until this member moves into ../global.ts.
declare module "../global.js" {
  interface SondeGlobal {
    /** The configured logging backend, undefined before `configureLogging`. */
    logging?: LoggingBackend;
  }
}
