import type { IncomingMessage, ServerResponse } from "node:http";
import type { LogBindings, Logger, LogLevel } from "@sonde/api";
import { diag } from "@sonde/api";
import pino, { type Logger as PinoLogger } from "pino";
import { type BoundLimits, boundFields, boundFieldsSlowly, TRUNCATED_FIELD } from "./bound.js";

/** pino's write method: `(fields or undefined, message, level number)`. */
type PinoWrite = (fields: object | undefined, message: string | undefined, level: number) => void;
const { writeSym } = pino.symbols;

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
    if (this.#state.min <= 10) this.#write(10, fields, message);
  }

  debug(fields?: unknown, message?: unknown): void {
    if (this.#state.min <= 20) this.#write(20, fields, message);
  }

  info(fields?: unknown, message?: unknown): void {
    if (this.#state.min <= 30) this.#write(30, fields, message);
  }

  warn(fields?: unknown, message?: unknown): void {
    if (this.#state.min <= 40) this.#write(40, fields, message);
  }

  error(fields?: unknown, message?: unknown): void {
    if (this.#state.min <= 50) this.#write(50, fields, message);
  }

  fatal(fields?: unknown, message?: unknown): void {
    if (this.#state.min <= 60) this.#write(60, fields, message);
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

  /** Bounded fields; an HTTP request or response is summarised as pino's methods would. */
  #fields(fields: unknown): object | undefined {
    if (typeof fields !== "object" || fields === null) return undefined;
    const http = fields as { method?: unknown; headers?: unknown; socket?: unknown };
    if (http.method && http.headers && http.socket) {
      return boundFields(
        pino.stdSerializers.mapHttpRequest(fields as IncomingMessage),
        this.#state.limits,
      );
    }
    if (typeof (fields as { setHeader?: unknown }).setHeader === "function") {
      return boundFields(
        pino.stdSerializers.mapHttpResponse(fields as ServerResponse),
        this.#state.limits,
      );
    }
    return boundFields(fields, this.#state.limits);
  }

  #message(fields: unknown, message: unknown): string | undefined {
    const text = typeof fields === "string" ? fields : message;
    if (text === undefined) return undefined;
    const max = this.#state.limits.stringLength;
    if (typeof text === "string" && text.length <= max) return text;
    const string = typeof text === "string" ? text : describe(text);
    return string.length > max ? `${string.slice(0, max)}…[${string.length - max} chars]` : string;
  }

  /**
   * Calls pino's write method (`pino.symbols.writeSym`, what its level methods call after
   * formatting the message and summarising HTTP messages, see `#fields`) directly: the
   * message needs no `%s` formatting, and skipping the level method saves its rest-argument
   * array per line (~10% of a plain pino line, measured by bench/src/logs.ts's profile).
   */
  #write(level: number, fields: unknown, message: unknown): void {
    try {
      (this.#pino as unknown as Record<symbol, PinoWrite>)[writeSym](
        this.#fields(fields),
        this.#message(fields, message),
        level,
      );
    } catch (error) {
      this.#failed(level, fields, message, error);
    }
    if (level >= 50) this.#state.flushSync();
  }

  /** Writes what can be written of a line whose fields threw (a getter, a proxy). */
  #failed(level: number, fields: unknown, message: unknown, error: unknown): void {
    diag.report({ code: "log_fields_unreadable", message: describe(error), error });
    try {
      const safe =
        typeof fields === "object" && fields !== null
          ? boundFieldsSlowly(fields, this.#state.limits)
          : {};
      (this.#pino as unknown as Record<symbol, PinoWrite>)[writeSym](
        { ...safe, [TRUNCATED_FIELD]: true, log_error: describe(error) },
        this.#message(fields, message),
        level,
      );
    } catch (again) {
      diag.report({ code: "internal_error", message: "a log line was lost", error: again });
    }
  }
}
