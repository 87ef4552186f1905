import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { errorMessage } from "../trace/errors.js";
import type { LogBindings, Logger, LoggingBackend, LogLevel } from "./types.js";

const state = sondeGlobal;

function noop(): void {}

const NOOP_LOGGER: Logger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  fatal: noop,
  child: () => NOOP_LOGGER,
  isLevelEnabled: () => false,
};

/**
 * @internal A logger that writes through whichever backend is configured (nothing before).
 * Each call compares the configured backend with the one it resolved against: one property
 * read and one comparison, as the metric proxies' epoch check.
 */
class ProxyLogger implements Logger {
  readonly #name: string;
  readonly #bindings: LogBindings | undefined;
  #backend: LoggingBackend | undefined;
  #target: Logger = NOOP_LOGGER;

  constructor(name: string, bindings: LogBindings | undefined) {
    this.#name = name;
    this.#bindings = bindings;
  }

  trace(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.trace(fields as object, message);
  }

  debug(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.debug(fields as object, message);
  }

  info(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.info(fields as object, message);
  }

  warn(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.warn(fields as object, message);
  }

  error(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.error(fields as object, message);
  }

  fatal(fields?: unknown, message?: string): void {
    if (state.logging !== this.#backend) this.#resolve();
    this.#target.fatal(fields as object, message);
  }

  child(bindings: LogBindings): Logger {
    return new ProxyLogger(this.#name, { ...this.#bindings, ...bindings });
  }

  isLevelEnabled(level: LogLevel): boolean {
    if (state.logging !== this.#backend) this.#resolve();
    return this.#target.isLevelEnabled(level);
  }

  #resolve(): void {
    const backend = state.logging;
    this.#backend = backend;
    if (backend === undefined) {
      this.#target = NOOP_LOGGER;
      return;
    }
    try {
      this.#target = backend.logger(this.#name, this.#bindings);
    } catch (error) {
      diag.report({ code: "internal_error", message: "logger creation failed", error });
      this.#target = NOOP_LOGGER;
    }
  }
}

/**
 * A logger for a library or module `name` (reported as the `logger` field), adding `bindings`
 * to every line. It writes nothing until the application's entry point configures logging
 * (@sonde/sdk `configureLogging`), then writes through it, even if obtained earlier. Never
 * throws.
 *
 * @example
 * const log = logs.getLogger("billing", { plugin: "stripe" });
 * log.info({ order_id: id, amount_cents: 1299 }, "charge accepted");
 * log.error(err, "charge failed");
 */
function getLogger(name: string, bindings?: LogBindings): Logger {
  return new ProxyLogger(typeof name === "string" ? name : errorMessage(name), bindings);
}

/**
 * Installs the process-wide logging backend behind every logger from {@link logs.getLogger}.
 * Returns false, and reports `already_registered` through `diag`, when another backend is
 * installed. Never throws.
 */
export function registerLogging(backend: LoggingBackend): boolean {
  const current = state.logging;
  if (current !== undefined && current !== backend) {
    diag.report({
      code: "already_registered",
      message: `${backend.name} not installed: ${current.name} is already installed`,
      key: backend.name,
    });
    return false;
  }
  state.logging = backend;
  return true;
}

/** Removes `backend` if it is the installed one (loggers write nothing again). Never throws. */
export function unregisterLogging(backend: LoggingBackend): boolean {
  if (state.logging !== backend) return false;
  state.logging = undefined;
  return true;
}

/**
 * Structured logging for libraries and applications (issue 7): `getLogger(name, bindings?)`.
 * Only the program's entry point configures where lines go; until then loggers are noops.
 */
export const logs = { getLogger } as const;
