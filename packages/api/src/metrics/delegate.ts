import { diag } from "../diag.js";
import { type SondeImplementation, sondeGlobal } from "../global.js";

/**
 * @internal The implementation behind a proxy, re-resolved when an SDK is (un)registered:
 * before registration it is the noop, afterwards the SDK's. One integer comparison per call
 * buys proxies that keep working across SDK restarts and bound handles that need no list.
 */
export class Delegate<T> {
  #epoch = -1;
  #value: T;
  readonly #create: (implementation: SondeImplementation) => T;
  readonly #noop: T;

  constructor(create: (implementation: SondeImplementation) => T, noop: T) {
    this.#create = create;
    this.#noop = noop;
    this.#value = noop;
  }

  get(): T {
    if (this.#epoch !== sondeGlobal.epoch) {
      this.#epoch = sondeGlobal.epoch;
      this.#value = this.#resolve();
    }
    return this.#value;
  }

  #resolve(): T {
    const implementation = sondeGlobal.implementation;
    if (implementation === undefined) return this.#noop;
    try {
      return this.#create(implementation);
    } catch (error) {
      diag.report({ code: "internal_error", message: "instrument creation failed", error });
      return this.#noop;
    }
  }
}
