import type { LogBindings, Logger, LogLevel } from "@sonde/api";
import { diag } from "@sonde/api";
import type { Logger as PinoLogger } from "pino";
import { type BoundLimits, boundFields, boundFieldsSlowly, TRUNCATED_FIELD } from "./bound.js";

/** pino's level numbers. */
export const LEVELS: Readonly<Record<LogLevel | "silent", number>> = Object.freeze({
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
});

/** What every logger of one configuration shares. */
export interface LoggingState {
  /** The lowest level number written. */
  min: number;
  readonly limits: BoundLimits;
  /** Writes buffered lines now (after every error and fatal line). */
  flushSync(): void;
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unprintable";
  }
}

/**
 * A {@link Logger} on a pino logger: it skips disabled levels before looking at the fields,
 * bounds the fields and message (see `boundFields`), and never lets an exception out: a line
 * that cannot be written is replaced by one saying why (`sonde_truncated`, `log_error`).
 * Error and fatal lines are flushed synchronously.
 */
export class SondeLogger implements Logger {
  readonly #pino: PinoLogger;
  readonly #state: LoggingState;

  constructor(pino: PinoLogger, state: LoggingState) {
    this.#pino = pino;
    this.#state = state;
  }

  trace(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 10) return;
    try {
      this.#pino.trace(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("trace", fields, message, error);
    }
  }

  debug(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 20) return;
    try {
      this.#pino.debug(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("debug", fields, message, error);
    }
  }

  info(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 30) return;
    try {
      this.#pino.info(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("info", fields, message, error);
    }
  }

  warn(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 40) return;
    try {
      this.#pino.warn(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("warn", fields, message, error);
    }
  }

  error(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 50) return;
    try {
      this.#pino.error(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("error", fields, message, error);
    }
    this.#state.flushSync();
  }

  fatal(fields?: unknown, message?: unknown): void {
    if (this.#state.min > 60) return;
    try {
      this.#pino.fatal(this.#fields(fields), this.#message(fields, message));
    } catch (error) {
      this.#failed("fatal", fields, message, error);
    }
    this.#state.flushSync();
  }

  child(bindings: LogBindings): Logger {
    try {
      return new SondeLogger(
        this.#pino.child(boundFieldsSlowly(bindings ?? {}, this.#state.limits)),
        this.#state,
      );
    } catch (error) {
      diag.report({ code: "internal_error", message: "child logger creation failed", error });
      return this;
    }
  }

  isLevelEnabled(level: LogLevel): boolean {
    return (LEVELS[level] ?? 0) >= this.#state.min;
  }

  #fields(fields: unknown): object | undefined {
    return typeof fields === "object" && fields !== null
      ? boundFields(fields, this.#state.limits)
      : undefined;
  }

  #message(fields: unknown, message: unknown): string | undefined {
    const text = typeof fields === "string" ? fields : message;
    if (text === undefined) return undefined;
    const max = this.#state.limits.stringLength;
    if (typeof text === "string" && text.length <= max) return text;
    const string = typeof text === "string" ? text : describe(text);
    return string.length > max ? `${string.slice(0, max)}…[${string.length - max} chars]` : string;
  }

  /** Writes what can be written of a line whose fields threw (a getter, a proxy). */
  #failed(level: LogLevel, fields: unknown, message: unknown, error: unknown): void {
    diag.report({ code: "log_fields_unreadable", message: describe(error), error });
    try {
      const safe =
        typeof fields === "object" && fields !== null
          ? boundFieldsSlowly(fields, this.#state.limits)
          : {};
      this.#pino[level](
        { ...safe, [TRUNCATED_FIELD]: true, log_error: describe(error) },
        this.#message(fields, message),
      );
    } catch (again) {
      diag.report({ code: "internal_error", message: "a log line was lost", error: again });
    }
  }
}
