import { Delegate } from "./delegate.js";
import type {
  BoundCounter,
  BoundDistribution,
  CounterImplementation,
  DistributionImplementation,
  MetricDeclaration,
  TagSet,
} from "./types.js";

const NOOP_BOUND_COUNTER: BoundCounter = { add() {} };
const NOOP_COUNTER: CounterImplementation = { add() {}, bind: () => NOOP_BOUND_COUNTER };
const NOOP_BOUND_DISTRIBUTION: BoundDistribution = { record() {} };
const NOOP_DISTRIBUTION: DistributionImplementation = {
  record() {},
  bind: () => NOOP_BOUND_DISTRIBUTION,
};

class ProxyBoundCounter implements BoundCounter {
  readonly #delegate: Delegate<BoundCounter>;

  constructor(delegate: Delegate<BoundCounter>) {
    this.#delegate = delegate;
  }

  add(n: number): void {
    this.#delegate.get().add(n);
  }
}

/** @internal A counter that records into whichever SDK is registered (noop before). */
export class ProxyCounter {
  readonly declaration: MetricDeclaration;
  readonly #delegate: Delegate<CounterImplementation>;

  constructor(declaration: MetricDeclaration) {
    this.declaration = declaration;
    this.#delegate = new Delegate(
      (implementation) => implementation.metrics.counter(declaration),
      NOOP_COUNTER,
    );
  }

  add(n: number, tags?: TagSet): void {
    this.#delegate.get().add(n, tags);
  }

  bind(tags?: TagSet): BoundCounter {
    const parent = this.#delegate;
    return new ProxyBoundCounter(new Delegate(() => parent.get().bind(tags), NOOP_BOUND_COUNTER));
  }
}

class ProxyBoundDistribution implements BoundDistribution {
  readonly #delegate: Delegate<BoundDistribution>;

  constructor(delegate: Delegate<BoundDistribution>) {
    this.#delegate = delegate;
  }

  record(value: number): void {
    this.#delegate.get().record(value);
  }
}

/** @internal A distribution that records into whichever SDK is registered (noop before). */
export class ProxyDistribution {
  readonly declaration: MetricDeclaration;
  readonly #delegate: Delegate<DistributionImplementation>;

  constructor(declaration: MetricDeclaration) {
    this.declaration = declaration;
    this.#delegate = new Delegate(
      (implementation) => implementation.metrics.distribution(declaration),
      NOOP_DISTRIBUTION,
    );
  }

  record(value: number, tags?: TagSet): void {
    this.#delegate.get().record(value, tags);
  }

  bind(tags?: TagSet): BoundDistribution {
    const parent = this.#delegate;
    return new ProxyBoundDistribution(
      new Delegate(() => parent.get().bind(tags), NOOP_BOUND_DISTRIBUTION),
    );
  }
}

/** @internal A counter that never records, for rejected declarations. */
export function noopCounter(declaration: MetricDeclaration) {
  return { declaration, add() {}, bind: () => NOOP_BOUND_COUNTER };
}

/** @internal A distribution that never records, for rejected declarations. */
export function noopDistribution(declaration: MetricDeclaration) {
  return { declaration, record() {}, bind: () => NOOP_BOUND_DISTRIBUTION };
}
