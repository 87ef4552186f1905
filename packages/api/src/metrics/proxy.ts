import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import type {
  BoundCounter,
  BoundDistribution,
  BoundGauge,
  CounterImplementation,
  DistributionImplementation,
  GaugeImplementation,
  MetricDeclaration,
  MetricsImplementation,
  TagSet,
} from "./types.js";

// Proxies forward to whichever SDK is registered (the noops before one is), re-resolving
// their target when the registration epoch moves: one integer comparison per call buys
// proxies that keep working across SDK restarts, and bound handles that need no registry.
// Measured on Node 20, each of these choices kept a noop call ~1 ns cheaper (or allocation
// free): the epoch is read through a module-local constant, not the imported binding (which
// carries a temporal-dead-zone check); every class has its own `#epoch`/`#target` fields and
// checks (one shared through a base class went megamorphic); and resolution lives in
// `#resolve` methods, because a closure in a method on the call path made V8 allocate a
// context (40 bytes) on every call. Bound handles resolve when made, so that an installed
// SDK creates (and validates) their series at `bind`.
const state = sondeGlobal;

const NOOP_BOUND_COUNTER: BoundCounter = { add() {} };
const NOOP_COUNTER: CounterImplementation = { add() {}, bind: () => NOOP_BOUND_COUNTER };
const NOOP_BOUND_GAUGE: BoundGauge<unknown, unknown> = { set() {}, add() {} };
const NOOP_GAUGE: GaugeImplementation = { set() {}, add() {}, bind: () => NOOP_BOUND_GAUGE };
const NOOP_BOUND_DISTRIBUTION: BoundDistribution = { record() {} };
const NOOP_DISTRIBUTION: DistributionImplementation = {
  record() {},
  bind: () => NOOP_BOUND_DISTRIBUTION,
};

/** The target for the registered SDK, or `noop` (also when `create` throws, reported). */
function resolve<T>(create: (metrics: MetricsImplementation) => T, noop: T): T {
  const implementation = state.implementation;
  if (implementation === undefined) return noop;
  try {
    return create(implementation.metrics);
  } catch (error) {
    diag.report({ code: "internal_error", message: "metric instrument creation failed", error });
    return noop;
  }
}

/** @internal A counter that records into whichever SDK is registered (noop before). */
export class ProxyCounter {
  readonly declaration: MetricDeclaration;
  #epoch = -1;
  #target = NOOP_COUNTER;

  constructor(declaration: MetricDeclaration) {
    this.declaration = declaration;
  }

  add(n: number | bigint, tags?: TagSet): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.add(n, tags);
  }

  bind(tags?: TagSet): BoundCounter {
    return new ProxyBoundCounter(this, tags);
  }

  /** @internal */
  target(): CounterImplementation {
    if (this.#epoch !== state.epoch) this.#resolve();
    return this.#target;
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve((metrics) => metrics.counter(this.declaration), NOOP_COUNTER);
  }
}

class ProxyBoundCounter implements BoundCounter {
  readonly #parent: ProxyCounter;
  readonly #tags: TagSet | undefined;
  #epoch = -1;
  #target = NOOP_BOUND_COUNTER;

  constructor(parent: ProxyCounter, tags: TagSet | undefined) {
    this.#parent = parent;
    this.#tags = tags;
    this.#resolve();
  }

  add(n: number | bigint): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.add(n);
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve(() => this.#parent.target().bind(this.#tags), NOOP_BOUND_COUNTER);
  }
}

/** @internal A gauge that records into whichever SDK is registered (noop before). */
export class ProxyGauge {
  readonly declaration: MetricDeclaration;
  #epoch = -1;
  #target = NOOP_GAUGE;

  constructor(declaration: MetricDeclaration) {
    this.declaration = declaration;
  }

  set(value: unknown, tags?: TagSet): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.set(value, tags);
  }

  add(delta: unknown, tags?: TagSet): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.add(delta, tags);
  }

  bind(tags?: TagSet): BoundGauge<unknown, unknown> {
    return new ProxyBoundGauge(this, tags);
  }

  /** @internal */
  target(): GaugeImplementation {
    if (this.#epoch !== state.epoch) this.#resolve();
    return this.#target;
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve((metrics) => metrics.gauge(this.declaration), NOOP_GAUGE);
  }
}

class ProxyBoundGauge implements BoundGauge<unknown, unknown> {
  readonly #parent: ProxyGauge;
  readonly #tags: TagSet | undefined;
  #epoch = -1;
  #target = NOOP_BOUND_GAUGE;

  constructor(parent: ProxyGauge, tags: TagSet | undefined) {
    this.#parent = parent;
    this.#tags = tags;
    this.#resolve();
  }

  set(value: unknown): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.set(value);
  }

  add(delta: unknown): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.add(delta);
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve(() => this.#parent.target().bind(this.#tags), NOOP_BOUND_GAUGE);
  }
}

/** @internal A distribution that records into whichever SDK is registered (noop before). */
export class ProxyDistribution {
  readonly declaration: MetricDeclaration;
  #epoch = -1;
  #target = NOOP_DISTRIBUTION;

  constructor(declaration: MetricDeclaration) {
    this.declaration = declaration;
  }

  record(value: number, tags?: TagSet): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.record(value, tags);
  }

  bind(tags?: TagSet): BoundDistribution {
    return new ProxyBoundDistribution(this, tags);
  }

  /** @internal */
  target(): DistributionImplementation {
    if (this.#epoch !== state.epoch) this.#resolve();
    return this.#target;
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve((metrics) => metrics.distribution(this.declaration), NOOP_DISTRIBUTION);
  }
}

class ProxyBoundDistribution implements BoundDistribution {
  readonly #parent: ProxyDistribution;
  readonly #tags: TagSet | undefined;
  #epoch = -1;
  #target = NOOP_BOUND_DISTRIBUTION;

  constructor(parent: ProxyDistribution, tags: TagSet | undefined) {
    this.#parent = parent;
    this.#tags = tags;
    this.#resolve();
  }

  record(value: number): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.record(value);
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    this.#target = resolve(() => this.#parent.target().bind(this.#tags), NOOP_BOUND_DISTRIBUTION);
  }
}

/** @internal A counter that never records, for rejected declarations. */
export function noopCounter(declaration: MetricDeclaration) {
  return { declaration, ...NOOP_COUNTER };
}

/** @internal A gauge that never records, for rejected declarations. */
export function noopGauge(declaration: MetricDeclaration) {
  return { declaration, ...NOOP_GAUGE };
}

/** @internal A distribution that never records, for rejected declarations. */
export function noopDistribution(declaration: MetricDeclaration) {
  return { declaration, ...NOOP_DISTRIBUTION };
}
