import { EventEmitter } from "node:events";
import type { Context, ContextManager } from "@opentelemetry/api";
import type { ContextManager as SondeContextManager } from "@sonde/api";
import { bindEmitter } from "../trace/bind-emitter.js";

/**
 * OpenTelemetry's context manager backed by Sonde's: both APIs see and set the same active
 * context (contexts of either API have the same three methods, so each stores the other's).
 */
export class OtelContextManager implements ContextManager {
  readonly #sonde: SondeContextManager;

  constructor(sonde: SondeContextManager) {
    this.#sonde = sonde;
  }

  active(): Context {
    return this.#sonde.active();
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#sonde.with(context, () => fn.apply(thisArg, args));
  }

  /** Functions run, and emitters emit, with `context` active. Other values are returned as is. */
  bind<T>(context: Context, target: T): T {
    if (target instanceof EventEmitter) return bindEmitter(target, context);
    if (typeof target !== "function") return target;
    const manager = this.#sonde;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    return function (this: unknown, ...args: unknown[]) {
      return manager.with(context, () => fn.apply(this, args));
    } as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    return this;
  }
}
